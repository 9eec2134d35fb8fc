package io.kinlink.faults;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The ledger's own invariants, read from the rewards database: double entry, cached balances,
 * lots, one credit per cause, nothing held or dead-lettered.
 */
final class LedgerChecks {

    private final Databases databases;
    private final List<String> violations;

    LedgerChecks(Databases databases, List<String> violations) {
        this.databases = databases;
        this.violations = violations;
    }

    void check() throws SQLException {
        each("transaction %s does not sum to zero: %s", """
                select transaction_id, sum(amount) from ledger_entry group by transaction_id having sum(amount) <> 0""");
        each("transaction %s (%s) has no entries", """
                select t.id, t.reason from ledger_transaction t
                where not exists (select 1 from ledger_entry e where e.transaction_id = t.id)""");
        each("account %s caches %s but its entries sum to %s", """
                select a.id, a.balance, coalesce(sum(e.amount), 0) from ledger_account a
                left join ledger_entry e on e.account_id = a.id
                where a.member_id is not null group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)""");
        each("member %s has %s points in open lots but %s available", """
                select a.member_id, coalesce(l.remaining, 0), a.balance from ledger_account a
                left join (select member_id, sum(remaining) as remaining from points_lot group by member_id) l
                  on l.member_id = a.member_id
                where a.kind = 'MEMBER_POINTS_AVAILABLE' and coalesce(l.remaining, 0) <> greatest(a.balance, 0)""");
        each("%s %s level %s was credited %s times", """
                select reason, source_id, chain_level, count(*) from ledger_transaction
                where reverses_transaction_id is null and reason in ('REFERRAL_REBATE', 'OWN_SPEND')
                group by reason, source_id, chain_level, rule_id having count(*) > 1""");
        each("credit %s paid %s but its reversals took %s", """
                select t.id, sum(e.amount), (select -sum(re.amount) from ledger_transaction r
                    join ledger_entry re on re.transaction_id = r.id join ledger_account ra on ra.id = re.account_id
                    where r.reverses_transaction_id = t.id and ra.member_id is not null)
                from ledger_transaction t join ledger_entry e on e.transaction_id = t.id
                join ledger_account a on a.id = e.account_id and a.member_id is not null
                where t.reverses_transaction_id is null
                group by t.id having sum(e.amount) < (select -sum(re.amount) from ledger_transaction r
                    join ledger_entry re on re.transaction_id = r.id join ledger_account ra on ra.id = re.account_id
                    where r.reverses_transaction_id = t.id and ra.member_id is not null)""");
        each("reward %s is held (%s): the suite's cap never holds", "select idempotency_key, reason from held_reward");
        for (String service : Databases.SERVICES) {
            for (Map<String, Object> row : databases.rows(service,
                    "select event_type, event_id, reason from dead_letter")) {
                violations.add(service + " dead-lettered " + row.get("event_type") + " " + row.get("event_id") + ": "
                        + row.get("reason"));
            }
        }
    }

    /** Adds one violation per row of {@code sql}, its columns filling the message's {@code %s}. */
    private void each(String message, String sql) throws SQLException {
        for (Map<String, Object> row : databases.rows("rewards", sql)) {
            violations.add(String.format(message, row.values().toArray()));
        }
    }
}
