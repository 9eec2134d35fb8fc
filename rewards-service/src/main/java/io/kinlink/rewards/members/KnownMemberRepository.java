package io.kinlink.rewards.members;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The known_member table: every member id the member service announced, once. */
@ApplicationScoped
class KnownMemberRepository {

    private final EntityManager em;

    KnownMemberRepository(EntityManager em) {
        this.em = em;
    }

    void insert(UUID memberId, Instant registeredAt) {
        em.createNativeQuery("insert into known_member (member_id, registered_at) values (?1, ?2) "
                        + "on conflict (member_id) do nothing")
                .setParameter(1, memberId).setParameter(2, registeredAt).executeUpdate();
    }

    boolean exists(UUID memberId) {
        return !em.createNativeQuery("select 1 from known_member where member_id = ?1")
                .setParameter(1, memberId).getResultList().isEmpty();
    }
}
