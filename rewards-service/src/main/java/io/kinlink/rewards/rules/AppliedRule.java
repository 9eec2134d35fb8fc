package io.kinlink.rewards.rules;

import io.kinlink.rewards.ledger.Posting;

/** A rule version in force, with its parameters read. */
public record AppliedRule<P>(RuleVersion version, P params) {

    public Posting.Rule rule() {
        return new Posting.Rule(version.ruleId(), version.version());
    }

    /** "referral-rebate v3", for explanations. */
    public String label() {
        return version.ruleId() + " v" + version.version();
    }
}
