package io.kinlink.member.branch;

import java.time.Instant;

/**
 * A branch of the clinic group as the directory keeps it: its id (what members, purchases, visits
 * and partner keys name), its names in both languages, where it is, and whether it is open.
 *
 * @param city    may be null for a branch migrated from data that only named its id
 * @param address may be null
 * @param active  false once closed: no new sign-ups or partner keys there; its history stays
 */
public record Branch(String id, String nameZh, String nameEn, String city, String address, boolean active,
                     Instant changedAt, String changedBy) {

    /** The same branch with the details an operator gave. */
    Branch with(BranchDetails details, Instant at, String by) {
        return new Branch(id, details.nameZh(), details.nameEn(), details.city(), details.address(), details.active(),
                at, by);
    }
}
