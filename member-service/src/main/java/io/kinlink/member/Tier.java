package io.kinlink.member;

/** Card tiers by cumulative net spend (普卡 / 银卡 / 金卡); a member below the first threshold has none. */
public enum Tier {
    NONE,
    NORMAL,
    SILVER,
    GOLD;

    /** The tier of a cumulative net spend; exactly a threshold reaches its tier. */
    public static Tier forNetSpend(long netSpendFen, long normalFromFen, long silverFromFen, long goldFromFen) {
        if (netSpendFen >= goldFromFen) {
            return GOLD;
        }
        if (netSpendFen >= silverFromFen) {
            return SILVER;
        }
        return netSpendFen >= normalFromFen ? NORMAL : NONE;
    }
}
