package io.kinlink.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One purchase's credits as the rewards service writes them (see its Ledger, PointsLots, the
 * platform's Inbox and Outbox): the inbox claim, then per level the transaction claimed by its
 * idempotency key, the two legs (member and programme account, created when missing), the
 * member's cached balance, the points lot and the PointsCredited event.
 */
final class CreditTransaction {

    private final PreparedStatement inbox;
    private final PreparedStatement transaction;
    private final PreparedStatement account;
    private final PreparedStatement memberAccount;
    private final PreparedStatement programmeAccount;
    private final PreparedStatement entry;
    private final PreparedStatement balance;
    private final PreparedStatement lot;
    private final PreparedStatement outbox;

    CreditTransaction(Connection connection) throws SQLException {
        inbox = connection.prepareStatement("insert into processed_event (consumer, event_id, processed_at) values (?, ?, ?)");
        transaction = connection.prepareStatement("""
                insert into ledger_transaction (id, idempotency_key, member_id, reason, source_type, source_id,
                    source_event_id, rule_id, rule_version, chain_level, explanation, occurred_at, recorded_at)
                values (?, ?, ?, 'REFERRAL_REBATE', 'PURCHASE', ?, ?, 'referral-rebate', 1, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing""");
        account = connection.prepareStatement("insert into ledger_account (id, member_id, kind, balance) "
                + "values (?, ?, ?, ?) on conflict do nothing");
        memberAccount = connection.prepareStatement("select id from ledger_account where member_id = ? and kind = ?");
        programmeAccount = connection.prepareStatement("select id from ledger_account where member_id is null and kind = ?");
        entry = connection.prepareStatement("insert into ledger_entry (transaction_id, account_id, amount, available_at) "
                + "values (?, ?, ?, ?)");
        balance = connection.prepareStatement("update ledger_account set balance = balance + ? where id = ?");
        lot = connection.prepareStatement("insert into points_lot (id, member_id, source_transaction_id, earned_at, "
                + "expires_at, amount, remaining) values (?, ?, ?, ?, ?, ?, ?)");
        outbox = connection.prepareStatement("insert into outbox_event (id, topic, event_key, event_type, event_version, "
                + "occurred_at, payload) values (?, 'kinlink.rewards-events', ?, 'PointsCredited', 1, ?, ?)");
    }

    /** One purchase at the foot of {@code chain} (its three referrers, nearest first), as a forest has them. */
    void run(List<UUID> chain) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        UUID event = UUID.randomUUID();
        String purchase = "bench-" + event;
        inbox.setString(1, "rewards-service/referral-events");
        inbox.setObject(2, event);
        inbox.setTimestamp(3, now);
        inbox.executeUpdate();
        for (int level = 1; level <= 3; level++) {
            UUID member = chain.get(level - 1);
            UUID id = UUID.randomUUID();
            long points = 100L * level;
            transaction.setObject(1, id);
            transaction.setString(2, "PURCHASE:" + purchase + ":referral-rebate:" + level);
            transaction.setObject(3, member);
            transaction.setString(4, purchase);
            transaction.setObject(5, event);
            transaction.setInt(6, level);
            transaction.setString(7, "Referral rebate, level " + level);
            transaction.setTimestamp(8, now);
            transaction.setTimestamp(9, now);
            transaction.executeUpdate();
            UUID mine = accountOf(member, "MEMBER_POINTS_PENDING");
            UUID programme = accountOf(null, "PROGRAM_POINTS_ISSUED");
            leg(id, mine, points, now);
            balance.setLong(1, points);
            balance.setObject(2, mine);
            balance.executeUpdate();
            leg(id, programme, -points, null);
            lot.setObject(1, UUID.randomUUID());
            lot.setObject(2, member);
            lot.setObject(3, id);
            lot.setTimestamp(4, now);
            lot.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofDays(365))));
            lot.setLong(6, points);
            lot.setLong(7, points);
            lot.executeUpdate();
            outbox.setObject(1, UUID.randomUUID());
            outbox.setString(2, member.toString());
            outbox.setTimestamp(3, now);
            outbox.setString(4, "x".repeat(Ceiling.RECORD_BYTES));
            outbox.executeUpdate();
        }
    }

    private UUID accountOf(UUID member, String kind) throws SQLException {
        account.setObject(1, UUID.randomUUID());
        account.setObject(2, member);
        account.setString(3, kind);
        account.setObject(4, member == null ? null : 0L);
        account.executeUpdate();
        PreparedStatement select = member == null ? programmeAccount : memberAccount;
        if (member == null) {
            select.setString(1, kind);
        } else {
            select.setObject(1, member);
            select.setString(2, kind);
        }
        try (var found = select.executeQuery()) {
            found.next();
            return (UUID) found.getObject(1);
        }
    }

    private void leg(UUID transactionId, UUID accountId, long amount, Timestamp availableAt) throws SQLException {
        entry.setObject(1, transactionId);
        entry.setObject(2, accountId);
        entry.setLong(3, amount);
        entry.setTimestamp(4, availableAt);
        entry.executeUpdate();
    }
}
