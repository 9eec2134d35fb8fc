package io.kinlink.rewards.coupons;

import java.util.UUID;

public record CouponTemplateView(UUID id, String name, long faceValueFen, long minSpendFen, int validDays,
                                 Integer perMemberLimit, boolean active) {

    public static CouponTemplateView of(CouponTemplate template) {
        return new CouponTemplateView(template.id(), template.name(), template.faceValueFen(), template.minSpendFen(),
                template.validDays(), template.perMemberLimit(), template.active());
    }
}
