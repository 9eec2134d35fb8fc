package io.kinlink.member.repository;

import java.util.Optional;
import java.util.UUID;

import io.kinlink.member.Member;
import io.kinlink.platform.AdvisoryLocks;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /**
     * The member, locked until the transaction ends: activity that moves net spend and tier is
     * applied one at a time per member.
     */
    public Optional<Member> findForUpdate(UUID memberId) {
        return Optional.ofNullable(getEntityManager().find(Member.class, memberId,
                LockModeType.PESSIMISTIC_WRITE));
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

    public Optional<Member> findByPhoneHash(String phoneHash) {
        return find("phoneHash", phoneHash).firstResultOptional();
    }
}
