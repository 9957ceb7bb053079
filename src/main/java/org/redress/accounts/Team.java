package org.redress.accounts;

import org.jspecify.annotations.Nullable;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organisation's administrators manage its members: who belongs, with which role, and unlocking an account after
 * too many wrong passwords. Only the membership in this organisation changes: an account that also belongs to another
 * organisation keeps its place there, and its password is never set by someone else. An organisation always keeps
 * at least one administrator, so nobody can lock everyone out of it.
 */
@Service
public class Team {

    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,62}$");

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Organisations organisations;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Team(JdbcClient jdbc, Accounts accounts, ApiTokens tokens, Organisations organisations, PasswordPolicy passwordPolicy,
         PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.organisations = organisations;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * A member as their administrator sees them.
     *
     * @param serviceAreas the only service areas whose cases they see, or null for every area
     * @param lockedUntil  when a lockout after wrong passwords ends, if they are locked out now
     * @param singleSignOn whether they sign in through the organisation's identity provider (their role then comes from it)
     */
    public record Member(String username, String displayName, Role role, String roleName, @Nullable List<String> serviceAreas,
                         @Nullable Instant lockedUntil, boolean singleSignOn) {
    }

    /**
     * A member to add, as typed (the API and the page are checked the same way).
     *
     * @param password the first password of a new account; left out when the account exists already
     */
    public record NewMember(@Nullable String username, @Nullable String displayName, @Nullable String role, @Nullable String password) {
    }

    /** What adding a member did: a new account, or an existing account given a role here. */
    public record Added(Member member, boolean newAccount) {
    }

    @Transactional(readOnly = true)
    public List<Member> members(String organisation) {
        organisations.require(organisation);
        Instant now = clock.instant();
        return jdbc.sql("""
                select u.username, u.display_name, m.role, m.service_areas, u.locked_until,
                       exists (select 1 from accounts.sso_identity s where s.username = u.username)
                from accounts.membership m join accounts.staff_user u using (username)
                where m.organisation = ? order by lower(u.display_name), u.username
                """).param(organisation).query((rs, n) -> {
                    Role role = Role.valueOf(rs.getString(3));
                    java.sql.Array areas = rs.getArray(4);
                    OffsetDateTime locked = rs.getObject(5, OffsetDateTime.class);
                    return new Member(rs.getString(1), rs.getString(2), role, role.label(),
                            areas == null ? null : Arrays.asList((String[]) areas.getArray()),
                            locked != null && locked.toInstant().isAfter(now) ? locked.toInstant() : null, rs.getBoolean(6));
                }).list();
    }

    public Member member(String organisation, String username) {
        return members(organisation).stream().filter(m -> m.username().equals(username)).findFirst()
                .orElseThrow(() -> notAMember(organisation, username));
    }

    /** Adds a member: a new account with its first password, or an existing account given a role in this organisation. */
    @Transactional
    public Added add(String organisation, NewMember input) {
        organisations.require(organisation);
        List<FieldError> errors = new ArrayList<>();
        String username = input.username() == null ? "" : input.username().strip().toLowerCase(Locale.UK);
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "must be 2 to 63 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit"));
        }
        String displayName = input.displayName() == null ? "" : input.displayName().strip();
        Role role = role(input.role(), errors);
        boolean exists = errors.isEmpty() && accounts.find(username).isPresent();
        if (!exists && (displayName.isEmpty() || displayName.length() > 100)) {
            errors.add(new FieldError("displayName", "is required: the member's full name, up to 100 characters"));
        }
        if (!exists && errors.stream().noneMatch(e -> e.field().equals("username"))) {
            if (input.password() == null || input.password().isEmpty()) {
                errors.add(new FieldError("password", "is required for a new account: they can change it once signed in"));
            } else {
                passwordPolicy.check(username, input.password()).ifPresent(w -> errors.add(new FieldError("password", w.rule())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (exists) {
            if (accounts.find(username).orElseThrow().allOrganisations()) {
                throw new RefusedException("'" + username + "' operates the whole installation and needs no membership", null, "username");
            }
            if (accounts.roleIn(username, organisation).isPresent()) {
                throw new RefusedException("'" + username + "' is already a member of this organisation; change their role instead", null, "username");
            }
        } else {
            jdbc.sql("insert into accounts.staff_user (username, display_name, password_hash) values (?, ?, ?)")
                    .params(username, displayName, passwords.encode(input.password())).update();
        }
        jdbc.sql("insert into accounts.membership (username, organisation, role) values (?, ?, ?)")
                .params(username, organisation, role.name()).update();
        accounts.forget(username);
        return new Added(member(organisation, username), !exists);
    }

    @Transactional
    public Member changeRole(String organisation, String username, @Nullable String roleName) {
        List<FieldError> errors = new ArrayList<>();
        Role role = role(roleName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Member current = member(organisation, username);
        refuseIfSingleSignOn(current);
        if (current.role() == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR) {
            keepAnAdministrator(organisation, username);
        }
        jdbc.sql("update accounts.membership set role = ? where username = ? and organisation = ?")
                .params(role.name(), username, organisation).update();
        accounts.forget(username);
        return member(organisation, username);
    }

    /** Removes the member from this organisation (their account and other memberships stay) and revokes their API tokens for it. */
    @Transactional
    public void remove(String organisation, String username) {
        Member current = member(organisation, username);
        refuseIfSingleSignOn(current);
        if (current.role() == Role.ADMINISTRATOR) {
            keepAnAdministrator(organisation, username);
        }
        jdbc.sql("delete from accounts.membership where username = ? and organisation = ?").params(username, organisation).update();
        tokens.revokeAllIn(username, organisation);
        accounts.forget(username);
    }

    /** Ends a lockout after wrong passwords now, rather than when it runs out. */
    @Transactional
    public Member unlock(String organisation, String username) {
        member(organisation, username);
        jdbc.sql("update accounts.staff_user set failed_attempts = 0, locked_until = null where username = ?").param(username).update();
        return member(organisation, username);
    }

    /**
     * Sets a new password for a member who has forgotten theirs, and ends any lockout. Only for an account that belongs
     * to this organisation alone: an account shared with another organisation is not this administrator's to change.
     */
    @Transactional
    public Member setPassword(String organisation, String username, @Nullable String password) {
        Member current = member(organisation, username);
        refuseIfSingleSignOn(current);
        long elsewhere = jdbc.sql("select count(*) from accounts.membership where username = ? and organisation <> ?")
                .params(username, organisation).query(Long.class).single();
        if (elsewhere > 0) {
            throw new RefusedException("'" + username + "' also belongs to another organisation: only they, or an installation operator,"
                    + " can change their password", null, "password");
        }
        accounts.setPassword(username, password == null ? "" : password)
                .ifPresent(weak -> {
                    throw new InvalidInputException("password", weak.rule());
                });
        return member(organisation, username);
    }

    /** A member who signs in through the identity provider gets their role from its groups at every sign-in. */
    private static void refuseIfSingleSignOn(Member member) {
        if (member.singleSignOn()) {
            throw new RefusedException("'" + member.username() + "' signs in through the identity provider, whose groups set their role"
                    + " at every sign-in: change their groups there", null, "username");
        }
    }

    private void keepAnAdministrator(String organisation, String leaving) {
        int others = jdbc.sql("select count(*) from accounts.membership where organisation = ? and role = 'ADMINISTRATOR' and username <> ?")
                .params(organisation, leaving).query(Integer.class).single();
        if (others == 0) {
            throw new RefusedException("'" + leaving + "' is the organisation's only administrator: make someone else an administrator first",
                    null, "role");
        }
    }

    private static Role role(@Nullable String name, List<FieldError> errors) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.UK);
        Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.name().equals(wanted)).findFirst();
        if (role.isEmpty()) {
            errors.add(new FieldError("role", "must be one of " + Arrays.toString(Role.values())));
            return Role.BOARD_MEMBER;
        }
        return role.get();
    }

    private static NotFoundException notAMember(String organisation, String username) {
        return new NotFoundException("username", "'" + username + "' is not a member of organisation '" + organisation + "'");
    }
}
