package io.kinlink.referral.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.kinlink.referral.AttributionRejection;
import io.kinlink.referral.Referral;
import io.kinlink.referral.ReferralStatus;
import io.kinlink.referral.RejectionReason;
import io.kinlink.referral.api.MyReferralsView;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

/** Referrals, and the attributions refused ({@link AttributionRejection}). */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public Optional<Referral> findByReferee(UUID refereeId) {
        return find("refereeId", refereeId).firstResultOptional();
    }

    /** One page of the friends a member brought, newest first, as the member may see them (masked names). */
    public List<MyReferralsView.Friend> friendsOf(UUID referrer, int page, int size) {
        return getEntityManager().createQuery("""
                        select m.maskedName, r.status, r.attributedAt, r.qualifiedAt
                        from Referral r, ReferralMember m
                        where m.memberId = r.refereeId and r.referrerId = :referrer
                        order by r.attributedAt desc, r.id""", Object[].class)
                .setParameter("referrer", referrer)
                .setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(row -> new MyReferralsView.Friend((String) row[0], (ReferralStatus) row[1], (Instant) row[2],
                        (Instant) row[3]))
                .toList();
    }

    public void recordRejection(AttributionRejection rejection) {
        getEntityManager().persist(rejection);
    }

    /** One page of the attributions refused in {@code [from, to)}, newest first, optionally of one reason. */
    public List<AttributionRejection> rejections(Instant from, Instant to, Optional<RejectionReason> reason, int page,
                                                 int size) {
        var query = getEntityManager().createQuery("from AttributionRejection where " + rejectedWhere(reason)
                + " order by rejectedAt desc, id", AttributionRejection.class);
        rejectedParameters(from, to, reason).map().forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countRejections(Instant from, Instant to, Optional<RejectionReason> reason) {
        var count = getEntityManager().createQuery("select count(*) from AttributionRejection where "
                + rejectedWhere(reason), Long.class);
        rejectedParameters(from, to, reason).map().forEach(count::setParameter);
        return count.getSingleResult();
    }

    private static String rejectedWhere(Optional<RejectionReason> reason) {
        return "rejectedAt >= :from and rejectedAt < :to" + (reason.isPresent() ? " and reason = :reason" : "");
    }

    private static Parameters rejectedParameters(Instant from, Instant to, Optional<RejectionReason> reason) {
        Parameters parameters = Parameters.with("from", from).and("to", to);
        return reason.map(value -> parameters.and("reason", value)).orElse(parameters);
    }
}
