package io.kinlink.member.repository;

import java.util.UUID;

import io.kinlink.member.Member;
import io.kinlink.platform.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /**
     * The member, locked until the transaction ends: activity that moves net spend and tier is
     * applied one at a time per member.
     */
    public java.util.Optional<Member> findForUpdate(UUID memberId) {
        return java.util.Optional.ofNullable(getEntityManager().find(Member.class, memberId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Holds back another registration of the same phone (hash) until this transaction ends, so two
     * sign-ups at the same moment become one member and one 409, never a failed commit.
     */
    public void lockPhone(String phoneHash) {
        AdvisoryLocks.holdUntilCommit(getEntityManager(), "phone:" + phoneHash);
    }

    public boolean existsByPhoneHash(String phoneHash) {
        return count("phoneHash", phoneHash) > 0;
    }

    public java.util.Optional<Member> findByPhoneHash(String phoneHash) {
        return find("phoneHash", phoneHash).firstResultOptional();
    }
}
