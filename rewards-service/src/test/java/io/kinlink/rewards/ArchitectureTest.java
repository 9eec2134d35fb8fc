package io.kinlink.rewards;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.HouseRules;

/** The house rules (test-support's HouseRules) hold for this service: the same for all three. */
class ArchitectureTest {

    @Test
    void the_service_follows_the_house_rules() {
        HouseRules.check("io.kinlink.rewards");
    }
}
