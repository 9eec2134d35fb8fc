package io.kinlink.rewards.gate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kinlink.platform.SqlTimes;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.rewards.budget.RewardKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/** The held_reward table: rewards the budget holds back, each with the reward itself kept as JSON. */
@ApplicationScoped
public class HeldRewardRepository {

    /** A held reward as the gate decides on it. */
    record Held(UUID id, YearMonth period, Reward reward, long valueFen, HeldRewardStatus status) {
    }

    private static final String VIEW_COLUMNS = "id, period, member_id, kind, value_fen, payload, reason, status, "
            + "held_at, decided_at, decided_by, decision_note";
    /** How many a list or a release round reads at most. */
    static final int BATCH = 500;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public HeldRewardRepository(EntityManager em, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    boolean holds(String rewardKey) {
        return !em.createNativeQuery("select 1 from held_reward where idempotency_key = ?1").setParameter(1, rewardKey)
                .getResultList().isEmpty();
    }

    /** Holds {@code reward}, once: a second hold of the same reward changes nothing. */
    @Transactional(TxType.MANDATORY)
    void hold(Reward reward, YearMonth period, long valueFen, String why) {
        em.createNativeQuery("""
                        insert into held_reward (id, idempotency_key, period, member_id, kind, value_fen, payload, reason,
                            status, held_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (idempotency_key) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, reward.key()).setParameter(3, period.toString())
                .setParameter(4, reward.member()).setParameter(5, kindOf(reward).name()).setParameter(6, valueFen)
                .setParameter(7, write(reward)).setParameter(8, why).setParameter(9, HeldRewardStatus.HELD.name())
                .setParameter(10, clock.instant())
                .executeUpdate();
    }

    /** The ids still held, oldest first. */
    @Transactional(TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<UUID> waiting() {
        return em.createNativeQuery("select id from held_reward where status = ?1 order by held_at, id limit ?2")
                .setParameter(1, HeldRewardStatus.HELD.name()).setParameter(2, BATCH).getResultList();
    }

    /** Locks a held reward until the transaction ends, so one decision is taken on it. */
    @Transactional(TxType.MANDATORY)
    Held lock(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, period, kind, value_fen, payload, status from held_reward where id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundProblem("held-reward-not-found", "No held reward " + id);
        }
        Object[] row = rows.get(0);
        return new Held(id, YearMonth.parse((String) row[1]), read(id, RewardKind.valueOf((String) row[2]), (String) row[4]),
                ((Number) row[3]).longValue(), HeldRewardStatus.valueOf((String) row[5]));
    }

    @Transactional(TxType.MANDATORY)
    void decide(UUID id, HeldRewardStatus status, String by, String note) {
        em.createNativeQuery("""
                        update held_reward set status = ?2, decided_at = ?3, decided_by = ?4, decision_note = ?5
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, clock.instant())
                .setParameter(4, by).setParameter(5, note).executeUpdate();
    }

    @Transactional(TxType.MANDATORY)
    HeldRewardView view(UUID id) {
        return view((Object[]) em.createNativeQuery("select " + VIEW_COLUMNS + " from held_reward where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    /** Held rewards, oldest first, optionally of one status; at most {@link #BATCH}. */
    @Transactional(TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<HeldRewardView> list(Optional<HeldRewardStatus> status) {
        var query = em.createNativeQuery("select " + VIEW_COLUMNS + " from held_reward"
                + (status.isPresent() ? " where status = ?1" : "") + " order by held_at, id limit " + BATCH);
        status.ifPresent(value -> query.setParameter(1, value.name()));
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::view).toList();
    }

    /** The rewards still held for a month: how many, and what they are worth. */
    @Transactional(TxType.MANDATORY)
    Waiting waitingIn(YearMonth period) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(value_fen), 0) from held_reward "
                + "where status = ?1 and period = ?2").setParameter(1, HeldRewardStatus.HELD.name())
                .setParameter(2, period.toString()).getSingleResult();
        return new Waiting(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
    }

    /** When the oldest reward still held was held; empty when none waits. */
    @Transactional(TxType.MANDATORY)
    public Optional<Instant> oldestWaiting() {
        return Optional.ofNullable(em.createNativeQuery("select min(held_at) from held_reward where status = ?1")
                .setParameter(1, HeldRewardStatus.HELD.name()).getSingleResult()).map(SqlTimes::instant);
    }

    record Waiting(int count, long valueFen) {
    }

    private HeldRewardView view(Object[] row) {
        UUID id = (UUID) row[0];
        Reward reward = read(id, RewardKind.valueOf((String) row[3]), (String) row[5]);
        return new HeldRewardView(id, YearMonth.parse((String) row[1]), (UUID) row[2], RewardKind.valueOf((String) row[3]),
                ((Number) row[4]).longValue(), reward.describe(), (String) row[6],
                HeldRewardStatus.valueOf((String) row[7]), SqlTimes.instant(row[8]), SqlTimes.instant(row[9]),
                (String) row[10], (String) row[11]);
    }

    static RewardKind kindOf(Reward reward) {
        return reward instanceof Reward.Points ? RewardKind.POINTS : RewardKind.COUPON;
    }

    private String write(Reward reward) {
        try {
            return mapper.writeValueAsString(reward);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reward read(UUID id, RewardKind kind, String payload) {
        try {
            return kind == RewardKind.POINTS ? mapper.readValue(payload, Reward.Points.class)
                    : mapper.readValue(payload, Reward.CouponReward.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Held reward " + id + " cannot be read", e);
        }
    }
}
