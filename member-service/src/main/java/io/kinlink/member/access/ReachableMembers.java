package io.kinlink.member.access;

import java.util.UUID;

import io.kinlink.member.Member;
import io.kinlink.member.Purchase;
import io.kinlink.member.repository.MemberRepository;
import io.kinlink.member.repository.PurchaseRepository;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.security.MemberReach;
import jakarta.enterprise.context.RequestScoped;

/**
 * The member service's own check of who may see or act for a member: it knows each member's
 * home branch, so a partner reaches exactly the members of its key's branches.
 */
@RequestScoped
public class ReachableMembers {

    private final MemberRepository members;
    private final PurchaseRepository purchases;
    private final MemberReach reach;

    public ReachableMembers(MemberRepository members, PurchaseRepository purchases, MemberReach reach) {
        this.members = members;
        this.purchases = purchases;
        this.reach = reach;
    }

    /** 404 unless the member exists and the caller may reach them. */
    public void require(UUID memberId) {
        Member member = members.findByIdOptional(memberId)
                .orElseThrow(() -> new NotFoundProblem("member-not-found", "No member " + memberId));
        reach.require(memberId, member.branch());
    }

    /** For acting at a branch: the member must be reachable and a partner may act only at its own branches. */
    public void requireAt(UUID memberId, String branch) {
        require(memberId);
        reach.requireOwnBranch(branch);
    }

    /** A refund: the buyer must be reachable and the purchase made at one of a partner's branches. */
    public void requirePurchase(UUID purchaseId) {
        Purchase purchase = purchases.findByIdOptional(purchaseId)
                .orElseThrow(() -> new NotFoundProblem("purchase-not-found", "No purchase " + purchaseId));
        try {
            require(purchase.memberId());
        } catch (NotFoundProblem outOfReach) {
            throw new NotFoundProblem("purchase-not-found", "No purchase " + purchaseId);
        }
        reach.requireOwnBranch(purchase.branch());
    }

    /** A partner registering a member may do so only for its own branches. */
    public void requireRegistrationAt(String branch) {
        reach.requireOwnBranch(branch);
    }
}
