package io.kinlink.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.kinlink.testsupport.DatabaseServer;

/**
 * Proof that the audit can fail: breaks three promises on purpose, as a bug would (a rebate paid
 * twice, an event a consumer never applied, a balance cache that drifted), asks the audit, and
 * puts everything back. The suite fails unless the audit names each one.
 */
final class PlantedViolations {

    private PlantedViolations() {
    }

    /** What the audit missed of what was planted; empty when it found everything. */
    static List<String> missed(DatabaseServer server, Databases databases, Acknowledged acknowledged) throws SQLException {
        String rewards = server.jdbcUrl(Cluster.DATABASE_PREFIX + "_rewards");
        String referral = server.jdbcUrl(Cluster.DATABASE_PREFIX + "_referral");
        plant(server, rewards, """
                insert into ledger_transaction (id, idempotency_key, member_id, reason, source_type, source_id,
                    source_event_id, rule_id, rule_version, chain_level, explanation, occurred_at, recorded_at)
                select '00000000-0000-0000-0000-00000000beef', idempotency_key || ':planted', member_id, reason,
                    source_type, source_id, source_event_id, rule_id, rule_version, chain_level, explanation,
                    occurred_at, recorded_at
                from ledger_transaction where reason = 'REFERRAL_REBATE' and reverses_transaction_id is null limit 1;
                insert into ledger_entry (transaction_id, account_id, amount, available_at)
                select '00000000-0000-0000-0000-00000000beef', e.account_id, e.amount, e.available_at
                from ledger_entry e join ledger_transaction t on t.id = e.transaction_id
                where t.idempotency_key || ':planted' =
                    (select idempotency_key from ledger_transaction where id = '00000000-0000-0000-0000-00000000beef');
                update ledger_account set balance = balance + 1
                where id = (select id from ledger_account where member_id is not null order by id limit 1);
                """);
        plant(server, referral, """
                create table planted_inbox_row as select * from processed_event
                where consumer = 'referral-service/member-events' order by processed_at desc limit 1;
                delete from processed_event where (consumer, event_id) in (select consumer, event_id from planted_inbox_row);
                """);
        try {
            List<String> found = Audit.violations(databases, acknowledged);
            List<String> missed = new ArrayList<>();
            expect(found, missed, "a rebate paid twice", v -> v.contains("twice") || v.contains("credited 2 times"));
            expect(found, missed, "an event never applied", v -> v.startsWith("referral-service/member-events never applied"));
            expect(found, missed, "a drifted balance cache", v -> v.contains(" caches "));
            return missed;
        } finally {
            plant(server, rewards, """
                    update ledger_account set balance = balance - 1
                    where id = (select id from ledger_account where member_id is not null order by id limit 1);
                    delete from ledger_entry where transaction_id = '00000000-0000-0000-0000-00000000beef';
                    delete from ledger_transaction where id = '00000000-0000-0000-0000-00000000beef';
                    """);
            plant(server, referral, """
                    insert into processed_event select * from planted_inbox_row;
                    drop table planted_inbox_row;
                    """);
        }
    }

    private static void expect(List<String> found, List<String> missed, String what, Predicate<String> sign) {
        if (found.stream().noneMatch(sign)) {
            missed.add(what + " (the audit said: " + found + ")");
        }
    }

    private static void plant(DatabaseServer server, String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
