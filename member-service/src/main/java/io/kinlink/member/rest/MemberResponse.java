package io.kinlink.member.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.Channel;
import io.kinlink.member.Member;
import io.kinlink.member.MemberStatus;
import io.kinlink.member.Tier;
import io.kinlink.member.pii.PhoneNumbers;
import io.kinlink.member.service.MemberRegistry.MemberView;

/** A member as partners and operators see them: the phone number masked. */
public record MemberResponse(UUID id, String name, String phone, String branch, Channel channel,
                             boolean marketingConsent, Instant consentGivenAt, MemberStatus status,
                             Instant registeredAt, Tier tier, long netSpendFen, List<String> needsTags,
                             Instant lastVisitAt) {

    static MemberResponse from(MemberView view) {
        Member member = view.member();
        return new MemberResponse(member.id(), member.name(),
                view.phoneE164() == null ? null : PhoneNumbers.mask(view.phoneE164()), member.branch(),
                member.channel(), member.marketingConsent(), member.consentGivenAt(), member.status(),
                member.registeredAt(), member.tier(), member.netSpendFen(), member.needsTags(),
                member.lastVisitAt().orElse(null));
    }
}
