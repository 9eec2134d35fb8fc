package io.kinlink.faults;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The independent audit after a schedule: reads the three databases read-only (after the drain)
 * and returns every broken promise as a sentence; none is the only passing result.
 */
final class Audit {

    private Audit() {
    }

    static List<String> violations(Databases databases, Acknowledged acknowledged) throws SQLException {
        databases.refresh();
        List<String> violations = new ArrayList<>();
        new LedgerChecks(databases, violations).check();
        new PurchaseCredits(databases, violations).check();
        new ReferralChecks(databases, violations).check(acknowledged);
        new DeliveryChecks(databases, violations).check(acknowledged);
        return violations;
    }
}
