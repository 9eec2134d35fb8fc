package io.kinlink.rewards.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The rewards of a period as the ledger and the coupons hold them, each with the order behind it. */
@ApplicationScoped
public class AuditRecordRepository {

    /** A reward before the audit adds its order's cap and its hash. */
    record Reward(UUID id, String kind, String reason, UUID memberId, long points, long valueFen, String ruleId,
                  Integer ruleVersion, Integer chainLevel, UUID purchaseId, Long purchaseAmountFen, String branch,
                  Instant purchaseAt, Instant occurredAt, String explanation) {
    }

    /** Referral rebates, own-spend points and their reversals; what a transaction moved in or out of the member's accounts. */
    private static final String POINTS = """
            select t.id, t.reason, t.member_id,
                   (select coalesce(sum(e.amount), 0) from ledger_entry e join ledger_account a on a.id = e.account_id
                    where e.transaction_id = t.id and a.member_id is not null) as points,
                   coalesce(t.rule_id, o.rule_id), coalesce(t.rule_version, o.rule_version),
                   coalesce(t.chain_level, o.chain_level), p.purchase_id, p.amount_fen, p.branch, p.occurred_at,
                   t.occurred_at, t.explanation
            from ledger_transaction t
            left join ledger_transaction o on o.id = t.reverses_transaction_id
            left join purchase_record p on p.purchase_id::text = coalesce(
                case when t.source_type = 'PURCHASE' then t.source_id end,
                case when o.source_type = 'PURCHASE' then o.source_id end)
            where t.reason in ('REFERRAL_REBATE', 'OWN_SPEND', 'REFUND_REVERSED', 'REFUND_CLAWBACK')
              and t.occurred_at >= ?1 and t.occurred_at < ?2
            order by t.occurred_at, t.id""";

    /** Coupons issued, with the purchase behind them: a qualifying purchase, or the purchase itself. */
    private static final String COUPONS = """
            select c.id, c.reason, c.member_id, c.face_value_fen, c.rule_id, c.rule_version,
                   p.purchase_id, p.amount_fen, p.branch, p.occurred_at, c.issued_at, c.source_type || ' ' || c.source_id
            from coupon c
            left join qualified_referral q on c.source_type = 'REFERRAL' and q.referral_id::text = c.source_id
            left join purchase_record p on p.purchase_id = q.purchase_id
                or (c.source_type = 'PURCHASE' and p.purchase_id::text = c.source_id)
            where c.issued_at >= ?1 and c.issued_at < ?2
            order by c.issued_at, c.id""";

    private final EntityManager em;

    public AuditRecordRepository(EntityManager em) {
        this.em = em;
    }

    /** Every reward of [from, to), points first then coupons, each in time order; of one branch when given. */
    @Transactional(TxType.MANDATORY)
    List<Reward> of(Instant from, Instant to, Optional<String> branch) {
        List<Reward> rewards = new ArrayList<>();
        for (Object[] row : rows(POINTS, from, to)) {
            rewards.add(new Reward((UUID) row[0], "POINTS", (String) row[1], (UUID) row[2], number(row[3]), 0,
                    (String) row[4], integer(row[5]), integer(row[6]), (UUID) row[7], longOrNull(row[8]),
                    (String) row[9], SqlTimes.instant(row[10]), SqlTimes.instant(row[11]), (String) row[12]));
        }
        for (Object[] row : rows(COUPONS, from, to)) {
            rewards.add(new Reward((UUID) row[0], "COUPON", (String) row[1], (UUID) row[2], 0, number(row[3]),
                    (String) row[4], integer(row[5]), null, (UUID) row[6], longOrNull(row[7]), (String) row[8],
                    SqlTimes.instant(row[9]), SqlTimes.instant(row[10]), "coupon for " + row[11]));
        }
        return branch.map(wanted -> rewards.stream().filter(reward -> wanted.equals(reward.branch())).toList())
                .orElse(rewards);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Instant from, Instant to) {
        return em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
