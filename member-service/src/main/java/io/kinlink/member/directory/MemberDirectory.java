package io.kinlink.member.directory;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kinlink.member.Tier;
import io.kinlink.member.branch.Branches;
import io.kinlink.member.config.MemberSettings;
import io.kinlink.member.config.SegmentSettings;
import io.kinlink.member.pii.PhoneNumbers;
import io.kinlink.member.pii.PhoneProtector;
import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The operators' member list: filtered by tier, branch, needs tag, segment, last visit and
 * current-year spend, sorted and paged. Membership-year figures and segments are computed from
 * each member's own anniversary at query time, so they never go stale.
 */
@ApplicationScoped
public class MemberDirectory {

    /** Sort keys operators may use, mapped to columns of the figures below; nothing else reaches SQL. */
    public static final Map<String, String> SORTS = Map.of(
            "registered", "registered_at", "name", "name", "netSpend", "net_spend_fen",
            "yearSpend", "year_spend", "yearVisits", "year_visits", "lastVisit", "last_visit_at");

    private final DirectoryRepository repository;
    private final SegmentSettings segments;
    private final MemberSettings settings;
    private final PhoneProtector phones;
    private final Clock clock;
    private final Branches branches;

    MemberDirectory(DirectoryRepository repository, SegmentSettings segments, MemberSettings settings, PhoneProtector phones,
                           Clock clock, Branches branches) {
        this.branches = branches;
        this.repository = repository;
        this.segments = segments;
        this.settings = settings;
        this.phones = phones;
        this.clock = clock;
    }

    @Transactional
    public DirectoryPage find(MemberFilter filter, String sortKey, boolean descending, int page, int size) {
        filter.branch().ifPresent(branch -> branches.requireKnown("branch", branch));
        String order = SORTS.getOrDefault(sortKey, "registered_at") + (descending ? " desc" : " asc");
        DirectoryRepository.Found found = repository.find(parameters(), filter, order, page, size);
        return new DirectoryPage(page, size, found.total(), found.rows().stream().map(this::entry).toList());
    }

    private List<Object> parameters() {
        return List.of(clock.instant(), settings.timeZone().getId(), segments.strategicYearSpendFen(),
                segments.strategicYearReferrals(), segments.profitYearSpendFen(), segments.potentialYearSpendFen(),
                segments.activeWithin().toSeconds(), segments.highValueYearSpendFen(), segments.loyalYearVisits(),
                segments.churnedAfter().toSeconds());
    }

    private DirectoryEntry entry(Object[] row) {
        List<Behaviour> behaviours = new ArrayList<>();
        Behaviour[] flags = {Behaviour.ACTIVE, Behaviour.HIGH_VALUE, Behaviour.LOYAL, Behaviour.CHURNED};
        for (int i = 0; i < flags.length; i++) {
            if (Boolean.TRUE.equals(row[10 + i])) {
                behaviours.add(flags[i]);
            }
        }
        Object tags = row[15];
        List<String> needsTags = tags instanceof Object[] array ? Arrays.stream(array).map(String::valueOf).toList()
                : tags instanceof Array sqlArray ? toList(sqlArray) : List.of();
        return new DirectoryEntry((UUID) row[0], (String) row[1],
                row[2] == null ? null : PhoneNumbers.mask(phones.decrypt((byte[]) row[2])), (String) row[3],
                Tier.valueOf((String) row[4]), ((Number) row[5]).longValue(), ((Number) row[6]).longValue(),
                ((Number) row[7]).intValue(), ((Number) row[8]).intValue(), ValueSegment.valueOf((String) row[9]),
                behaviours, SqlTimes.instant(row[14]), needsTags, SqlTimes.instant(row[16]));
    }

    private static List<String> toList(Array array) {
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
