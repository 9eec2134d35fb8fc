package io.kinlink.rewards.gate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.events.PointsCredited;
import io.kinlink.events.Topics;
import io.kinlink.platform.SqlTimes;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.rewards.budget.Budget;
import io.kinlink.rewards.coupons.CouponService;
import io.kinlink.rewards.ledger.AccountKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.lots.PointsLots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Every reward a rule computes passes here: paid when it fits its month's budget, else held,
 * visibly, until budget frees up (more revenue in that month) or an operator approves it. Nothing
 * is dropped; a held reward is cancelled only when its cause is undone before it is paid.
 */
@ApplicationScoped
public class RewardGate {

    private static final Logger LOG = Logger.getLogger(RewardGate.class);
    private static final String VIEW_COLUMNS = "id, period, member_id, kind, value_fen, payload, reason, status, "
            + "held_at, decided_at, decided_by, decision_note";

    private final Budget budget;
    private final Ledger ledger;
    private final PointsLots lots;
    private final CouponService coupons;
    private final HeldRewardRules rules;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RewardGate(Budget budget, Ledger ledger, PointsLots lots, CouponService coupons, HeldRewardRules rules,
                      Outbox outbox, EntityManager em, ObjectMapper mapper, Clock clock) {
        this.budget = budget;
        this.ledger = ledger;
        this.lots = lots;
        this.coupons = coupons;
        this.rules = rules;
        this.outbox = outbox;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public void grant(Reward reward) {
        String period = budget.periodOf(reward.occurredAt());
        budget.lock(period);
        if (alreadyHeld(reward.key())) {
            return;
        }
        long value = valueOf(reward);
        if (budget.fits(period, value, reward.occurredAt())) {
            pay(reward, period, value);
        } else {
            hold(reward, period, value, reward.occurredAt());
        }
    }

    /** Pays, oldest first, the held rewards that fit their month now; returns how many. */
    public int releaseHeld() {
        int released = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(this::openHeld)) {
            if (QuarkusTransaction.requiringNew().call(() -> releaseIfFits(id))) {
                released++;
            }
        }
        return released;
    }

    /** An operator pays a held reward over the cap. */
    @Transactional
    public HeldRewardView approve(UUID id, String by, String note) {
        HeldRow held = lockHeld(id);
        if (!held.status().equals("HELD")) {
            throw new ConflictProblem("held-reward-decided", "Held reward " + id + " is " + held.status() + " already");
        }
        settle(held, "APPROVED", by, note);
        return view(id);
    }

    /** Held rewards, oldest first, optionally of one status (HELD, RELEASED, APPROVED, CANCELLED). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<HeldRewardView> held(Optional<String> status) {
        var query = em.createNativeQuery("select " + VIEW_COLUMNS + " from held_reward"
                + (status.isPresent() ? " where status = ?1" : "") + " order by held_at, id limit 500");
        status.ifPresent(value -> query.setParameter(1, value));
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::view).toList();
    }

    private boolean releaseIfFits(UUID id) {
        HeldRow held = lockHeld(id);
        budget.lock(held.period());
        if (!held.status().equals("HELD") || !budget.fits(held.period(), held.valueFen(), clock.instant())) {
            return false;
        }
        settle(held, "RELEASED", "budget", "Budget freed up");
        return true;
    }

    /** Pays a held reward, unless its cause was undone meanwhile, in which case it is cancelled. */
    private void settle(HeldRow held, String status, String by, String note) {
        Reward reward = read(held);
        String undone = rules.whyUndone(reward).orElse(null);
        String finalStatus = undone == null ? status : "CANCELLED";
        if (undone == null) {
            pay(reward, held.period(), held.valueFen());
        }
        em.createNativeQuery("""
                        update held_reward set status = ?2, decided_at = ?3, decided_by = ?4, decision_note = ?5
                        where id = ?1""")
                .setParameter(1, held.id()).setParameter(2, finalStatus).setParameter(3, clock.instant())
                .setParameter(4, by).setParameter(5, undone == null ? note : undone).executeUpdate();
    }

    private void pay(Reward reward, String period, long value) {
        if (reward instanceof Reward.Points points) {
            payPoints(points);
        } else if (reward instanceof Reward.CouponReward coupon) {
            coupons.issue(coupon.grant());
        }
        budget.recordUse(period, value, reward instanceof Reward.Points ? "POINTS" : "COUPON", reward.key(),
                reward.occurredAt());
    }

    private void payPoints(Reward.Points reward) {
        UUID member = reward.member();
        ledger.lockMember(member);
        ledger.post(reward.posting()).ifPresent(transaction -> {
            if (!reward.pending()) {
                lots.open(member, transaction, reward.occurredAt(), reward.points(),
                        ledger.balance(member, AccountKind.MEMBER_POINTS_AVAILABLE));
            }
            outbox.append(Topics.REWARDS_EVENTS, member.toString(), new PointsCredited(member, transaction,
                    reward.points(), reward.posting().reason(), reward.posting().source().type(),
                    reward.posting().source().id(), reward.posting().chainLevel(), reward.pending(),
                    reward.availableAt()));
            rules.afterPointsPaid(reward);
        });
    }

    private void hold(Reward reward, String period, long value, Instant at) {
        String reason = String.format("Over the %s incentive budget: %d fen issued of a %d fen cap (revenue %d fen)",
                period, budget.issued(period), budget.cap(period, at), budget.revenue(period));
        em.createNativeQuery("""
                        insert into held_reward (id, idempotency_key, period, member_id, kind, value_fen, payload, reason,
                            status, held_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'HELD', ?9) on conflict (idempotency_key) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, reward.key()).setParameter(3, period)
                .setParameter(4, reward.member()).setParameter(5, kindOf(reward)).setParameter(6, value)
                .setParameter(7, write(reward)).setParameter(8, reason).setParameter(9, clock.instant())
                .executeUpdate();
        LOG.infof("Held %s for member %s: %s", reward.key(), reward.member(), reason);
    }

    private long valueOf(Reward reward) {
        return reward instanceof Reward.Points points ? budget.valueOfPoints(points.points())
                : ((Reward.CouponReward) reward).faceValueFen();
    }

    private boolean alreadyHeld(String key) {
        return !em.createNativeQuery("select 1 from held_reward where idempotency_key = ?1").setParameter(1, key)
                .getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> openHeld() {
        return em.createNativeQuery("select id from held_reward where status = 'HELD' order by held_at, id limit 500")
                .getResultList();
    }

    private HeldRow lockHeld(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, period, kind, value_fen, payload, status from held_reward where id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundProblem("held-reward-not-found", "No held reward " + id);
        }
        Object[] row = rows.get(0);
        return new HeldRow((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).longValue(),
                (String) row[4], (String) row[5]);
    }

    private HeldRewardView view(UUID id) {
        return view((Object[]) em.createNativeQuery("select " + VIEW_COLUMNS + " from held_reward where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private HeldRewardView view(Object[] row) {
        UUID id = (UUID) row[0];
        Reward reward = read(new HeldRow(id, (String) row[1], (String) row[3], 0, (String) row[5], (String) row[7]));
        return new HeldRewardView(id, (String) row[1], (UUID) row[2], (String) row[3],
                ((Number) row[4]).longValue(), reward.describe(), (String) row[6], (String) row[7],
                SqlTimes.instant(row[8]), SqlTimes.instant(row[9]), (String) row[10], (String) row[11]);
    }

    private static String kindOf(Reward reward) {
        return reward instanceof Reward.Points ? "POINTS" : "COUPON";
    }

    private String write(Reward reward) {
        try {
            return mapper.writeValueAsString(reward);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reward read(HeldRow held) {
        try {
            return held.kind().equals("POINTS") ? mapper.readValue(held.payload(), Reward.Points.class)
                    : mapper.readValue(held.payload(), Reward.CouponReward.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Held reward " + held.id() + " cannot be read", e);
        }
    }

    private record HeldRow(UUID id, String period, String kind, long valueFen, String payload, String status) {
    }
}
