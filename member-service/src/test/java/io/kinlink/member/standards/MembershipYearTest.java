package io.kinlink.member.standards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class MembershipYearTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai on 10 March 2025. */
    private static final Instant FIRST_PURCHASE = Instant.parse("2025-03-10T02:00:00Z");

    @Test
    void the_first_year_runs_from_the_day_of_the_first_purchase_to_the_eve_of_its_anniversary() {
        List<MembershipYear> years = MembershipYear.until(FIRST_PURCHASE, Instant.parse("2026-03-09T15:59:59Z"), SHANGHAI);
        assertEquals(1, years.size(), "23:59:59 on 9 March 2026 in Shanghai is still the first year");
        assertEquals(Instant.parse("2025-03-09T16:00:00Z"), years.get(0).from(), "midnight of 10 March, Shanghai");
        assertEquals(Instant.parse("2026-03-09T16:00:00Z"), years.get(0).to());
    }

    @Test
    void the_year_rolls_over_at_the_start_of_the_anniversary_day() {
        Instant anniversary = Instant.parse("2026-03-09T16:00:00Z");
        List<MembershipYear> years = MembershipYear.until(FIRST_PURCHASE, anniversary, SHANGHAI);
        assertEquals(2, years.size());
        assertEquals(anniversary, years.get(1).from());
        assertEquals(true, years.get(1).contains(anniversary));
        assertEquals(false, years.get(0).contains(anniversary));
    }

    @Test
    void a_first_purchase_on_a_leap_day_renews_on_the_last_day_of_february() {
        Instant leapDay = Instant.parse("2024-02-29T04:00:00Z");
        List<MembershipYear> years = MembershipYear.until(leapDay, Instant.parse("2025-03-01T00:00:00Z"), SHANGHAI);
        assertEquals(Instant.parse("2025-02-27T16:00:00Z"), years.get(1).from(), "28 February 2025, Shanghai");
    }
}
