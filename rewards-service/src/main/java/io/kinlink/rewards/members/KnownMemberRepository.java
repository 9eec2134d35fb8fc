package io.kinlink.rewards.members;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Which member ids name a member, as the member service announced them. A member registered a
 * moment ago may not be known yet: the answer is then 404 until their registration arrives.
 */
@ApplicationScoped
public class KnownMemberRepository {

    private final EntityManager em;

    public KnownMemberRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(TxType.MANDATORY)
    public void learn(UUID memberId, Instant registeredAt) {
        em.createNativeQuery("insert into known_member (member_id, registered_at) values (?1, ?2) "
                        + "on conflict (member_id) do nothing")
                .setParameter(1, memberId).setParameter(2, registeredAt).executeUpdate();
    }

    /** A 404 for an id that names no member. */
    @Transactional(TxType.MANDATORY)
    public void require(UUID memberId) {
        boolean known = !em.createNativeQuery("select 1 from known_member where member_id = ?1")
                .setParameter(1, memberId).getResultList().isEmpty();
        if (!known) {
            throw new NotFoundProblem("member-not-found", "No member " + memberId);
        }
    }
}
