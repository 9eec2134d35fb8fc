package io.kinlink.platform.kpi;

import java.time.YearMonth;
import java.util.List;

/**
 * A service's KPIs for a run of months, oldest first; the gateway's {@code /api/kpis} merges the
 * services' reports month by month.
 *
 * @param branch the branch asked for, or null for the whole group
 */
public record KpiReport(String branch, List<Month> months) {

    public record Month(YearMonth period, List<Kpi> kpis) {
    }
}
