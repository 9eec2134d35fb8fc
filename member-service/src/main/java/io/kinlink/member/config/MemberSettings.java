package io.kinlink.member.config;

import java.time.ZoneId;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kinlink.members")
public interface MemberSettings {

    /** The needs tags operators group members by (product needs); others are refused. */
    @WithDefault("nose,eyes,laser,hyaluronic-acid,botox,skin,body-contouring,anti-aging,teeth,hair")
    Set<String> needsTags();

    /** Where anniversaries fall: membership years turn at midnight in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
