package io.kinlink.events;

import java.time.Instant;

import io.kinlink.platform.event.DomainEvent;

/**
 * Operators added a branch to the directory or changed one (names, address, opening or closing);
 * keyed {@code branch:<id>}, so one branch's changes stay in order. The other services keep a copy:
 * the share page names branches with it and reports refuse ids it does not know.
 *
 * @param active false once the branch is closed: no new sign-ups there, its history stays
 */
public record BranchChanged(String branchId, String nameZh, String nameEn, String city, String address,
                            boolean active, Instant changedAt) implements DomainEvent {
}
