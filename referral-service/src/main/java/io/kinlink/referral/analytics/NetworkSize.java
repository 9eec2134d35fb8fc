package io.kinlink.referral.analytics;

/** How many members a member brought in, directly (level 1) and through their circles (levels 2 and 3). */
public record NetworkSize(long level1, long level2, long level3, long total) {

    public static NetworkSize of(long level1, long level2, long level3) {
        return new NetworkSize(level1, level2, level3, level1 + level2 + level3);
    }
}
