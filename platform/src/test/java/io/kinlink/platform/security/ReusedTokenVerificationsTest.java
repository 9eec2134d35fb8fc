package io.kinlink.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

class ReusedTokenVerificationsTest {

    private static final KeyPair GATEWAY = keys();
    private final ReusedTokenVerifications tokens = new ReusedTokenVerifications(new DefaultJWTParser(
            new JWTAuthContextInfo((RSAPublicKey) GATEWAY.getPublic(), "kinlink-gateway")));

    @Test
    void a_token_verified_once_is_reused_and_another_is_verified_on_its_own() throws Exception {
        String first = signed("alice", GATEWAY);
        JsonWebToken verified = tokens.parse(first);
        assertEquals("alice", verified.getSubject());
        assertSame(verified, tokens.parse(first), "the same token: its verification reused");
        JsonWebToken other = tokens.parse(signed("bob", GATEWAY));
        assertEquals("bob", other.getSubject());
        assertNotSame(verified, other);
    }

    @Test
    void an_altered_or_foreign_token_is_refused_even_after_the_genuine_one_was_verified() throws Exception {
        String genuine = signed("alice", GATEWAY);
        tokens.parse(genuine);
        String[] parts = genuine.split("\\.");
        String claimsOfBob = signed("bob", GATEWAY).split("\\.")[1];
        assertThrows(ParseException.class, () -> tokens.parse(parts[0] + "." + claimsOfBob + "." + parts[2]),
                "alice's signature on bob's claims");
        assertThrows(ParseException.class, () -> tokens.parse(signed("alice", keys())), "signed with another key");
    }

    private static String signed(String subject, KeyPair key) {
        return Jwt.issuer("kinlink-gateway").subject(subject).claim("kind", "member").expiresIn(60).jws()
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
