package org.redress.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.redress.database.CacheForgetting;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tokens other systems use to call the API for one organisation, on behalf of a staff account and with its role.
 * A token is random (256 bits), shown once when issued, stored only as its SHA-256, works for a year at most and can
 * be revoked. Checking one is a single indexed lookup, unlike a password, which is deliberately slow to check. Only a
 * person issues tokens, never another token ({@link PersonOnly}), so no token outlives the one it came from.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "rdt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The longest a token works, and so the default. */
    static final Period LONGEST = Period.ofYears(1);
    static final int LONGEST_IN_DAYS = 365;

    /** How long a checked token is trusted without asking the database again (a revocation elsewhere takes this long). */
    static final Duration CHECKED_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Cache<String, Holder> recentlyChecked = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CHECKED_FOR).build();
    private final Accounts accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A token as listed: never its secret. */
    public record TokenSummary(UUID id, String organisation, String name, Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt) {
    }

    /** A newly issued token: the only time its secret is given out. */
    public record IssuedToken(UUID id, String organisation, String name, String token, Instant createdAt, Instant expiresAt) {
    }

    /** Another token of the same person for the same organisation that still works. */
    public record LiveToken(UUID id, String name, Instant createdAt, Instant expiresAt) {
    }

    /** What revoking did, and the person's other tokens for that organisation that still work, to revoke too if need be. */
    public record Revoked(TokenSummary revoked, List<LiveToken> otherLiveTokens, String message) {
    }

    /** Who a token acts for, until when. */
    record Holder(String username, String organisation, Instant expiresAt) {
    }

    /**
     * Issues a token for one of the person's organisations, working for {@code expiresInDays} days (1 to 365), or a
     * year when not said.
     */
    @Transactional
    public IssuedToken issue(String username, String organisation, String name, @Nullable Integer expiresInDays) {
        if (name.isBlank() || name.length() > TextLimits.NAME) {
            throw new InvalidInputException("name", "say what the token is for, in 1 to " + TextLimits.NAME + " characters");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > LONGEST_IN_DAYS)) {
            throw new InvalidInputException("expiresInDays", "must be 1 to " + LONGEST_IN_DAYS + ": the days the token works (a year at most)");
        }
        if (accounts.organisationsOf(username).stream().noneMatch(o -> o.code().equals(organisation))) {
            throw new NotFoundException("organisation", "no organisation '" + organisation + "'");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = expiresInDays == null ? now.atOffset(ZoneOffset.UTC).plus(LONGEST).toInstant()
                : now.plus(Duration.ofDays(expiresInDays));
        jdbc.sql("""
                insert into accounts.api_token (id, username, organisation, name, token_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, username, organisation, name.strip(), hash(token), now.atOffset(ZoneOffset.UTC),
                expires.atOffset(ZoneOffset.UTC)).update();
        return new IssuedToken(id, organisation, name.strip(), token, now, expires);
    }

    public List<TokenSummary> of(String username) {
        return jdbc.sql("""
                select id, organisation, name, created_at, expires_at, revoked_at from accounts.api_token where username = ? order by created_at
                """)
                .param(username)
                .query((rs, n) -> new TokenSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, OffsetDateTime.class) == null ? null : rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Revokes one of the person's tokens that still works. The answer names their other tokens for the same
     * organisation that still work: a token that leaked may not be the only one.
     */
    @Transactional
    public Revoked revoke(String username, UUID id) {
        Instant now = clock.instant();
        int revoked = jdbc.sql("""
                update accounts.api_token set revoked_at = ? where id = ? and username = ? and revoked_at is null and expires_at > ?
                """).params(now.atOffset(ZoneOffset.UTC), id, username, now.atOffset(ZoneOffset.UTC)).update();
        if (revoked == 0) {
            throw new NotFoundException("id", "you have no token " + id + " that is still valid");
        }
        // this node stops accepting it at once (and again at commit, in case a request read it in between); other
        // nodes within CHECKED_FOR
        CacheForgetting.nowAndAtTransactionEnd(recentlyChecked::invalidateAll);
        TokenSummary summary = of(username).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        List<LiveToken> others = jdbc.sql("""
                select id, name, created_at, expires_at from accounts.api_token
                where username = ? and organisation = ? and revoked_at is null and expires_at > ? and id <> ? order by created_at
                """).params(username, summary.organisation(), now.atOffset(ZoneOffset.UTC), id)
                .query((rs, n) -> new LiveToken(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant())).list();
        String message = switch (others.size()) {
            case 0 -> "Revoked. You have no other token for " + summary.organisation() + " that still works.";
            case 1 -> "Revoked. You have 1 other token for " + summary.organisation() + " that still works:"
                    + " revoke it too if it may also have been seen by someone else.";
            default -> "Revoked. You have " + others.size() + " other tokens for " + summary.organisation() + " that still work:"
                    + " revoke them too if they may also have been seen by someone else.";
        };
        return new Revoked(summary, others, message);
    }

    /** Revokes every token the user holds for the organisation (when they leave it); how many were still valid. */
    int revokeAllIn(String username, String organisation) {
        int revoked = jdbc.sql("update accounts.api_token set revoked_at = ? where username = ? and organisation = ? and revoked_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), username, organisation).update();
        CacheForgetting.nowAndAtTransactionEnd(recentlyChecked::invalidateAll);
        return revoked;
    }

    Optional<Holder> holder(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        Holder known = recentlyChecked.getIfPresent(hash);
        if (known != null) {
            // a token kept in memory is still checked against its expiry: keeping it must not keep it alive
            return known.expiresAt().isAfter(now) ? Optional.of(known) : Optional.empty();
        }
        Optional<Holder> holder = jdbc.sql("""
                select t.username, t.organisation, t.expires_at from accounts.api_token t join accounts.staff_user u using (username)
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.enabled
                """).params(hash, now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant())).optional();
        holder.ifPresent(h -> recentlyChecked.put(hash, h));
        return holder;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
