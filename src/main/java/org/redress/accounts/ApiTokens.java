package org.redress.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.redress.database.CacheForgetting;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
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
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tokens other systems use to call the API for one organisation, on behalf of a staff account and with its role.
 * A token is random (256 bits), shown once when issued, stored only as its SHA-256, and can be revoked. Checking
 * one is a single indexed lookup, unlike a password, which is deliberately slow to check.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "rdt_";
    private static final SecureRandom RANDOM = new SecureRandom();

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
    public record TokenSummary(UUID id, String organisation, String name, Instant createdAt, @Nullable Instant revokedAt) {
    }

    /** A newly issued token: the only time its secret is given out. */
    public record IssuedToken(UUID id, String organisation, String name, String token, Instant createdAt) {
    }

    /** Who a token acts for. */
    record Holder(String username, String organisation) {
    }

    @Transactional
    public IssuedToken issue(String username, String organisation, String name) {
        if (name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "say what the token is for, in 1 to 100 characters");
        }
        if (accounts.organisationsOf(username).stream().noneMatch(o -> o.code().equals(organisation))) {
            throw new NotFoundException("organisation", "no organisation '" + organisation + "'");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("insert into accounts.api_token (id, username, organisation, name, token_hash, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, username, organisation, name.strip(), hash(token), now.atOffset(ZoneOffset.UTC)).update();
        return new IssuedToken(id, organisation, name.strip(), token, now);
    }

    public List<TokenSummary> of(String username) {
        return jdbc.sql("select id, organisation, name, created_at, revoked_at from accounts.api_token where username = ? order by created_at")
                .param(username)
                .query((rs, n) -> new TokenSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class) == null ? null : rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    @Transactional
    public void revoke(String username, UUID id) {
        int revoked = jdbc.sql("update accounts.api_token set revoked_at = ? where id = ? and username = ? and revoked_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id, username).update();
        if (revoked == 0) {
            throw new NotFoundException("id", "you have no token " + id + " that is still valid");
        }
        // this node stops accepting it at once (and again at commit, in case a request read it in between); other
        // nodes within CHECKED_FOR
        CacheForgetting.nowAndAtTransactionEnd(recentlyChecked::invalidateAll);
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
        Holder known = recentlyChecked.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Holder> holder = jdbc.sql("""
                select t.username, t.organisation from accounts.api_token t join accounts.staff_user u using (username)
                where t.token_hash = ? and t.revoked_at is null and u.enabled
                """).param(hash).query((rs, n) -> new Holder(rs.getString(1), rs.getString(2))).optional();
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
