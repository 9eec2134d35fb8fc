package io.kinlink.platform.branch;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.kinlink.events.BranchChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * A service's copy of the branch directory member-service keeps and announces with
 * {@link BranchChanged}: pages name branches with it, and filters and requests that name a branch
 * are checked against it. Services using it add {@code db/branch-copy} to their Flyway locations.
 */
@ApplicationScoped
public class BranchCopies {

    private final EntityManager em;

    public BranchCopies(EntityManager em) {
        this.em = em;
    }

    /** An open branch as one language names it. */
    public record Named(String id, String name, String city) {
    }

    /** Keeps the newest version of the branch; an older one arriving late changes nothing. */
    @Transactional(TxType.MANDATORY)
    public void onChanged(BranchChanged branch) {
        em.createNativeQuery("""
                        insert into branch_copy (id, name_zh, name_en, city, address, active, changed_at)
                        values (:id, :nameZh, :nameEn, :city, :address, :active, :changedAt)
                        on conflict (id) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                            city = excluded.city, address = excluded.address, active = excluded.active,
                            changed_at = excluded.changed_at
                        where branch_copy.changed_at <= excluded.changed_at""")
                .setParameter("id", branch.branchId()).setParameter("nameZh", branch.nameZh())
                .setParameter("nameEn", branch.nameEn()).setParameter("city", branch.city())
                .setParameter("address", branch.address()).setParameter("active", branch.active())
                .setParameter("changedAt", branch.changedAt()).executeUpdate();
    }

    /** The open branches, named in {@code lang} ("en", else Chinese), by city and name. */
    @Transactional
    public List<Named> open(String lang) {
        String name = "en".equals(lang) ? "name_en" : "name_zh";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, " + name + ", city from branch_copy where active "
                + "order by city nulls last, " + name + ", id").getResultList();
        return rows.stream().map(row -> new Named((String) row[0], (String) row[1], (String) row[2])).toList();
    }

    /** Refuses a branch id the directory has never had (closed branches keep their history). */
    @Transactional
    public void requireKnown(String field, String id) {
        requireKnown(field, Set.of(id));
    }

    @Transactional
    public void requireKnown(String field, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> known = em.createNativeQuery("select id from branch_copy where id in (:ids)")
                .setParameter("ids", ids).getResultList();
        Set<String> unknown = new TreeSet<>(ids);
        known.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new UnknownBranchProblem(field, unknown);
        }
    }
}
