package io.kinlink.platform.security;

import java.util.UUID;

import io.kinlink.platform.problem.ForbiddenProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the caller may see a member's data: operators see everyone, a member only themself,
 * a partner only members within its key's branches. Anyone else gets the same 404 as for a member
 * that does not exist, so ids cannot be probed.
 */
@RequestScoped
public class MemberReach {

    private final Caller caller;

    public MemberReach(Caller caller) {
        this.caller = caller;
    }

    /**
     * For services that do not know members' branches: a partner reaches the member the gateway
     * confirmed (it asked the member service, which does).
     */
    public void require(UUID memberId) {
        if (!reaches(memberId, caller.confirmedMember().filter(memberId::equals).isPresent())) {
            throw notFound(memberId);
        }
    }

    /** For the member service, which knows the member's home branch. */
    public void require(UUID memberId, String homeBranch) {
        if (!reaches(memberId, caller.branches().contains(homeBranch))) {
            throw notFound(memberId);
        }
    }

    /** A partner may act only for its own branches (recording a purchase there, redeeming there). */
    public void requireOwnBranch(String branch) {
        if (caller.isPartner() && !caller.branches().contains(branch)) {
            throw new ForbiddenProblem("branch-out-of-scope",
                    "This partner key may act only for branches " + String.join(", ", caller.branches()));
        }
    }

    private boolean reaches(UUID memberId, boolean partnerInScope) {
        if (caller.isOperator()) {
            return true;
        }
        if (caller.isPartner()) {
            return partnerInScope;
        }
        return caller.member().filter(memberId::equals).isPresent();
    }

    private static NotFoundProblem notFound(UUID memberId) {
        return new NotFoundProblem("member-not-found", "No member " + memberId);
    }
}
