package io.kinlink.referral.repository;

import java.util.UUID;

import io.kinlink.referral.LinkShare;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LinkShareRepository implements PanacheRepositoryBase<LinkShare, UUID> {
}
