package io.kinlink.referral.landing;

import java.util.List;
import java.util.UUID;

/**
 * What the landing page shows for a share link.
 *
 * @param inviter  the code owner's masked name; null when the code is unknown
 * @param clickId  the recorded click, carried by the form; null when the code is unknown
 * @param branch   the branch preselected in the form: the inviter's, when it is one of the offered branches
 */
public record LandingPage(String code, String inviter, UUID clickId, List<String> branches, String branch) {

    public boolean known() {
        return inviter != null;
    }
}
