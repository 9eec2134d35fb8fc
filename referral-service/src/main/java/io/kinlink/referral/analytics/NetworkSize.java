package io.kinlink.referral.analytics;

/** How many members a member brought in, directly (level 1) and through their circles (levels 2 and 3). */
public record NetworkSize(long level1, long level2, long level3) {

    public long total() {
        return level1 + level2 + level3;
    }
}
