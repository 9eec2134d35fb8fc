package io.kinlink.rewards.coupons;

import java.time.Instant;
import java.time.YearMonth;

import io.kinlink.platform.problem.RuleViolationProblem;
import io.kinlink.rewards.config.RewardsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * What each member of staff may give away at their own discretion in a month. A draw either fits
 * the rest of the month's allowance and is taken in one statement, or is refused whole.
 */
@ApplicationScoped
public class StaffAllowances {

    private final EntityManager em;
    private final RewardsSettings settings;

    public StaffAllowances(EntityManager em, RewardsSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /** Takes {@code valueFen} from the staff member's allowance for the month of {@code at}, or refuses (422). */
    @Transactional(TxType.MANDATORY)
    public void draw(String staffId, long valueFen, Instant at) {
        long allowance = settings.staffMonthlyAllowanceFen();
        String month = YearMonth.from(at.atZone(settings.zone())).toString();
        int drawn = valueFen > allowance ? 0 : em.createNativeQuery("""
                        insert into staff_allowance_use (staff_id, month, used_fen) values (?1, ?2, ?3)
                        on conflict (staff_id, month) do update set used_fen = staff_allowance_use.used_fen + excluded.used_fen
                        where staff_allowance_use.used_fen + excluded.used_fen <= ?4""")
                .setParameter(1, staffId).setParameter(2, month).setParameter(3, valueFen).setParameter(4, allowance)
                .executeUpdate();
        if (drawn == 0) {
            throw new RuleViolationProblem("staff-allowance-exceeded", "Staff " + staffId + " has less than "
                    + valueFen + " fen of this month's discretionary allowance left");
        }
    }
}
