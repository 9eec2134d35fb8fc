package io.kinlink.member.directory;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The directory as CSV for spreadsheets, with cells that could run as formulas defused. */
public final class DirectoryCsv {

    private static final String HEADER = "id,name,phone,branch,tier,netSpendFen,yearSpendFen,yearVisits,"
            + "yearReferrals,valueSegment,behaviours,lastVisitAt,needsTags,registeredAt";

    private DirectoryCsv() {
    }

    public static String of(List<DirectoryEntry> entries) {
        return Stream.concat(Stream.of(HEADER), entries.stream().map(DirectoryCsv::row))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    private static String row(DirectoryEntry e) {
        return Stream.of(e.id(), e.name(), e.phone(), e.branch(), e.tier(), e.netSpendFen(), e.yearSpendFen(),
                        e.yearVisits(), e.yearReferrals(), e.valueSegment(),
                        e.behaviours().stream().map(Enum::name).collect(Collectors.joining(" ")), e.lastVisitAt(),
                        String.join(" ", e.needsTags()), e.registeredAt())
                .map(DirectoryCsv::cell).collect(Collectors.joining(","));
    }

    /** Quotes every text cell; a leading =, +, - or @ gets a ' so spreadsheets show it instead of running it. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof Number) {
            return text;
        }
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
