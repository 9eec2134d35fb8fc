package io.kinlink.referral.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Ranks the members who bring others: by qualified referrals, by the size of their network across
 * the configured levels, or by the revenue that network brings. The stored chain columns make each
 * level one indexed scan; no walk up or down the tree.
 */
@ApplicationScoped
public class OpinionLeaders {

    private final LeaderRepository repository;

    OpinionLeaders(LeaderRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public List<OpinionLeader> rank(Instant from, Instant to, Optional<String> branch, LeaderRanking by, int limit) {
        return repository.rank(from, to, branch, by, limit);
    }
}
