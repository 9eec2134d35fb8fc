package io.kinlink.member.directory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.kinlink.platform.csv.SpreadsheetCsv;

/** The directory as CSV for spreadsheets (the platform's one CSV writer: text quoted, formulas defused). */
public final class DirectoryCsv {

    static final List<String> HEADER = List.of("id", "name", "phone", "branch", "tier", "netSpendFen", "yearSpendFen",
            "yearVisits", "yearReferrals", "valueSegment", "behaviours", "lastVisitAt", "needsTags", "registeredAt");

    private DirectoryCsv() {
    }

    public static String of(List<DirectoryEntry> entries) {
        return SpreadsheetCsv.document(HEADER, entries.stream().map(DirectoryCsv::row).toList());
    }

    static List<Object> row(DirectoryEntry e) {
        return Arrays.asList(e.id(), e.name(), e.phone(), e.branch(), e.tier(), e.netSpendFen(),
                e.yearSpendFen(), e.yearVisits(), e.yearReferrals(), e.valueSegment(),
                e.behaviours().stream().map(Enum::name).collect(Collectors.joining(" ")), e.lastVisitAt(),
                String.join(" ", e.needsTags()), e.registeredAt());
    }
}
