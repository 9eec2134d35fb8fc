package io.kinlink.member.rest;

import java.time.Instant;
import java.util.UUID;

import io.kinlink.member.Channel;
import io.kinlink.member.Member;
import io.kinlink.member.MemberStatus;
import io.kinlink.member.pii.PhoneNumbers;
import io.kinlink.member.service.MemberService.MemberView;

/** A member as partners and operators see them: the phone number masked. */
public record MemberResponse(UUID id, String name, String phone, String branch, Channel channel,
                             boolean marketingConsent, Instant consentGivenAt, MemberStatus status,
                             Instant registeredAt) {

    static MemberResponse from(MemberView view) {
        Member member = view.member();
        return new MemberResponse(member.id(), member.name(), PhoneNumbers.mask(view.phoneE164()), member.branch(),
                member.channel(), member.marketingConsent(), member.consentGivenAt(), member.status(),
                member.registeredAt());
    }
}
