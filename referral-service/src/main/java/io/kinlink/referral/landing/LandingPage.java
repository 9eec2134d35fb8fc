package io.kinlink.referral.landing;

import java.util.List;
import java.util.UUID;

import io.kinlink.platform.branch.BranchCopies.Named;

/**
 * What the landing page shows for a share link.
 *
 * @param inviter  the code owner's masked name; null when the code is unknown
 * @param clickId  the recorded click, carried by the form; null when the code is unknown
 * @param branches the open branches, named in the page's language
 * @param branch   the branch preselected in the form: the inviter's (the list holds it only while it is open);
 *                 null without an inviter
 */
public record LandingPage(String code, String inviter, UUID clickId, List<Named> branches, String branch) {

    public boolean known() {
        return inviter != null;
    }
}
