package io.kinlink.member.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** When staff follow up (回访): how soon after the event, and which satisfaction scores call for a call. */
@ConfigMapping(prefix = "kinlink.follow-ups")
public interface FollowUpSettings {

    /** How long staff have for a follow-up before it counts as overdue. */
    @WithDefault("P2D")
    Duration dueAfter();

    /** A score at or below this (1-5) calls for a follow-up; a complaint always does. */
    @WithDefault("2")
    @Min(1)
    @Max(5)
    int lowScore();
}
