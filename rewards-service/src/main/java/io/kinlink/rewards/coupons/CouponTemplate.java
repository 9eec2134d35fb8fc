package io.kinlink.rewards.coupons;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a coupon is worth, what it needs, and how long it is valid once issued. */
@Entity
@Table(name = "coupon_template")
public class CouponTemplate {

    @Id
    private UUID id;
    private String name;
    @Column(name = "face_value_fen")
    private long faceValueFen;
    @Column(name = "min_spend_fen")
    private long minSpendFen;
    @Column(name = "valid_days")
    private int validDays;
    @Column(name = "per_member_limit")
    private Integer perMemberLimit;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CouponTemplate() {
    }

    public CouponTemplate(String name, long faceValueFen, long minSpendFen, int validDays, Integer perMemberLimit,
                          Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.faceValueFen = faceValueFen;
        this.minSpendFen = minSpendFen;
        this.validDays = validDays;
        this.perMemberLimit = perMemberLimit;
        this.active = true;
        this.createdAt = createdAt;
    }

    public void deactivate() {
        active = false;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long faceValueFen() {
        return faceValueFen;
    }

    public long minSpendFen() {
        return minSpendFen;
    }

    public int validDays() {
        return validDays;
    }

    public Integer perMemberLimit() {
        return perMemberLimit;
    }

    public boolean active() {
        return active;
    }
}
