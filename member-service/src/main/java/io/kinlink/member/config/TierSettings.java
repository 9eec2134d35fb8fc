package io.kinlink.member.config;

import io.kinlink.member.Tier;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

/** Net spend, in fen, from which each tier starts: 10,000 / 30,000 / 50,000 CNY by default. */
@ConfigMapping(prefix = "kinlink.members.tiers")
public interface TierSettings {

    @WithDefault("1000000")
    @Positive
    long normalFromFen();

    @WithDefault("3000000")
    @Positive
    long silverFromFen();

    @WithDefault("5000000")
    @Positive
    long goldFromFen();

    /** The tier of a cumulative net spend; exactly the threshold reaches the tier. */
    default Tier tierFor(long netSpendFen) {
        return Tier.forNetSpend(netSpendFen, normalFromFen(), silverFromFen(), goldFromFen());
    }
}
