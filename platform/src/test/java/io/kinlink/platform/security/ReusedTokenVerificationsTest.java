package io.kinlink.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

class ReusedTokenVerificationsTest {

    private static final KeyPair GATEWAY = keys();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ReusedTokenVerifications tokens = new ReusedTokenVerifications(verifier(), registry);

    @Test
    void a_token_verified_once_is_reused_and_another_is_verified_on_its_own() throws Exception {
        String first = signed("alice", GATEWAY, 60);
        JsonWebToken verified = tokens.parse(first);
        assertEquals("alice", verified.getSubject());
        assertSame(verified, tokens.parse(first), "the same token: its verification reused");
        JsonWebToken other = tokens.parse(signed("bob", GATEWAY, 60));
        assertEquals("bob", other.getSubject());
        assertNotSame(verified, other);
        assertEquals(1, registry.get("cache.gets").tag("cache", "verified-tokens").tag("result", "hit")
                .functionCounter().count());
        assertEquals(2, registry.get("cache.gets").tag("cache", "verified-tokens").tag("result", "miss")
                .functionCounter().count());
    }

    @Test
    void an_altered_or_foreign_token_is_refused_even_after_the_genuine_one_was_verified() throws Exception {
        String genuine = signed("alice", GATEWAY, 60);
        tokens.parse(genuine);
        String[] parts = genuine.split("\\.");
        String claimsOfBob = signed("bob", GATEWAY, 60).split("\\.")[1];
        assertThrows(ParseException.class, () -> tokens.parse(parts[0] + "." + claimsOfBob + "." + parts[2]),
                "alice's signature on bob's claims");
        assertThrows(ParseException.class, () -> tokens.parse(signed("alice", keys(), 60)), "signed with another key");
    }

    @Test
    void a_verification_is_reused_until_the_tokens_own_expiry_and_not_after() throws Exception {
        String shortLived = signed("alice", GATEWAY, 2);
        tokens.parse(shortLived);
        Thread.sleep(2_100);
        assertThrows(ParseException.class, () -> tokens.parse(shortLived), "expired: verified again, and refused");
    }

    @Test
    void a_flood_of_new_tokens_leaves_the_hot_ones_verified() throws Exception {
        ReusedTokenVerifications small = new ReusedTokenVerifications(verifier(), registry, 100);
        List<String> hot = new ArrayList<>();
        List<JsonWebToken> first = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hot.add(signed("hot-" + i, GATEWAY, 60));
        }
        for (int round = 0; round < 10; round++) {
            for (String token : hot) {
                JsonWebToken verified = small.parse(token);
                if (round == 0) {
                    first.add(verified);
                }
            }
        }
        small.settle(); // the hot tokens have been seen for a while before the flood comes
        for (int i = 0; i < 1_000; i++) {
            small.parse(signed("stranger-" + i, GATEWAY, 60));
            if (i % 20 == 0) { // and the hot callers keep calling while it lasts
                for (int h = 0; h < hot.size(); h++) {
                    assertSame(first.get(h), small.parse(hot.get(h)), "hot token " + h + " still verified at " + i);
                }
            }
        }
    }

    private static DefaultJWTParser verifier() {
        JWTAuthContextInfo context = new JWTAuthContextInfo((RSAPublicKey) GATEWAY.getPublic(), "kinlink-gateway");
        context.setClockSkew(0);
        return new DefaultJWTParser(context);
    }

    private static String signed(String subject, KeyPair key, long seconds) {
        return Jwt.issuer("kinlink-gateway").subject(subject).claim("kind", "member").expiresIn(seconds).jws()
                .sign(key.getPrivate());
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
