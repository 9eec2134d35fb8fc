package io.kinlink.rewards.rules;

import io.kinlink.events.Topics;
import io.kinlink.events.WelcomeGiftChanged;
import io.kinlink.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Tells the referral service's share page about each version of the friend's welcome gift, with its coupon. */
@ApplicationScoped
public class WelcomeGiftAnnouncer {

    static final String KEY = "welcome-gift";

    private final RuleTemplateRepository templates;
    private final Outbox outbox;

    WelcomeGiftAnnouncer(RuleTemplateRepository templates, Outbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    @Transactional(TxType.MANDATORY)
    void announce(RuleVersion version, RuleKind.WelcomeParams params) {
        RuleTemplateRepository.TemplateFacts template = templates.facts(params.couponTemplateId()).orElseThrow();
        outbox.append(Topics.REWARDS_EVENTS, KEY, new WelcomeGiftChanged(version.version(), version.effectiveFrom(),
                version.effectiveTo(), params.on().name(), template.name(), template.faceValueFen(),
                template.minSpendFen(), template.validDays()));
    }
}
