package io.kinlink.referral.analytics;

/** What opinion leaders are ranked by; each names its SQL column, so nothing user-typed reaches SQL. */
public enum LeaderRanking {
    QUALIFIED("qualified"),
    NETWORK("network_total"),
    REVENUE("revenue_fen");

    private final String column;

    LeaderRanking(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
