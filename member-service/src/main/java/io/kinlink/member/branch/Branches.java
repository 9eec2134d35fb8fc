package io.kinlink.member.branch;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.kinlink.events.BranchChanged;
import io.kinlink.events.Topics;
import io.kinlink.platform.branch.UnknownBranchProblem;
import io.kinlink.platform.outbox.Outbox;
import io.kinlink.platform.problem.InvalidRequestProblem;
import io.kinlink.platform.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The clinic group's branch directory. Members, purchases, visits, partner keys and reports name
 * branches by id, and an id the directory does not hold is refused with a field error. Every change
 * is announced ({@code BranchChanged}) in its transaction, so the other services keep a copy.
 * Branches are closed, never deleted: their history names them.
 */
@ApplicationScoped
public class Branches {

    private final BranchRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    public Branches(BranchRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The directory, open branches first by city; with {@code includeClosed} the closed ones too. */
    @Transactional
    public List<Branch> list(boolean includeClosed) {
        return repository.all(!includeClosed);
    }

    @Transactional
    public Branch get(String id) {
        return repository.find(id).orElseThrow(() -> new NotFoundProblem("branch-not-found", "No branch " + id));
    }

    /** Adds the branch, or changes it when the id exists; {@code created} says which. */
    @Transactional
    public Saved save(String id, BranchDetails details, String by) {
        Optional<Branch> existing = repository.findForUpdate(id);
        if (existing.isPresent()) {
            Branch changed = existing.get().with(details, clock.instant(), by);
            repository.update(changed);
            announce(changed);
            return new Saved(changed, false);
        }
        Branch added = new Branch(id, details.nameZh(), details.nameEn(), details.city(), details.address(),
                details.active(), clock.instant(), by);
        if (!repository.insertIfAbsent(added)) {
            // another operator added it a moment ago: apply this as a change to theirs
            return save(id, details, by);
        }
        announce(added);
        return new Saved(added, true);
    }

    /** Refuses, as an error on {@code field}, an id the directory does not hold; closed branches pass. */
    public void requireKnown(String field, String id) {
        requireKnown(field, List.of(id));
    }

    /** Refuses, as one error on {@code field} naming them, the ids the directory does not hold. */
    public void requireKnown(String field, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        TreeSet<String> unknown = new TreeSet<>(ids);
        repository.known(List.copyOf(unknown)).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new UnknownBranchProblem(field, unknown);
        }
    }

    /** Refuses an unknown or closed branch: where new members and partner keys may be. */
    public void requireOpen(String field, String id) {
        Branch branch = repository.find(id).orElseThrow(() -> new UnknownBranchProblem(field, List.of(id)));
        if (!branch.active()) {
            throw new InvalidRequestProblem(field, "branch " + id + " is closed");
        }
    }

    /** Announces branches the other services have not heard of; called at start, in a transaction. */
    void announceUnannounced() {
        repository.takeUnannounced().forEach(this::announce);
    }

    /** Adds a configured branch unless its id exists; an operator's later changes are never undone. */
    void seed(Branch branch) {
        if (repository.insertIfAbsent(branch)) {
            announce(branch);
        }
    }

    private void announce(Branch branch) {
        outbox.append(Topics.MEMBER_EVENTS, "branch:" + branch.id(), new BranchChanged(branch.id(), branch.nameZh(),
                branch.nameEn(), branch.city(), branch.address(), branch.active(), branch.changedAt()));
    }

    public record Saved(Branch branch, boolean created) {
    }
}
