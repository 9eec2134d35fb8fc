package io.kinlink.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What must hold of the ledger whatever happened: checked after every rewards integration test. */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void assertHold() {
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            List<?> unbalanced = em.createNativeQuery(
                    "select transaction_id from ledger_entry group by transaction_id having sum(amount) <> 0")
                    .getResultList();
            assertEquals(List.of(), unbalanced, "every ledger transaction sums to zero");
            List<?> drifted = em.createNativeQuery("""
                    select a.id from ledger_account a left join ledger_entry e on e.account_id = a.id
                    where a.balance is not null group by a.id, a.balance
                    having a.balance <> coalesce(sum(e.amount), 0)""").getResultList();
            assertEquals(List.of(), drifted, "each cached balance equals the sum of its entries");
            List<?> empty = em.createNativeQuery("""
                    select t.id from ledger_transaction t
                    where not exists (select 1 from ledger_entry e where e.transaction_id = t.id)""").getResultList();
            assertEquals(List.of(), empty, "no transaction without entries");
            List<?> doubled = em.createNativeQuery("""
                    select source_type, source_id, rule_id, chain_level from ledger_transaction
                    where rule_id is not null
                    group by source_type, source_id, rule_id, chain_level having count(*) > 1""").getResultList();
            assertEquals(List.of(), doubled, "no source, rule and level credited twice");
            List<?> lotsAdrift = em.createNativeQuery("""
                    select a.member_id from ledger_account a
                    left join points_lot l on l.member_id = a.member_id
                    where a.kind = 'MEMBER_POINTS_AVAILABLE'
                    group by a.member_id, a.balance
                    having coalesce(sum(l.remaining), 0) <> greatest(a.balance, 0)""").getResultList();
            assertEquals(List.of(), lotsAdrift, "the lots left add up to the available points (0 while in debt)");
            List<?> overReversed = em.createNativeQuery("""
                    select c.id from ledger_transaction c
                    join ledger_entry ce on ce.transaction_id = c.id and ce.amount > 0
                    join ledger_account ca on ca.id = ce.account_id and ca.member_id is not null
                    join ledger_transaction r on r.reverses_transaction_id = c.id
                    join ledger_entry re on re.transaction_id = r.id and re.amount > 0
                    group by c.id, ce.amount having sum(re.amount) > ce.amount""").getResultList();
            assertEquals(List.of(), overReversed, "no refund undoes more than its credit paid");
        });
    }
}
