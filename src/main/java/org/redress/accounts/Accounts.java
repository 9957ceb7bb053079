package org.redress.accounts;

import org.jspecify.annotations.Nullable;
import org.redress.database.CacheForgetting;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Staff accounts and their memberships: who someone is, which organisations they belong to, and what they may do there. */
@Service
public class Accounts {

    /** Failed sign-ins in a row that lock an account, and for how long. */
    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final PasswordEncoder passwords;
    private final Clock clock;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordPolicy passwordPolicy;

    Accounts(JdbcClient jdbc, Organisations organisations, PasswordEncoder passwords, Clock clock, PasswordPolicy passwordPolicy) {
        this.jdbc = jdbc;
        this.passwordPolicy = passwordPolicy;
        this.organisations = organisations;
        this.passwords = passwords;
        this.clock = clock;
    }

    public record Membership(String organisation, Role role) {
    }

    /** A member of staff; an installation operator belongs to every organisation as its administrator. */
    public record StaffMember(String username, String displayName, boolean allOrganisations, List<Membership> memberships) {
    }

    /** @param passwordVersion raised by every new password; a session signed in with an older one has ended */
    record Credentials(String username, String passwordHash, boolean enabled, boolean locked, long passwordVersion) {
    }

    /**
     * The account and its memberships, read one after the other: a query inside another's row mapping would hold one
     * pooled connection while waiting for a second, and under load every connection ends up waiting (a pool deadlock).
     */
    public Optional<StaffMember> find(String username) {
        return CacheForgetting.read(recentMembers, username, this::read);
    }

    /**
     * Every request asks who its user is and what they may do (often twice: the access filter, then the case's
     * object-level check), so an account and its memberships are kept for {@link #REMEMBERED_FOR}. A change made here
     * is seen at once on this node (and again at commit); one made on another node within that time.
     */
    static final java.time.Duration REMEMBERED_FOR = java.time.Duration.ofSeconds(5);
    private final com.github.benmanes.caffeine.cache.Cache<String, Optional<StaffMember>> recentMembers =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBERED_FOR).build();
    private final com.github.benmanes.caffeine.cache.Cache<String, Optional<Set<String>>> recentAreas =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBERED_FOR).build();

    private final com.github.benmanes.caffeine.cache.Cache<String, Long> recentPasswordVersions =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBERED_FOR).build();

    void forget(String username) {
        CacheForgetting.nowAndAtTransactionEnd(() -> {
            recentMembers.invalidate(username);
            recentPasswordVersions.invalidate(username);
            recentAreas.asMap().keySet().removeIf(k -> k.startsWith(username + "\u0000"));
        });
    }

    private Optional<StaffMember> read(String username) {
        record Row(String username, String displayName, boolean allOrganisations) {
        }
        return jdbc.sql("select username, display_name, all_organisations from accounts.staff_user where username = ?")
                .param(username)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional()
                .map(r -> new StaffMember(r.username(), r.displayName(), r.allOrganisations(), memberships(r.username())));
    }

    /** The user's role in the organisation, if they belong to it. */
    public Optional<Role> roleIn(String username, String organisation) {
        Optional<StaffMember> member = find(username);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        if (member.get().allOrganisations()) {
            // whether the organisation exists is the API's own answer to give
            return Optional.of(Role.ADMINISTRATOR);
        }
        return member.get().memberships().stream().filter(m -> m.organisation().equals(organisation)).map(Membership::role).findFirst();
    }

    public boolean may(String username, String organisation, Permission permission) {
        return roleIn(username, organisation).map(role -> Permissions.allows(role, permission)).orElse(false);
    }

    /**
     * Whether the user operates the installation (an account of every organisation): only they add organisations or
     * install packs of their own choosing; no organisation's administrator does.
     */
    public boolean operatesInstallation(String username) {
        return find(username).map(StaffMember::allOrganisations).orElse(false);
    }

    /** The organisations the user belongs to, for the organisation switcher: never any other. */
    public List<Organisation> organisationsOf(String username) {
        Optional<StaffMember> member = find(username);
        if (member.isEmpty()) {
            return List.of();
        }
        if (member.get().allOrganisations()) {
            return organisations.all();
        }
        return member.get().memberships().stream().map(m -> organisations.find(m.organisation())).flatMap(Optional::stream).toList();
    }

    /**
     * Creates the account if it does not exist yet, and adds the memberships it lacks; an existing account's password
     * is left alone, so seeding is safe to repeat.
     */
    @Transactional
    public void ensure(String username, String displayName, String rawPassword, boolean allOrganisations, Map<String, Role> roles) {
        jdbc.sql("""
                insert into accounts.staff_user (username, display_name, password_hash, all_organisations)
                values (?, ?, ?, ?) on conflict (username) do nothing
                """).params(username, displayName, passwords.encode(rawPassword), allOrganisations).update();
        roles.forEach((organisation, role) -> jdbc.sql("""
                insert into accounts.membership (username, organisation, role) values (?, ?, ?)
                on conflict (username, organisation) do nothing
                """).params(username, organisation, role.name()).update());
        forget(username);
    }

    /** Like {@link #ensure} with an already hashed password (tests use a cheap hash so each request stays fast). */
    @Transactional
    public void ensureHashed(String username, String displayName, String passwordHash, boolean allOrganisations) {
        jdbc.sql("""
                insert into accounts.staff_user (username, display_name, password_hash, all_organisations)
                values (?, ?, ?, ?) on conflict (username) do nothing
                """).params(username, displayName, passwordHash, allOrganisations).update();
        forget(username);
    }

    Optional<Credentials> credentials(String username) {
        Instant now = clock.instant();
        return jdbc.sql("select username, password_hash, enabled, locked_until, password_version from accounts.staff_user where username = ?")
                .param(username)
                .query((rs, n) -> {
                    Timestamp lockedUntil = rs.getTimestamp(4);
                    return new Credentials(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            lockedUntil != null && lockedUntil.toInstant().isAfter(now), rs.getLong(5));
                })
                .optional();
    }

    /**
     * The account's password version as this node last read it (at most {@link #REMEMBERED_FOR} ago; at once after a
     * change made here): every signed-in request compares its session's version with it.
     */
    long passwordVersion(String username) {
        Long version = recentPasswordVersions.getIfPresent(username);
        if (version == null) {
            version = jdbc.sql("select password_version from accounts.staff_user where username = ?").param(username)
                    .query(Long.class).optional().orElse(0L);
            recentPasswordVersions.put(username, version);
        }
        return version;
    }

    /** A wrong password: after {@link #MAX_FAILED_ATTEMPTS} in a row the account is locked for {@link #LOCKOUT}. */
    @Transactional
    void signInFailed(String username) {
        Instant now = clock.instant();
        jdbc.sql("""
                update accounts.staff_user
                   set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                 where username = ?
                """).params(MAX_FAILED_ATTEMPTS, Timestamp.from(now.plus(LOCKOUT)), username).update();
    }

    @Transactional
    void signInSucceeded(String username) {
        jdbc.sql("update accounts.staff_user set failed_attempts = 0, locked_until = null where username = ? and failed_attempts > 0")
                .param(username).update();
    }

    /** The service areas the member is limited to in the organisation; empty when they see every area. */
    public Optional<Set<String>> serviceAreasIn(String username, String organisation) {
        return CacheForgetting.read(recentAreas, username + "\u0000" + organisation, k -> readServiceAreas(username, organisation));
    }

    private Optional<Set<String>> readServiceAreas(String username, String organisation) {
        return jdbc.sql("select service_areas from accounts.membership where username = ? and organisation = ? and service_areas is not null")
                .params(username, organisation)
                .query((rs, n) -> Set.of((String[]) rs.getArray(1).getArray()))
                .optional();
    }

    /**
     * Limits a member to some service areas of the organisation (they will see no other area's case, by list, id or
     * reference), or lifts the limit with {@code null}.
     */
    @Transactional
    public void limitToServiceAreas(String username, String organisation, @Nullable Set<String> serviceAreas) {
        if (serviceAreas != null && (serviceAreas.isEmpty() || serviceAreas.stream().anyMatch(a -> a.isBlank() || a.length() > TextLimits.NAME))) {
            throw new InvalidInputException("serviceAreas", "name one or more service areas (each 1 to " + TextLimits.NAME
                    + " characters), or none to lift the limit");
        }
        int changed = jdbc.sql("update accounts.membership set service_areas = ? where username = ? and organisation = ?")
                .params(serviceAreas == null ? null : serviceAreas.stream().sorted().toArray(String[]::new), username, organisation).update();
        if (changed == 0) {
            throw new NotFoundException("username", "'" + username + "' has no role in organisation '" + organisation + "'");
        }
        forget(username);
    }

    /**
     * Sets a new password for an account after checking it against the policy; the lockout count starts afresh.
     * The answer is the rule the password breaks, if any (then nothing changes).
     */
    @Transactional
    Optional<PasswordPolicy.Weakness> setPassword(String username, String newPassword) {
        Optional<PasswordPolicy.Weakness> weak = passwordPolicy.check(username, newPassword);
        if (weak.isPresent()) {
            return weak;
        }
        // a new version ends every session signed in with the old password (SignedInSessions)
        int changed = jdbc.sql("""
                update accounts.staff_user set password_hash = ?, failed_attempts = 0, locked_until = null,
                       password_version = password_version + 1
                 where username = ?""")
                .params(passwords.encode(newPassword), username).update();
        if (changed == 0) {
            throw new NotFoundException("username", "no account '" + username + "'");
        }
        forget(username);
        return Optional.empty();
    }

    /** What asking for the current password found (a change of password asks for it first). */
    enum PasswordCheck { RIGHT, WRONG, LOCKED }

    /**
     * Whether the password is the account's current one, counted exactly as a sign-in: a wrong one towards the lockout
     * ({@link #MAX_FAILED_ATTEMPTS} in a row lock the account for {@link #LOCKOUT}), a right one clears the count, and
     * while the account is locked nothing is checked at all.
     */
    PasswordCheck checkPassword(String username, String rawPassword) {
        Optional<Credentials> account = credentials(username);
        if (account.isEmpty()) {
            return PasswordCheck.WRONG;
        }
        if (account.get().locked()) {
            return PasswordCheck.LOCKED;
        }
        if (!passwords.matches(rawPassword, account.get().passwordHash())) {
            signInFailed(username);
            return PasswordCheck.WRONG;
        }
        signInSucceeded(username);
        return PasswordCheck.RIGHT;
    }

    /**
     * A member of staff signed in with the identity provider: the account for that identity (made on first sign-in,
     * with a username from the provider's preferred username, never taking over an existing local account) and its
     * memberships replaced by those the provider's groups map to now. The answer is the Redress username.
     */
    @Transactional
    public String signedInWithSso(String issuer, String subject, String preferredUsername, String displayName,
                                  Map<String, Role> roles) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Optional<String> known = jdbc.sql("select username from accounts.sso_identity where issuer = ? and subject = ?")
                .params(issuer, subject).query(String.class).optional();
        String username;
        if (known.isPresent()) {
            username = known.get();
            jdbc.sql("update accounts.sso_identity set last_seen = ? where issuer = ? and subject = ?").params(now, issuer, subject).update();
            jdbc.sql("update accounts.staff_user set display_name = ? where username = ?").params(displayName, username).update();
        } else {
            username = freeUsername(preferredUsername);
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            // nobody knows this password: the account signs in through the identity provider only
            jdbc.sql("insert into accounts.staff_user (username, display_name, password_hash) values (?, ?, ?)")
                    .params(username, displayName, passwords.encode(HexFormat.of().formatHex(secret))).update();
            jdbc.sql("insert into accounts.sso_identity (issuer, subject, username, last_seen) values (?, ?, ?, ?)")
                    .params(issuer, subject, username, now).update();
        }
        // the provider's groups decide the roles at each sign-in; a service-area limit set in Redress is kept
        jdbc.sql("delete from accounts.membership where username = :user and not (organisation = any(:orgs))")
                .param("user", username).param("orgs", roles.keySet().toArray(String[]::new)).update();
        roles.forEach((organisation, role) -> jdbc.sql("""
                insert into accounts.membership (username, organisation, role) values (?, ?, ?)
                on conflict (username, organisation) do update set role = excluded.role
                """).params(username, organisation, role.name()).update());
        forget(username);
        return username;
    }

    private String freeUsername(String preferred) {
        String base = preferred.toLowerCase(Locale.ROOT).replaceAll("@.*$", "").replaceAll("[^a-z0-9._-]", "-")
                .replaceAll("^[^a-z0-9]+", "");
        base = base.length() > 50 ? base.substring(0, 50) : base;
        base = base.length() < 2 ? "sso-user" + base : base;
        String candidate = base;
        for (int n = 2; find(candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private List<Membership> memberships(String username) {
        return jdbc.sql("select organisation, role from accounts.membership where username = ? order by organisation")
                .param(username)
                .query((rs, n) -> new Membership(rs.getString(1), Role.valueOf(rs.getString(2))))
                .list();
    }
}
