package io.kinlink.referral.landing;

import java.time.Clock;
import java.util.Optional;

import io.kinlink.events.WelcomeGiftChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * This service's copy of the welcome gift's versions (the rule lives in rewards-service): the
 * share page names the gift in force, so the friend knows what joining brings.
 */
@ApplicationScoped
public class WelcomeGiftCopies {

    private final WelcomeGiftRepository repository;
    private final Clock clock;

    WelcomeGiftCopies(WelcomeGiftRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The gift in force as the page shows it. */
    public record Gift(String couponName, long faceValueFen, long minSpendFen, int validDays, boolean onFirstVisit) {

        /** The face value in yuan, without a fraction when whole. */
        public String yuan() {
            return faceValueFen % 100 == 0 ? Long.toString(faceValueFen / 100)
                    : String.format("%d.%02d", faceValueFen / 100, faceValueFen % 100);
        }
    }

    @Transactional(TxType.MANDATORY)
    public void onChanged(WelcomeGiftChanged gift) {
        repository.insert(gift);
    }

    /** The highest version in force now, as the rewards service chooses; empty when there is none. */
    @Transactional
    public Optional<Gift> inForce() {
        return repository.inForceAt(clock.instant());
    }
}
