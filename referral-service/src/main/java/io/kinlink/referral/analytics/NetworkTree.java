package io.kinlink.referral.analytics;

import java.util.List;
import java.util.UUID;

/**
 * A member's downstream network as a tree for operators to draw: each member below them, within
 * the configured depth, with the member who brought them.
 *
 * @param truncated true when the network has more members than were listed (the largest first levels first)
 */
public record NetworkTree(Node root, List<Node> members, boolean truncated) {

    /** @param referrerId who brought them (null for the root); {@code level} 0 for the root */
    public record Node(UUID memberId, String maskedName, String branch, int level, UUID referrerId) {
    }
}
