package io.kinlink.referral.landing;

import java.util.List;
import java.util.Optional;

import io.kinlink.events.PrivacyNoticePublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The privacy_notice table: this service's copy of the notice's versions. */
@ApplicationScoped
class PrivacyNoticeRepository {

    private final EntityManager em;

    PrivacyNoticeRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps the version once. */
    void insert(PrivacyNoticePublished notice) {
        em.createNativeQuery("""
                        insert into privacy_notice (version, text_zh, text_en, url, published_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (version) do nothing""")
                .setParameter(1, notice.version()).setParameter(2, notice.textZh()).setParameter(3, notice.textEn())
                .setParameter(4, notice.url()).setParameter(5, notice.publishedAt()).executeUpdate();
    }

    /** The latest version in {@code lang} ("en", else Chinese); empty before the first arrives. */
    Optional<PrivacyNoticeCopies.Shown> latest(String lang) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select version, text_zh, text_en, url from privacy_notice order by version desc limit 1")
                .getResultList();
        return rows.stream().findFirst().map(row -> new PrivacyNoticeCopies.Shown(((Number) row[0]).intValue(),
                (String) ("en".equals(lang) ? row[2] : row[1]), (String) row[3]));
    }
}
