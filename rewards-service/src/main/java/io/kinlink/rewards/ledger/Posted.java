package io.kinlink.rewards.ledger;

/** A ledger transaction was posted (fired in its database transaction; observe it after the commit). */
public record Posted(Posting posting) {

    /**
     * The points the transaction moved into (positive) or out of (negative) the member's
     * accounts; 0 for a move between them, such as a release from pending to available.
     */
    public long memberPoints() {
        return posting.legs().stream().filter(leg -> leg.account().perMember()).mapToLong(Posting.Leg::amount).sum();
    }
}
