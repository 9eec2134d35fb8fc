package io.kinlink.gateway;

import org.junit.jupiter.api.Test;

import io.kinlink.testsupport.HouseRules;

/** The house's size rule (test-support's HouseRules) holds here too: no source file over ~250 lines. */
class SourceLengthTest {

    @Test
    void no_class_is_longer_than_the_house_allows() {
        HouseRules.checkSourceLengths();
    }
}
