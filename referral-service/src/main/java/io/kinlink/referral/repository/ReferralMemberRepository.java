package io.kinlink.referral.repository;

import java.util.UUID;

import io.kinlink.platform.AdvisoryLocks;
import io.kinlink.referral.ReferralMember;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ReferralMemberRepository implements PanacheRepositoryBase<ReferralMember, UUID> {

    /**
     * Serializes registrations of one phone (hash) until the transaction ends, so two sign-ups of
     * the same person at the same moment are seen one after the other.
     */
    public void lockPhone(String phoneHash) {
        AdvisoryLocks.holdUntilCommit(getEntityManager(), "phone:" + phoneHash);
    }

    /** Whether someone else already joined with this phone. */
    public boolean phoneTakenByOther(String phoneHash, UUID memberId) {
        return count("phoneHash = ?1 and memberId <> ?2", phoneHash, memberId) > 0;
    }
}
