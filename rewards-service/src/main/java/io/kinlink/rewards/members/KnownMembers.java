package io.kinlink.rewards.members;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Which member ids name a member, as the member service announced them. A member registered a
 * moment ago may not be known yet: the answer is then 404 until their registration arrives.
 */
@ApplicationScoped
public class KnownMembers {

    private final KnownMemberRepository repository;

    KnownMembers(KnownMemberRepository repository) {
        this.repository = repository;
    }

    @Transactional(TxType.MANDATORY)
    public void learn(UUID memberId, Instant registeredAt) {
        repository.insert(memberId, registeredAt);
    }

    /** A 404 for an id that names no member. */
    @Transactional(TxType.MANDATORY)
    public void require(UUID memberId) {
        if (!repository.exists(memberId)) {
            throw new NotFoundProblem("member-not-found", "No member " + memberId);
        }
    }
}
