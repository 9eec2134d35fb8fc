package io.kinlink.referral.service;

import java.time.Clock;
import java.util.UUID;

import io.kinlink.referral.ReferralCode;
import io.kinlink.referral.repository.ReferralCodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Issues each member one code; two members registering at once can never get the same one. */
@ApplicationScoped
public class ReferralCodes {

    private static final int MAX_TRIES = 20;

    private final ReferralCodeRepository codes;
    private final Clock clock;

    public ReferralCodes(ReferralCodeRepository codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    @Transactional(TxType.MANDATORY)
    public String issueFor(UUID memberId) {
        for (int i = 0; i < MAX_TRIES; i++) {
            String code = ReferralCode.randomCode();
            if (codes.claim(code, memberId, clock.instant())) {
                return code;
            }
        }
        throw new IllegalStateException("No free referral code found in " + MAX_TRIES + " tries");
    }
}
