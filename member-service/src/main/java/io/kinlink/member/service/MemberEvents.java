package io.kinlink.member.service;

import java.time.Instant;

import io.kinlink.events.MemberRegistered;
import io.kinlink.events.MemberTierChanged;
import io.kinlink.events.PurchaseRecorded;
import io.kinlink.member.Member;
import io.kinlink.member.Purchase;
import io.kinlink.member.Tier;

/** Maps the aggregates to the events they publish; an entity never goes on a topic itself. */
final class MemberEvents {

    private MemberEvents() {
    }

    static MemberRegistered registered(Member member) {
        return new MemberRegistered(member.id(), member.maskedName(), member.phoneHash(), member.referralCode(),
                member.deviceId(), member.branch(), member.channel().name(), member.registeredAt(),
                member.referralClickId());
    }

    static PurchaseRecorded recorded(Purchase purchase) {
        return new PurchaseRecorded(purchase.id(), purchase.memberId(), purchase.externalTransactionId(),
                purchase.amountFen(), purchase.branch(), purchase.occurredAt(), purchase.categories());
    }

    static MemberTierChanged tierChanged(Member member, Tier previous, Instant now) {
        return new MemberTierChanged(member.id(), previous.name(), member.tier().name(), member.netSpendFen(), now);
    }
}
