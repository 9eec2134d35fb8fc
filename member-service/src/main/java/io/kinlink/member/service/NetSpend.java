package io.kinlink.member.service;

import java.time.Clock;
import java.time.Instant;

import io.kinlink.events.Topics;
import io.kinlink.member.Member;
import io.kinlink.member.config.TierSettings;
import io.kinlink.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** Moves a member's cumulative net spend and announces a tier that changed with it. */
@ApplicationScoped
public class NetSpend {

    private final TierSettings tiers;
    private final Outbox outbox;
    private final Clock clock;

    public NetSpend(TierSettings tiers, Outbox outbox, Clock clock) {
        this.tiers = tiers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param member locked by the caller for the rest of its transaction */
    @Transactional(TxType.MANDATORY)
    public void add(Member member, long deltaFen, Instant occurredAt) {
        member.addNetSpend(deltaFen, occurredAt, tiers::tierFor).ifPresent(previous -> outbox.append(Topics.MEMBER_EVENTS,
                member.id().toString(), MemberEvents.tierChanged(member, previous, clock.instant())));
    }
}
