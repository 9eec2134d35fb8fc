package io.kinlink.referral.service;

import java.util.UUID;

import io.kinlink.platform.problem.NotFoundProblem;
import io.kinlink.referral.ReferralCode;
import io.kinlink.referral.config.ReferralSettings;
import io.kinlink.referral.repository.ReferralCodeRepository;
import io.kinlink.referral.repository.ReferralMemberRepository;
import io.kinlink.referral.rest.ReferralCodeLookup;
import io.kinlink.referral.rest.ReferralCodeResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ReferralQueries {

    private final ReferralCodeRepository codes;
    private final ReferralMemberRepository members;
    private final ReferralSettings settings;

    public ReferralQueries(ReferralCodeRepository codes, ReferralMemberRepository members, ReferralSettings settings) {
        this.codes = codes;
        this.members = members;
        this.settings = settings;
    }

    @Transactional
    public ReferralCodeResponse codeOf(UUID memberId) {
        ReferralCode code = codes.findByMember(memberId)
                .orElseThrow(() -> new NotFoundProblem("referral-code-not-found",
                        "Member " + memberId + " has no referral code yet; it is issued moments after registration"));
        return new ReferralCodeResponse(memberId, code.code(), settings.shareBaseUrl() + "/r/" + code.code());
    }

    @Transactional
    public ReferralCodeLookup lookup(String typed) {
        String code = ReferralCode.canonical(typed);
        return codes.findByIdOptional(code)
                .flatMap(found -> members.findByIdOptional(found.memberId()))
                .map(owner -> new ReferralCodeLookup(code, owner.maskedName()))
                .orElseThrow(() -> new NotFoundProblem("referral-code-not-found", "No referral code " + code));
    }
}
