package io.kinlink.rewards.coupons;

import java.time.Instant;
import java.time.YearMonth;

import io.kinlink.platform.problem.RuleViolationProblem;
import io.kinlink.rewards.config.RewardsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * What each member of staff may give away at their own discretion in a month. A draw either fits
 * the rest of the month's allowance and is taken in one statement, or is refused whole.
 */
@ApplicationScoped
public class StaffAllowances {

    private final StaffAllowanceRepository repository;
    private final RewardsSettings settings;

    StaffAllowances(StaffAllowanceRepository repository, RewardsSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** Takes {@code valueFen} from the staff member's allowance for the month of {@code at}, or refuses (422). */
    @Transactional(TxType.MANDATORY)
    public void draw(String staffId, long valueFen, Instant at) {
        long allowance = settings.staffMonthlyAllowanceFen();
        String month = YearMonth.from(at.atZone(settings.zone())).toString();
        boolean drawn = valueFen <= allowance && repository.draw(staffId, month, valueFen, allowance);
        if (!drawn) {
            throw new RuleViolationProblem("staff-allowance-exceeded", "Staff " + staffId + " has less than "
                    + valueFen + " fen of this month's discretionary allowance left");
        }
    }
}
