package io.kinlink.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A visit to a share link's landing page. The clicker's IP address is kept only as a keyed hash;
 * the click id travels with the registration form so the sign-up can be attributed by it.
 */
@Entity
@Table(name = "link_click")
public class LinkClick {

    @Id
    private UUID id;
    private String code;
    @Column(name = "referrer_id")
    private UUID referrerId;
    private String campaign;
    @Column(name = "ip_hash")
    private String ipHash;
    @Column(name = "user_agent")
    private String userAgent;
    @Column(name = "clicked_at")
    private Instant clickedAt;

    protected LinkClick() {
    }

    public LinkClick(String code, UUID referrerId, String campaign, String ipHash, String userAgent,
                     Instant clickedAt) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.referrerId = referrerId;
        this.campaign = campaign;
        this.ipHash = ipHash;
        this.userAgent = userAgent;
        this.clickedAt = clickedAt;
    }

    /**
     * Whether a registration at {@code registeredAt} may still be attributed through this click.
     * Only the end of the window is checked: the two times come from different services' clocks.
     */
    public boolean attributes(Instant registeredAt, Duration window) {
        return !registeredAt.isAfter(clickedAt.plus(window));
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public UUID referrerId() {
        return referrerId;
    }

    public String campaign() {
        return campaign;
    }

    public Instant clickedAt() {
        return clickedAt;
    }
}
