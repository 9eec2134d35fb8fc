package io.kinlink.referral.landing;

import java.util.Optional;

import io.kinlink.events.PrivacyNoticePublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * This service's copy of the privacy notice versions member-service publishes: the share page's
 * sign-up form shows the latest and sends its version back with the member's acceptance.
 */
@ApplicationScoped
public class PrivacyNoticeCopies {

    private final PrivacyNoticeRepository repository;

    PrivacyNoticeCopies(PrivacyNoticeRepository repository) {
        this.repository = repository;
    }

    /** The notice as one language shows it. */
    public record Shown(int version, String text, String url) {
    }

    @Transactional(TxType.MANDATORY)
    public void onPublished(PrivacyNoticePublished notice) {
        repository.insert(notice);
    }

    /** The latest version in {@code lang} ("en", else Chinese); empty before the first arrives. */
    @Transactional
    public Optional<Shown> latest(String lang) {
        return repository.latest(lang);
    }
}
