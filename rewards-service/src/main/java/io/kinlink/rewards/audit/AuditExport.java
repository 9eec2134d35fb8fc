package io.kinlink.rewards.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.csv.SpreadsheetCsv;
import io.kinlink.rewards.config.RewardsSettings;
import io.kinlink.rewards.rules.AppliedRule;
import io.kinlink.rewards.rules.RuleBook;
import io.kinlink.rewards.rules.RuleKind;
import io.kinlink.rewards.service.RebateCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The compliance audit of a month (and a branch): every reward with its order, chain level, rule
 * and version and the order's per-order cap, hash-chained so an auditor can check that nothing was
 * removed or changed, with the summary a regulator asks for.
 */
@ApplicationScoped
public class AuditExport {

    /** The audit: its summary and its rows in chain order. */
    public record Audit(AuditSummary summary, List<AuditRow> rows) {

        /** CSV: the header, then one line per row; each row's hash covers its line (without the hash) and the hash before. */
        public String csv() {
            StringBuilder csv = new StringBuilder(SpreadsheetCsv.line(AuditRow.COLUMNS)).append(LINE_END);
            rows.forEach(row -> csv.append(row.csvLine()).append(LINE_END));
            return csv.toString();
        }
    }

    /**
     * The CSV's format, which the hash chain covers byte for byte: 1 wrote text bare unless it held a
     * comma, quote or line feed, with LF line ends; 2 (from rewards-service 0.1 with Commons CSV) is
     * RFC 4180 with CRLF, every text cell quoted, numbers and empty cells bare, and formula-like text
     * prefixed with an apostrophe. A chain verifies only against the version it was written in.
     */
    public static final int CSV_FORMAT = 2;
    static final String HASH_ALGORITHM = "SHA-256 over the previous hash, a line feed and the row's CSV line "
            + "(format " + CSV_FORMAT + ") without its hash column and line end, in hex; the first row's previous hash "
            + "is firstHash";
    private static final String LINE_END = "\r\n";
    private static final int MAX_DEPTH = 3;
    private static final String REFERRAL_REBATE = "REFERRAL_REBATE";

    private final AuditRecordRepository records;
    private final RuleBook rules;
    private final RewardsSettings settings;

    public AuditExport(AuditRecordRepository records, RuleBook rules, RewardsSettings settings) {
        this.records = records;
        this.rules = rules;
        this.settings = settings;
    }

    @Transactional
    public Audit of(YearMonth period, Optional<String> branch) {
        Instant from = period.atDay(1).atStartOfDay(settings.zone()).toInstant();
        Instant to = period.plusMonths(1).atDay(1).atStartOfDay(settings.zone()).toInstant();
        List<AuditRecordRepository.Reward> rewards = records.of(from, to, branch);
        Map<UUID, Long> rebatesPerOrder = new LinkedHashMap<>();
        rewards.stream().filter(reward -> REFERRAL_REBATE.equals(reward.reason()) && reward.purchaseId() != null)
                .forEach(reward -> rebatesPerOrder.merge(reward.purchaseId(), reward.points(), Long::sum));

        String firstHash = sha256("kinlink-audit:" + period + ":" + branch.orElse("*"));
        String previous = firstHash;
        List<AuditRow> rows = new ArrayList<>();
        List<UUID> overCap = new ArrayList<>();
        for (AuditRecordRepository.Reward reward : rewards) {
            Optional<AppliedRule<RuleKind.OrderCapParams>> cap = reward.purchaseId() == null ? Optional.empty()
                    : rules.at(reward.purchaseAt()).orderCap();
            Long capPoints = cap.map(rule -> RebateCalculator.capPoints(reward.purchaseAmountFen(),
                    settings.pointsPerCny(), rule.params().maxShareBasisPoints())).orElse(null);
            Long orderRebates = reward.purchaseId() == null ? null : rebatesPerOrder.getOrDefault(reward.purchaseId(), 0L);
            if (capPoints != null && orderRebates != null && orderRebates > capPoints
                    && !overCap.contains(reward.purchaseId())) {
                overCap.add(reward.purchaseId());
            }
            AuditRow row = new AuditRow(rows.size() + 1, reward.id(), reward.kind(), reward.reason(), reward.memberId(),
                    reward.points(), reward.valueFen(), reward.ruleId(), reward.ruleVersion(), reward.chainLevel(),
                    reward.purchaseId(), reward.purchaseAmountFen(), reward.branch(), reward.occurredAt(),
                    cap.map(rule -> rule.version().ruleId() + " v" + rule.version().version()).orElse(null),
                    capPoints, orderRebates, reward.explanation(), null);
            previous = sha256(previous + "\n" + row.content());
            rows.add(row.withHash(previous));
        }
        return new Audit(summary(period, branch, rows, rebatesPerOrder.size(), overCap, firstHash, previous), rows);
    }

    private static AuditSummary summary(YearMonth period, Optional<String> branch, List<AuditRow> rows, int orders,
                                        List<UUID> overCap, String firstHash, String finalHash) {
        int deepest = rows.stream().map(AuditRow::chainLevel).filter(Objects::nonNull).mapToInt(Integer::intValue)
                .max().orElse(0);
        boolean inKind = rows.stream().allMatch(row -> row.kind().equals("POINTS") || row.kind().equals("COUPON"));
        int withoutPurchase = (int) rows.stream().filter(row -> row.reason().startsWith("REFERRAL")
                && row.purchaseId() == null).count();
        return new AuditSummary(period, branch.orElse(null), rows.size(),
                rows.stream().mapToLong(AuditRow::points).filter(points -> points > 0).sum(),
                -rows.stream().mapToLong(AuditRow::points).filter(points -> points < 0).sum(),
                (int) rows.stream().filter(row -> row.kind().equals("COUPON")).count(),
                rows.stream().mapToLong(AuditRow::valueFen).sum(), deepest, deepest <= MAX_DEPTH, inKind, orders,
                List.copyOf(overCap), withoutPurchase, CSV_FORMAT, HASH_ALGORITHM, firstHash, finalHash);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
