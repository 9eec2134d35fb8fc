package io.kinlink.member.standards;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's membership year: the rolling year from the day of their first purchase, renewed at
 * the start of each anniversary day in the clinic group's time zone (not the calendar year).
 *
 * @param number 1 for the year that starts with the first purchase
 * @param to     exclusive: the next anniversary
 */
public record MembershipYear(int number, Instant from, Instant to) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** Every membership year from the first purchase up to and including the one {@code now} is in. */
    public static List<MembershipYear> until(Instant firstPurchase, Instant now, ZoneId zone) {
        List<MembershipYear> years = new ArrayList<>();
        var start = firstPurchase.atZone(zone).toLocalDate().atStartOfDay(zone);
        for (int number = 1; ; number++) {
            Instant from = start.plusYears(number - 1L).toInstant();
            if (from.isAfter(now) && number > 1) {
                return years;
            }
            years.add(new MembershipYear(number, from, start.plusYears(number).toInstant()));
        }
    }
}
