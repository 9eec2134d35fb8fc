package io.kinlink.referral.repository;

import java.util.UUID;

import io.kinlink.referral.ReferralMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReferralMemberRepository implements PanacheRepositoryBase<ReferralMember, UUID> {
}
