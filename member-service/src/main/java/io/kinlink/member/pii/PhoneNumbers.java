package io.kinlink.member.pii;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164. Mainland China mobile numbers may be given without the country code
 * (13812341234), with it (+86 138 1234 1234) or with the 00 prefix; other countries need it.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty when it is not a plausible phone number. */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(input.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (MAINLAND_MOBILE.matcher(compact).matches()) {
            return Optional.of("+86" + compact);
        }
        if (compact.startsWith("+86")) {
            return MAINLAND_MOBILE.matcher(compact.substring(3)).matches() ? Optional.of(compact) : Optional.empty();
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /**
     * The number as it may be shown to anyone but its owner: mainland numbers as 138****1234,
     * others as the country prefix and the last four digits.
     */
    public static String mask(String e164) {
        if (e164.startsWith("+86") && e164.length() == 14) {
            String national = e164.substring(3);
            return national.substring(0, 3) + "****" + national.substring(7);
        }
        String lastFour = e164.substring(e164.length() - 4);
        return e164.substring(0, Math.min(3, e164.length() - 4)) + "****" + lastFour;
    }
}
