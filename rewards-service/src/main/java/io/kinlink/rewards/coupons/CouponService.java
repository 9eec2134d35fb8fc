package io.kinlink.rewards.coupons;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.events.CouponChanged;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.platform.problem.RuleViolationProblem;
import io.kinlink.rewards.budget.Budget;
import io.kinlink.rewards.budget.RewardKind;
import io.kinlink.rewards.ledger.Ledger;
import io.kinlink.rewards.members.KnownMembers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * Issues, redeems and ends coupons. Every change is one transaction with its movement row and
 * its event; a member's coupon changes hold the member's lock, like their points.
 */
@ApplicationScoped
public class CouponService {

    private final CouponRepository repository;
    private final Ledger ledger;
    private final Budget budget;
    private final Outbox outbox;
    private final CouponTemplates templates;
    private final StaffAllowances allowances;
    private final Clock clock;
    private final KnownMembers knownMembers;

    CouponService(CouponRepository repository, Ledger ledger, Budget budget, Outbox outbox, CouponTemplates templates,
                         StaffAllowances allowances, Clock clock, KnownMembers knownMembers) {
        this.knownMembers = knownMembers;
        this.repository = repository;
        this.ledger = ledger;
        this.budget = budget;
        this.outbox = outbox;
        this.templates = templates;
        this.allowances = allowances;
        this.clock = clock;
    }

    /**
     * A coupon given by a person (an operator, or staff from their allowance) to a member there is.
     * The request id is the caller's for this member: the same id again returns this member's coupon,
     * the same id for another member issues theirs.
     */
    @Transactional
    public Result issueOnRequest(UUID member, CouponRequests.Issue request) {
        knownMembers.require(member);
        String cause = request.staffId() == null ? "operator" : "staff:" + request.staffId();
        return issue(new CouponGrant(member, request.templateId(), cause + ":" + request.requestId() + ":member:" + member,
                request.reason(), request.staffId() == null ? "OPERATOR" : "STAFF", request.requestId(), null, null,
                request.staffId()));
    }

    /**
     * Issues a coupon once per cause: the same grant again returns the coupon issued the first time.
     * Refused (422) for an inactive template, past the template's per-member limit, or past a
     * member of staff's monthly allowance.
     */
    @Transactional(TxType.REQUIRED)
    public Result issue(CouponGrant grant) {
        Instant now = clock.instant();
        if (grant.ruleId() == null) {
            // the month's budget before the member, in the order every reward takes them: no deadlock
            budget.lock(budget.periodOf(now));
        }
        ledger.lockMember(grant.member());
        Optional<Coupon> earlier = repository.byIdempotencyKey(grant.idempotencyKey());
        if (earlier.isPresent()) {
            return new Result(earlier.get(), false);
        }
        CouponTemplate template = templates.get(grant.templateId());
        if (!template.active()) {
            throw new RuleViolationProblem("coupon-template-inactive", "Template " + template.id() + " is retired");
        }
        if (template.perMemberLimit() != null && repository.issuedFromTemplate(grant.member(), template.id())
                >= template.perMemberLimit()) {
            throw new RuleViolationProblem("coupon-limit-reached", "The member holds " + template.perMemberLimit()
                    + " coupons of template " + template.name() + " already, the most allowed");
        }
        if (grant.staffId() != null) {
            allowances.draw(grant.staffId(), template.faceValueFen(), now);
        }
        Coupon coupon = new Coupon(template, grant, now);
        repository.persist(coupon);
        if (grant.ruleId() == null) {
            // a person's decision (staff allowance, operator) is counted against the budget but never held back
            budget.recordUse(budget.periodOf(now), template.faceValueFen(), RewardKind.COUPON, grant.idempotencyKey(), now);
        }
        recordMovement(coupon, grant.reason(), grant.sourceType(), grant.sourceId(), now);
        return new Result(coupon, true);
    }

    /** Uses a coupon at the till; a retry of the same till transaction returns it unchanged. */
    @Transactional
    public Result redeem(UUID member, UUID couponId, String tillTransaction, long orderAmountFen, String branch) {
        ledger.lockMember(member);
        Coupon coupon = couponOf(member, couponId);
        refuseSecondCouponOn(branch, tillTransaction, couponId);
        Instant now = clock.instant();
        boolean changed = coupon.redeem(tillTransaction, orderAmountFen, branch, now);
        if (changed) {
            recordMovement(coupon, "Redeemed at " + branch, "TILL", tillTransaction, now);
        }
        return new Result(coupon, changed);
    }

    /** Voids an unused coupon; voiding a voided one again changes nothing; a used one is 409. */
    @Transactional
    public Coupon voidCoupon(UUID member, UUID couponId, String why, String sourceType, String sourceId) {
        // the month that counted the coupon before the member, in the order every reward takes them
        budget.lockMonthCounting(repository.idempotencyKeyOf(couponId).orElse(""));
        ledger.lockMember(member);
        Coupon coupon = couponOf(member, couponId);
        Instant now = clock.instant();
        if (coupon.end(CouponStatus.VOIDED, why, now)) {
            recordMovement(coupon, why, sourceType, sourceId, now);
            budget.takeBack(coupon.idempotencyKey(), "void:" + coupon.id(), now);
        }
        return coupon;
    }

    /** Coupons issued for a cause that are still unused: what a refund of that cause voids. */
    @Transactional(TxType.MANDATORY)
    public List<Coupon> openCouponsFrom(String sourceType, String sourceId) {
        return repository.openFrom(sourceType, sourceId);
    }

    /** The member's unused coupons issued for one reason. */
    @Transactional(TxType.MANDATORY)
    public List<Coupon> openCouponsOfReason(UUID member, String reason) {
        return repository.openOfReason(member, reason);
    }

    /** Ends every unused coupon past its validity, up to {@link CouponRepository#EXPIRY_BATCH} a call; returns how many. */
    @Transactional
    public int expireDue(Instant now) {
        List<Coupon> due = repository.dueToExpire(now);
        for (Coupon coupon : due) {
            coupon.end(CouponStatus.EXPIRED, "Validity ended " + coupon.validUntil(), now);
            recordMovement(coupon, "Validity ended unused", "EXPIRY", coupon.id().toString(), now);
        }
        return due.size();
    }

    @Transactional
    public List<Coupon> couponsOf(UUID member, Optional<CouponStatus> status) {
        return repository.of(member, status);
    }

    /** One coupon per till transaction: a branch's transaction that used a coupon can't use another. */
    private void refuseSecondCouponOn(String branch, String tillTransaction, UUID couponId) {
        repository.usedOn(branch, tillTransaction).stream()
                .filter(other -> !other.equals(couponId)).findFirst().ifPresent(other -> {
                    throw new ConflictProblem("till-transaction-has-coupon", "Till transaction " + tillTransaction
                            + " at " + branch + " already used coupon " + other);
                });
    }

    private Coupon couponOf(UUID member, UUID couponId) {
        return repository.lock(couponId).filter(coupon -> coupon.memberId().equals(member))
                .orElseThrow(() -> new NotFoundProblem("coupon-not-found",
                        "Member " + member + " has no coupon " + couponId));
    }

    private void recordMovement(Coupon coupon, String reason, String sourceType, String sourceId, Instant now) {
        repository.recordMovement(coupon, reason, sourceType, sourceId, now);
        outbox.append(Topics.REWARDS_EVENTS, coupon.memberId().toString(), new CouponChanged(coupon.memberId(),
                coupon.id(), coupon.status().name(), coupon.faceValueFen(), reason, coupon.validUntil(), now));
    }

    public record Result(Coupon coupon, boolean changed) {
    }
}
