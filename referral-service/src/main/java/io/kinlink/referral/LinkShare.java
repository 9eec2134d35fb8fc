package io.kinlink.referral;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member shared their link: the first step of the funnel. */
@Entity
@Table(name = "link_share")
public class LinkShare {

    @Id
    private UUID id;
    @Column(name = "member_id")
    private UUID memberId;
    @Enumerated(EnumType.STRING)
    private ShareChannel channel;
    private String campaign;
    @Column(name = "shared_at")
    private Instant sharedAt;

    protected LinkShare() {
    }

    public LinkShare(UUID memberId, ShareChannel channel, String campaign, Instant sharedAt) {
        this.id = UUID.randomUUID();
        this.memberId = memberId;
        this.channel = channel;
        this.campaign = campaign;
        this.sharedAt = sharedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public ShareChannel channel() {
        return channel;
    }

    public String campaign() {
        return campaign;
    }

    public Instant sharedAt() {
        return sharedAt;
    }
}
