package io.kinlink.member.standards;

import java.time.Instant;

/**
 * The five gold standards of one membership year: net spend, distinct item categories bought,
 * visits, successful referrals, and average satisfaction (null when nothing was scored).
 */
public record GoldStandards(int year, Instant from, Instant to, boolean current, long spendFen,
                            int distinctCategories, int visits, int successfulReferrals,
                            Double averageSatisfaction, int satisfactionScores) {
}
