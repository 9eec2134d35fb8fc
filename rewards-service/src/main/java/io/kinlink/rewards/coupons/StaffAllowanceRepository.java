package io.kinlink.rewards.coupons;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The staff_allowance_use table: what each member of staff has given away in each month. */
@ApplicationScoped
class StaffAllowanceRepository {

    private final EntityManager em;

    StaffAllowanceRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Adds {@code valueFen} to the month's use in one statement, only if the total stays within
     * {@code allowanceFen}; whether it did.
     */
    boolean draw(String staffId, String month, long valueFen, long allowanceFen) {
        return em.createNativeQuery("""
                        insert into staff_allowance_use (staff_id, month, used_fen) values (?1, ?2, ?3)
                        on conflict (staff_id, month) do update set used_fen = staff_allowance_use.used_fen + excluded.used_fen
                        where staff_allowance_use.used_fen + excluded.used_fen <= ?4""")
                .setParameter(1, staffId).setParameter(2, month).setParameter(3, valueFen).setParameter(4, allowanceFen)
                .executeUpdate() == 1;
    }
}
