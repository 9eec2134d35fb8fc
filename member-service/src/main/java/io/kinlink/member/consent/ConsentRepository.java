package io.kinlink.member.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The privacy_notice and member_consent tables. */
@ApplicationScoped
public class ConsentRepository {

    private static final String NOTICE = "select version, text_zh, text_en, url, published_at, published_by from privacy_notice";

    private final EntityManager em;

    public ConsentRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<PrivacyNotice> latestNotice() {
        return notices(em.createNativeQuery(NOTICE + " order by version desc limit 1").getResultList()).stream().findFirst();
    }

    public Optional<PrivacyNotice> notice(int version) {
        return notices(em.createNativeQuery(NOTICE + " where version = ?1").setParameter(1, version).getResultList())
                .stream().findFirst();
    }

    public List<PrivacyNotice> notices() {
        return notices(em.createNativeQuery(NOTICE + " order by version desc").getResultList());
    }

    /** Adds the version unless it exists (two replicas publishing the first notice at once); whether it was added. */
    public boolean insertNotice(PrivacyNotice notice) {
        return em.createNativeQuery("""
                        insert into privacy_notice (version, text_zh, text_en, url, published_at, published_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (version) do nothing""")
                .setParameter(1, notice.version()).setParameter(2, notice.textZh()).setParameter(3, notice.textEn())
                .setParameter(4, notice.url()).setParameter(5, notice.publishedAt())
                .setParameter(6, notice.publishedBy()).executeUpdate() == 1;
    }

    public void insertConsent(UUID member, ConsentKind kind, boolean granted, Integer noticeVersion, String channel,
                              Instant at) {
        em.createNativeQuery("""
                        insert into member_consent (id, member_id, kind, granted, notice_version, channel, at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, member).setParameter(3, kind.name())
                .setParameter(4, granted).setParameter(5, noticeVersion).setParameter(6, channel).setParameter(7, at)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<ConsentView.Entry> consents(UUID member) {
        List<Object[]> rows = em.createNativeQuery("""
                        select kind, granted, notice_version, channel, at from member_consent
                        where member_id = ?1 order by at, id""")
                .setParameter(1, member).getResultList();
        return rows.stream().map(row -> new ConsentView.Entry(ConsentKind.valueOf((String) row[0]), (Boolean) row[1],
                row[2] == null ? null : ((Number) row[2]).intValue(), (String) row[3], SqlTimes.instant(row[4])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<PrivacyNotice> notices(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(row -> new PrivacyNotice(((Number) row[0]).intValue(),
                (String) row[1], (String) row[2], (String) row[3], SqlTimes.instant(row[4]), (String) row[5])).toList();
    }
}
