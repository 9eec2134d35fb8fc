package io.kinlink.member.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.kinlink.events.PrivacyNoticePublished;
import io.kinlink.events.Topics;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.ConflictProblem;
import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * The privacy notice in its versions. Each version is announced ({@code PrivacyNoticePublished})
 * so the share page shows the one in force; the first comes from configuration when none exists.
 */
@ApplicationScoped
public class PrivacyNotices {

    static final String KEY = "privacy-notice";

    private final ConsentRepository repository;
    private final PrivacySettings settings;
    private final Outbox outbox;
    private final Clock clock;

    public PrivacyNotices(ConsentRepository repository, PrivacySettings settings, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    void publishFirst(@Observes StartupEvent started) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (repository.latestNotice().isEmpty()) {
                add(new PrivacyNotice(1, settings.initialNoticeZh(), settings.initialNoticeEn(),
                        settings.initialNoticeUrl().orElse(null), clock.instant(), "kinlink"));
            }
        });
    }

    @Transactional
    public PrivacyNotice current() {
        return latest();
    }

    @Transactional
    public List<PrivacyNotice> history() {
        return repository.notices();
    }

    /** The next version; the ones before stay, as what earlier members accepted. */
    @Transactional
    public PrivacyNotice publish(String textZh, String textEn, String url, String by) {
        PrivacyNotice next = new PrivacyNotice(latest().version() + 1, textZh, textEn, url, clock.instant(), by);
        if (!add(next)) {
            throw new ConflictProblem("privacy-notice-published",
                    "Another version was published at the same moment; read the current one and try again");
        }
        return next;
    }

    /**
     * Refuses a version a sign-up may not accept: only the current one, or the one before it for
     * {@code previous-version-grace} after the current was published (a page opened before).
     */
    public void requireAcceptable(int version) {
        PrivacyNotice current = latest();
        Instant graceEnds = current.publishedAt().plus(settings.previousVersionGrace());
        boolean acceptable = version == current.version()
                || (version >= 1 && version == current.version() - 1 && clock.instant().isBefore(graceEnds));
        if (!acceptable) {
            throw new InvalidRequestProblem("privacyNoticeVersion", "the privacy notice in force is version "
                    + current.version() + "; show it and ask again");
        }
    }

    private PrivacyNotice latest() {
        return repository.latestNotice()
                .orElseThrow(() -> new NotFoundProblem("privacy-notice-not-found", "No privacy notice was published"));
    }

    private boolean add(PrivacyNotice notice) {
        boolean added = repository.insertNotice(notice);
        if (added) {
            outbox.append(Topics.MEMBER_EVENTS, KEY, new PrivacyNoticePublished(notice.version(), notice.textZh(),
                    notice.textEn(), notice.url(), notice.publishedAt()));
        }
        return added;
    }
}
