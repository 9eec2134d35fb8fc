package io.kinlink.referral.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.referral.ReferralCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReferralCodeRepository implements PanacheRepositoryBase<ReferralCode, String> {

    public Optional<ReferralCode> findByMember(UUID memberId) {
        return find("memberId", memberId).firstResultOptional();
    }

    /** Claims {@code code} for the member unless another member holds it already. */
    public boolean claim(String code, UUID memberId, Instant now) {
        return getEntityManager().createNativeQuery(
                        "insert into referral_code (code, member_id, created_at) values (?1, ?2, ?3) "
                                + "on conflict (code) do nothing")
                .setParameter(1, code)
                .setParameter(2, memberId)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }
}
