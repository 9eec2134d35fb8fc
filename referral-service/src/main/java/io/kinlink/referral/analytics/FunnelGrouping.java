package io.kinlink.referral.analytics;

/** How a funnel is split into rows. Each names the SQL expression of the row key; nothing user-typed reaches SQL. */
public enum FunnelGrouping {
    NONE("''"),
    REFERRER("cast(owner as varchar)"),
    BRANCH("m.branch"),
    CAMPAIGN("coalesce(x.campaign, '')");

    private final String keyExpression;

    FunnelGrouping(String keyExpression) {
        this.keyExpression = keyExpression;
    }

    String keyExpression() {
        return keyExpression;
    }
}
