package io.kinlink.referral.analytics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.referral.config.ReferralSettings;
import jakarta.enterprise.context.ApplicationScoped;

/** A member's downstream network by level, counted on the stored chain columns. */
@ApplicationScoped
public class MemberNetwork {

    private final NetworkRepository repository;
    private final ReferralSettings settings;

    MemberNetwork(NetworkRepository repository, ReferralSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** Levels deeper than the configured chain depth are not part of the network and count 0. One indexed query. */
    public NetworkSize of(UUID memberId) {
        long[] counts = repository.countsByLevel(memberId);
        long[] levels = new long[3];
        for (int level = 1; level <= settings.chainDepth(); level++) {
            levels[level - 1] = counts[level - 1];
        }
        return NetworkSize.of(levels[0], levels[1], levels[2]);
    }

    /** The member and up to {@code limit} members below them, level by level, each with their direct referrer. */
    public Optional<NetworkTree> tree(UUID memberId, int limit) {
        return repository.root(memberId).map(root -> {
            // one more than asked tells whether the tree was cut
            List<NetworkTree.Node> below = repository.below(memberId, limit + 1);
            List<NetworkTree.Node> members = below.stream().limit(limit)
                    .filter(node -> node.level() <= settings.chainDepth())
                    .toList();
            return new NetworkTree(root, members, below.size() > limit);
        });
    }
}
