package io.kinlink.rewards.rules;

import java.util.List;

import io.kinlink.platform.AdvisoryLocks;
import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/** Rule versions in the database; rows are inserted, never changed. */
@ApplicationScoped
public class RuleRepository {

    private static final String COLUMNS = "rule_id, version, kind, params, effective_from, effective_to, created_at, note";

    private final EntityManager em;

    public RuleRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(TxType.MANDATORY)
    public List<RuleVersion> all() {
        return list("select " + COLUMNS + " from reward_rule order by rule_id, version");
    }

    @Transactional(TxType.MANDATORY)
    public List<RuleVersion> versionsOf(String ruleId) {
        return list("select " + COLUMNS + " from reward_rule where rule_id = ?1 order by version", ruleId);
    }

    /** Adds the first version of a rule unless it has one; for seeding defaults from several replicas at once. */
    @Transactional(TxType.MANDATORY)
    public void appendIfAbsent(RuleVersion draft) {
        lock(draft.ruleId());
        if (versionsOf(draft.ruleId()).isEmpty()) {
            append(draft);
        }
    }

    /** Adds the next version of a rule; the version number comes from the rows, under a lock on the rule id. */
    @Transactional(TxType.MANDATORY)
    public RuleVersion append(RuleVersion draft) {
        lock(draft.ruleId());
        int next = ((Number) em.createNativeQuery("select coalesce(max(version), 0) + 1 from reward_rule where rule_id = ?1")
                .setParameter(1, draft.ruleId()).getSingleResult()).intValue();
        RuleVersion version = new RuleVersion(draft.ruleId(), next, draft.kind(), draft.params(), draft.effectiveFrom(),
                draft.effectiveTo(), draft.createdAt(), draft.note());
        em.createNativeQuery("insert into reward_rule (" + COLUMNS + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, version.ruleId()).setParameter(2, version.version())
                .setParameter(3, version.kind().name()).setParameter(4, version.params())
                .setParameter(5, version.effectiveFrom()).setParameter(6, version.effectiveTo())
                .setParameter(7, version.createdAt()).setParameter(8, version.note())
                .executeUpdate();
        return version;
    }

    private void lock(String ruleId) {
        AdvisoryLocks.holdUntilCommit(em, "rule:" + ruleId);
    }

    @SuppressWarnings("unchecked")
    private List<RuleVersion> list(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new RuleVersion((String) row[0], ((Number) row[1]).intValue(),
                RuleKind.valueOf((String) row[2]), (String) row[3], SqlTimes.instant(row[4]), SqlTimes.instant(row[5]),
                SqlTimes.instant(row[6]), (String) row[7])).toList();
    }
}
