package io.kinlink.referral.repository;

import java.util.UUID;

import io.kinlink.referral.LinkClick;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LinkClickRepository implements PanacheRepositoryBase<LinkClick, UUID> {
}
