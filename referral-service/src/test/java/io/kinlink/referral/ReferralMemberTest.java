package io.kinlink.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ReferralMemberTest {

    private static ReferralMember member(String phoneHash, String device) {
        return new ReferralMember(UUID.randomUUID(), "A**", phoneHash, device, "branch", Instant.EPOCH);
    }

    @Test
    void the_chain_lists_referrers_direct_first_and_stops_at_the_depth() {
        ReferralMember a = member("a", null);
        ReferralMember b = member("b", null);
        ReferralMember c = member("c", null);
        ReferralMember d = member("d", null);
        ReferralMember e = member("e", null);
        b.attributeTo(a);
        c.attributeTo(b);
        d.attributeTo(c);
        e.attributeTo(d);
        assertEquals(List.of(d.memberId(), c.memberId(), b.memberId()), e.chain(3));
        assertEquals(List.of(d.memberId(), c.memberId()), e.chain(2));
        assertEquals(List.of(d.memberId(), c.memberId(), b.memberId()), e.chain(7), "3 is a hard ceiling");
        assertEquals(List.of(), a.chain(3));
    }

    @Test
    void self_referral_by_the_same_member_phone_or_device_is_refused() {
        ReferralMember referrer = member("p1", "device-1");
        assertEquals(Optional.of(RejectionReason.SELF_REFERRAL), referrer.refusalToBeReferredBy(referrer));
        assertEquals(Optional.of(RejectionReason.SAME_PHONE), member("p1", null).refusalToBeReferredBy(referrer));
        assertEquals(Optional.of(RejectionReason.SAME_DEVICE), member("p2", "device-1").refusalToBeReferredBy(referrer));
        assertEquals(Optional.empty(), member("p3", "device-2").refusalToBeReferredBy(referrer));
    }

    @Test
    void a_referrer_once_set_is_final() {
        ReferralMember first = member("1", null);
        ReferralMember second = member("2", null);
        ReferralMember friend = member("3", null);
        friend.attributeTo(first);
        assertEquals(Optional.of(RejectionReason.ALREADY_REFERRED), friend.refusalToBeReferredBy(second));
        assertThrows(IllegalStateException.class, () -> friend.attributeTo(second));
        assertEquals(List.of(first.memberId()), friend.chain(3));
    }

    @Test
    void a_member_cannot_be_referred_by_someone_in_their_own_downline() {
        ReferralMember top = member("t", null);
        ReferralMember below = member("b", null);
        below.attributeTo(top);
        // top has no referrer yet, but below's chain contains top: attributing top to below closes a loop
        assertEquals(Optional.of(RejectionReason.CYCLE), top.refusalToBeReferredBy(below));
    }
}
