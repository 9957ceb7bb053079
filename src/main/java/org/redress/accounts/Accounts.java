package org.redress.accounts;

import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    Accounts(JdbcClient jdbc, Organisations organisations, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.passwords = passwords;
        this.clock = clock;
    }

    public record Membership(String organisation, Role role) {
    }

    /** A member of staff; an installation operator belongs to every organisation as its administrator. */
    public record StaffMember(String username, String displayName, boolean allOrganisations, List<Membership> memberships) {
    }

    record Credentials(String username, String passwordHash, boolean enabled, boolean locked) {
    }

    /**
     * The account and its memberships, read one after the other: a query inside another's row mapping would hold one
     * pooled connection while waiting for a second, and under load every connection ends up waiting (a pool deadlock).
     */
    public Optional<StaffMember> find(String username) {
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

    /** Whether the user may administer anything at installation level (policy packs, new organisations). */
    public boolean administersInstallation(String username) {
        return find(username).map(m -> m.allOrganisations()
                || m.memberships().stream().anyMatch(x -> x.role() == Role.ADMINISTRATOR)).orElse(false);
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
    }

    /** Like {@link #ensure} with an already hashed password (tests use a cheap hash so each request stays fast). */
    @Transactional
    public void ensureHashed(String username, String displayName, String passwordHash, boolean allOrganisations) {
        jdbc.sql("""
                insert into accounts.staff_user (username, display_name, password_hash, all_organisations)
                values (?, ?, ?, ?) on conflict (username) do nothing
                """).params(username, displayName, passwordHash, allOrganisations).update();
    }

    Optional<Credentials> credentials(String username) {
        Instant now = clock.instant();
        return jdbc.sql("select username, password_hash, enabled, locked_until from accounts.staff_user where username = ?")
                .param(username)
                .query((rs, n) -> {
                    Timestamp lockedUntil = rs.getTimestamp(4);
                    return new Credentials(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            lockedUntil != null && lockedUntil.toInstant().isAfter(now));
                })
                .optional();
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

    private List<Membership> memberships(String username) {
        return jdbc.sql("select organisation, role from accounts.membership where username = ? order by organisation")
                .param(username)
                .query((rs, n) -> new Membership(rs.getString(1), Role.valueOf(rs.getString(2))))
                .list();
    }
}
