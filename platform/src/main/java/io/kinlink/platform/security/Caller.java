package io.kinlink.platform.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

/**
 * Who is calling, as the gateway vouches for it in the token it forwards: the kind of caller
 * ({@code anonymous}, {@code member}, {@code partner}, {@code operator}, {@code gateway}), its
 * subject (a member's id, a partner key's id, an operator's id), its roles, and for partners the
 * branches of their key and the member the gateway confirmed to be within them.
 */
@RequestScoped
public class Caller {

    /** Claim of a partner's token: the branches its key is scoped to. */
    public static final String BRANCHES = "branches";
    /** Claim of a partner's token: the member of the request path, confirmed within its branches. */
    public static final String CONFIRMED_MEMBER = "confirmed_member";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String kind() {
        Object kind = token.getClaim("kind");
        return kind == null ? "anonymous" : kind.toString();
    }

    public boolean isOperator() {
        return token.getGroups() != null && token.getGroups().contains("operator");
    }

    public boolean isPartner() {
        return "partner".equals(kind());
    }

    /** The calling member's id, when a member is calling. */
    public Optional<UUID> member() {
        return "member".equals(kind()) ? parse(token.getSubject()) : Optional.empty();
    }

    /** Who did it, for what people read (who decided on a held reward): an operator's user name, else the subject. */
    public String who() {
        Object name = token.getClaim("name");
        return name == null ? subject() : name.toString();
    }

    /** The subject of the token: who did it, for records and logs. */
    public String subject() {
        return token.getSubject();
    }

    /** The branches a partner's key may act for; empty for everyone else. */
    public Set<String> branches() {
        if (!isPartner()) {
            return Set.of();
        }
        Object claim = token.getClaim(BRANCHES);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::unquote).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    /** The member of this request the gateway confirmed to be within a partner's branches. */
    public Optional<UUID> confirmedMember() {
        if (!isPartner()) {
            return Optional.empty();
        }
        Object claim = token.getClaim(CONFIRMED_MEMBER);
        return claim == null ? Optional.empty() : parse(unquote(claim));
    }

    private static String unquote(Object value) {
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value.toString();
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
