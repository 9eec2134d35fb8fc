package io.kinlink.rewards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What must hold of the ledger whatever happened: checked after every rewards test class. */
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
        });
    }
}
