package io.kinlink.rewards.coupons;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.RuleViolationProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One coupon held by one member; its value and conditions are copied from the template when issued. */
@Entity
@Table(name = "coupon")
public class Coupon {

    @Id
    private UUID id;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "template_id")
    private UUID templateId;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "face_value_fen")
    private long faceValueFen;
    @Column(name = "min_spend_fen")
    private long minSpendFen;
    @Enumerated(EnumType.STRING)
    private CouponStatus status;
    private String reason;
    @Column(name = "source_type")
    private String sourceType;
    @Column(name = "source_id")
    private String sourceId;
    @Column(name = "rule_id")
    private String ruleId;
    @Column(name = "rule_version")
    private Integer ruleVersion;
    @Column(name = "staff_id")
    private String staffId;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "valid_until")
    private Instant validUntil;
    @Column(name = "redeemed_at")
    private Instant redeemedAt;
    @Column(name = "redemption_transaction")
    private String redemptionTransaction;
    @Column(name = "redeemed_branch")
    private String redeemedBranch;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "end_reason")
    private String endReason;

    protected Coupon() {
    }

    Coupon(CouponTemplate template, CouponGrant grant, Instant now) {
        this.id = UUID.randomUUID();
        this.idempotencyKey = grant.idempotencyKey();
        this.templateId = template.id();
        this.memberId = grant.member();
        this.faceValueFen = template.faceValueFen();
        this.minSpendFen = template.minSpendFen();
        this.status = CouponStatus.ISSUED;
        this.reason = grant.reason();
        this.sourceType = grant.sourceType();
        this.sourceId = grant.sourceId();
        this.ruleId = grant.ruleId();
        this.ruleVersion = grant.ruleVersion();
        this.staffId = grant.staffId();
        this.issuedAt = now;
        this.validUntil = now.plus(Duration.ofDays(template.validDays()));
    }

    /**
     * Uses the coupon for a till transaction. The same transaction of the same branch again is a
     * retry and changes nothing (returns false); anything else on a used, expired or voided coupon
     * is refused.
     */
    boolean redeem(String tillTransaction, long orderAmountFen, String branch, Instant now) {
        if (status == CouponStatus.REDEEMED && tillTransaction.equals(redemptionTransaction)
                && branch.equals(redeemedBranch)) {
            return false;
        }
        if (status == CouponStatus.REDEEMED) {
            throw new ConflictProblem("coupon-already-used", "Coupon " + id + " was used at another till transaction");
        }
        if (status != CouponStatus.ISSUED || !now.isBefore(validUntil)) {
            throw new RuleViolationProblem("coupon-not-valid", "Coupon " + id + " is " + (status == CouponStatus.ISSUED
                    ? "past its validity (" + validUntil + ")" : status.name().toLowerCase(Locale.ROOT)));
        }
        if (orderAmountFen < minSpendFen) {
            throw new RuleViolationProblem("coupon-minimum-spend", "Coupon " + id + " needs an order of at least "
                    + minSpendFen + " fen");
        }
        status = CouponStatus.REDEEMED;
        redemptionTransaction = tillTransaction;
        redeemedBranch = branch;
        redeemedAt = now;
        return true;
    }

    /** Ends an unused coupon (voided by an operator or a refund, or expired); false if it had ended already. */
    boolean end(CouponStatus how, String why, Instant now) {
        if (status == how) {
            return false;
        }
        if (status != CouponStatus.ISSUED) {
            throw new ConflictProblem("coupon-not-open", "Coupon " + id + " is " + status + " and cannot become " + how);
        }
        status = how;
        endReason = why;
        endedAt = now;
        return true;
    }

    public UUID id() {
        return id;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public UUID memberId() {
        return memberId;
    }

    public UUID templateId() {
        return templateId;
    }

    public long faceValueFen() {
        return faceValueFen;
    }

    public long minSpendFen() {
        return minSpendFen;
    }

    public CouponStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String sourceType() {
        return sourceType;
    }

    public String sourceId() {
        return sourceId;
    }

    public String ruleId() {
        return ruleId;
    }

    public Integer ruleVersion() {
        return ruleVersion;
    }

    public String staffId() {
        return staffId;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public Instant redeemedAt() {
        return redeemedAt;
    }

    public String redeemedBranch() {
        return redeemedBranch;
    }

    public String redemptionTransaction() {
        return redemptionTransaction;
    }

    public String endReason() {
        return endReason;
    }
}
