package io.kinlink.referral.analytics;

/**
 * One step of the referral funnel.
 *
 * @param conversion this step's count over the previous step's, to four decimals; null for the
 *                   first step and when the previous step counted nothing
 */
public record FunnelStep(Step step, long count, Double conversion) {

    /** The steps in funnel order. */
    public enum Step {
        SHARED,
        CLICKED,
        REGISTERED,
        FIRST_VISIT,
        FIRST_PURCHASE
    }
}
