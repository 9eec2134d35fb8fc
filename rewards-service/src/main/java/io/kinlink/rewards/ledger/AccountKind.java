package io.kinlink.rewards.ledger;

/** The accounts of the ledger: two per member, and the program's own. */
public enum AccountKind {
    /** Earned but still in the holding period: a refund in that time reverses it. */
    MEMBER_POINTS_PENDING(true),
    /** Spendable points. */
    MEMBER_POINTS_AVAILABLE(true),
    /** The program's side of every issue of points; its balance is minus all points ever issued. */
    PROGRAM_POINTS_ISSUED(false),
    /** Points spent by members at the till. */
    PROGRAM_POINTS_REDEEMED(false),
    /** Points that expired unspent. */
    PROGRAM_POINTS_EXPIRED(false);

    private final boolean perMember;

    AccountKind(boolean perMember) {
        this.perMember = perMember;
    }

    public boolean perMember() {
        return perMember;
    }
}
