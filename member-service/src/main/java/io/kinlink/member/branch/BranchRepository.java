package io.kinlink.member.branch;

import java.util.List;
import java.util.Optional;

import io.kinlink.platform.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The branch table. */
@ApplicationScoped
public class BranchRepository {

    private static final String BRANCH = "select id, name_zh, name_en, city, address, active, changed_at, changed_by from branch";

    private final EntityManager em;

    public BranchRepository(EntityManager em) {
        this.em = em;
    }

    public List<Branch> all(boolean openOnly) {
        return branches(em.createNativeQuery(BRANCH + (openOnly ? " where active" : "")
                + " order by city nulls last, id").getResultList());
    }

    public Optional<Branch> find(String id) {
        return branches(em.createNativeQuery(BRANCH + " where id = :id").setParameter("id", id).getResultList())
                .stream().findFirst();
    }

    /** The row, locked until the transaction ends, so two operators' edits apply one after the other. */
    public Optional<Branch> findForUpdate(String id) {
        return branches(em.createNativeQuery(BRANCH + " where id = :id for update").setParameter("id", id)
                .getResultList()).stream().findFirst();
    }

    /** Which of {@code ids} the directory holds, open or closed. */
    @SuppressWarnings("unchecked")
    public List<String> known(List<String> ids) {
        return em.createNativeQuery("select id from branch where id in (:ids)").setParameter("ids", ids)
                .getResultList();
    }

    /** Adds the branch unless its id exists (two replicas seeding at once); whether it was added. */
    public boolean insertIfAbsent(Branch branch) {
        return em.createNativeQuery("""
                        insert into branch (id, name_zh, name_en, city, address, active, changed_at, changed_by, announced)
                        values (:id, :nameZh, :nameEn, :city, :address, :active, :at, :by, true)
                        on conflict (id) do nothing""")
                .setParameter("id", branch.id()).setParameter("nameZh", branch.nameZh())
                .setParameter("nameEn", branch.nameEn()).setParameter("city", branch.city())
                .setParameter("address", branch.address()).setParameter("active", branch.active())
                .setParameter("at", branch.changedAt()).setParameter("by", branch.changedBy()).executeUpdate() == 1;
    }

    public void update(Branch branch) {
        em.createNativeQuery("""
                        update branch set name_zh = :nameZh, name_en = :nameEn, city = :city, address = :address,
                               active = :active, changed_at = :at, changed_by = :by, announced = true
                        where id = :id""")
                .setParameter("id", branch.id()).setParameter("nameZh", branch.nameZh())
                .setParameter("nameEn", branch.nameEn()).setParameter("city", branch.city())
                .setParameter("address", branch.address()).setParameter("active", branch.active())
                .setParameter("at", branch.changedAt()).setParameter("by", branch.changedBy()).executeUpdate();
    }

    /**
     * Branches the other services have not heard of (the ones a migration added from existing
     * data), marked as heard of; skips rows another replica is announcing.
     */
    public List<Branch> takeUnannounced() {
        List<Branch> unannounced = branches(em.createNativeQuery(BRANCH + " where not announced for update skip locked")
                .getResultList());
        if (!unannounced.isEmpty()) {
            em.createNativeQuery("update branch set announced = true where id in (:ids)")
                    .setParameter("ids", unannounced.stream().map(Branch::id).toList()).executeUpdate();
        }
        return unannounced;
    }

    @SuppressWarnings("unchecked")
    private static List<Branch> branches(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(row -> new Branch((String) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], (Boolean) row[5], SqlTimes.instant(row[6]),
                (String) row[7])).toList();
    }
}
