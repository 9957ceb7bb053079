package org.redress.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An organisation's administrators manage its members: who belongs, with which role, and unlocking an account after
 * too many wrong passwords. Nobody joins without agreeing: adding a member makes an invitation they accept
 * ({@link Invitations}), and the answer is the same whether or not the username had an account, so it tells nobody
 * which usernames exist. Only the membership in this organisation changes: an account that also belongs to another
 * organisation keeps its place there, its password is never set nor its lockout ended by this organisation alone, and
 * a role with more permissions is offered to it as an invitation. Unlocking one account is limited to
 * {@link #UNLOCKS_A_DAY} times in any 24 hours, so wrong passwords cannot be tried without end (ADR 18). An
 * organisation always keeps at least one administrator, so nobody can lock everyone out of it.
 */
@Service
public class Team {

    /** How many times one account may be unlocked by its organisations' administrators in any 24 hours. */
    static final int UNLOCKS_A_DAY = 3;


    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Invitations invitations;
    private final Organisations organisations;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final PackRoles packRoles;

    Team(JdbcClient jdbc, Accounts accounts, ApiTokens tokens, Invitations invitations, Organisations organisations,
         PasswordPolicy passwordPolicy, PasswordEncoder passwords, Clock clock, PackRoles packRoles) {
        this.packRoles = packRoles;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.invitations = invitations;
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
     * @param packRoles    the roles of the organisation's policy pack they hold ({@link PackRoles})
     * @param packRolesChosen whether an administrator chose them (else they are those the account role implies)
     * @param noticeEmail  the address this organisation's notices to them go to (T-5), or null
     */
    public record Member(String username, String displayName, Role role, String roleName, @Nullable List<String> serviceAreas,
                         @Nullable Instant lockedUntil, boolean singleSignOn, List<String> packRoles, boolean packRolesChosen,
                         @Nullable String noticeEmail) {
    }

    /** The address a member's notices go to, as typed: an email address, or blank for none. */
    public record NoticeEmail(@org.redress.web.EmailAddress @Size(max = TextLimits.NAME) @Nullable String email) {
    }

    /**
     * A member to add, as typed (the API and the page are checked the same way).
     *
     * @param password     the first password, always required: it becomes the password of a new account when nobody has
     *                     the username, and is not used when someone has
     * @param serviceAreas the only service areas whose cases they will see; left out for every area
     */
    public record NewMember(@NotNull(message = USERNAME) @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,62}", message = USERNAME)
                            @Size(max = TextLimits.NAME) @Nullable String username,
                            @NotBlank(message = DISPLAY_NAME) @Size(max = TextLimits.NAME) @Nullable String displayName,
                            @Size(max = TextLimits.NAME) @Nullable String role,
                            @NotEmpty(message = PASSWORD) @Size(max = TextLimits.NAME) @Nullable String password,
                            @Nullable List<@Size(max = TextLimits.NAME) String> serviceAreas) {
        static final String USERNAME = "must be 2 to 63 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit";
        static final String DISPLAY_NAME = "is required: the member's full name, up to " + TextLimits.NAME + " characters";
        static final String PASSWORD = "is required: the first password of a new account (someone who has an account already keeps their own)";

        /** The username as it is kept, without spaces around it and in lower case; the name without spaces around it. */
        public NewMember {
            username = username == null ? null : username.strip().toLowerCase(Locale.UK);
            displayName = displayName == null ? null : displayName.strip();
        }

        public NewMember(@Nullable String username, @Nullable String displayName, @Nullable String role, @Nullable String password) {
            this(username, displayName, role, password, null);
        }
    }

    /** An invitation made (to join, or to a role with more permissions), and what it means, in words. */
    public record Invited(Invitations.Invitation invitation, String message) {
    }

    /** What a role change did: changed the role now ({@code member}), or offered it as an invitation ({@code invited}). */
    public record RoleChanged(@Nullable Member member, @Nullable Invited invited) {
    }

    @Transactional(readOnly = true)
    public List<Member> members(String organisation) {
        organisations.require(organisation);
        Instant now = clock.instant();
        return jdbc.sql("""
                select u.username, u.display_name, m.role, m.service_areas, u.locked_until,
                       exists (select 1 from accounts.sso_identity s where s.username = u.username), m.pack_roles, m.notice_email
                from accounts.membership m join accounts.staff_user u using (username)
                where m.organisation = ? order by lower(u.display_name), u.username
                """).param(organisation).query((rs, n) -> {
                    Role role = Role.valueOf(rs.getString(3));
                    java.sql.Array areas = rs.getArray(4);
                    OffsetDateTime locked = rs.getObject(5, OffsetDateTime.class);
                    return new Member(rs.getString(1), rs.getString(2), role, role.label(),
                            areas == null ? null : Arrays.asList((String[]) areas.getArray()),
                            locked != null && locked.toInstant().isAfter(now) ? locked.toInstant() : null, rs.getBoolean(6),
                            List.copyOf(new java.util.TreeSet<>(PackRoles.held(role, rs.getArray(7)))), rs.getArray(7) != null, rs.getString(8));
                }).list();
    }

    public Member member(String organisation, String username) {
        return members(organisation).stream().filter(m -> m.username().equals(username)).findFirst()
                .orElseThrow(() -> notAMember(organisation, username));
    }

    /**
     * Adds a member by invitation. The same statements run whether or not the username has an account: the first
     * password is checked and hashed, an account is made only if the name is free ({@code on conflict do nothing}), and
     * an invitation is made. So neither the answer nor its timing says whether the account existed.
     */
    @Transactional
    public Invited add(String organisation, NewMember input, String invitedBy) {
        organisations.require(organisation);
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(input)); // its declared shape, then the role and the password policy
        String username = input.username() == null ? "" : input.username();
        String displayName = input.displayName();
        Role role = role(input.role(), errors);
        if (input.password() != null && !input.password().isEmpty()) {
            passwordPolicy.check(username, input.password()).ifPresent(w -> errors.add(new FieldError("password", w.rule())));
        }
        List<String> areas = input.serviceAreas() == null ? null
                : input.serviceAreas().stream().map(a -> a == null ? "" : a.strip()).distinct().sorted().toList();
        if (areas != null && (areas.isEmpty() || areas.stream().anyMatch(a -> a.isEmpty() || a.length() > 100))) {
            errors.add(new FieldError("serviceAreas", "name one or more service areas (each 1 to 100 characters), or leave it out for every area"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // membership here is listed to this organisation's administrators already, so saying so reveals nothing
        if (jdbc.sql("select count(*) from accounts.membership where username = ? and organisation = ?").params(username, organisation)
                .query(Long.class).single() > 0) {
            throw new RefusedException("'" + username + "' is already a member of this organisation; change their role instead", null, "username");
        }
        jdbc.sql("insert into accounts.staff_user (username, display_name, password_hash) values (?, ?, ?) on conflict (username) do nothing")
                .params(username, displayName, passwords.encode(input.password())).update();
        accounts.forget(username);
        Invitations.Invitation invitation = invitations.invite(organisation, username, displayName, role, areas, invitedBy);
        return new Invited(invitation, "Invitation made: " + username + " joins the team as " + role.label() + " when they accept it."
                + " If nobody had that username, a new account was made with the first password you gave;"
                + " otherwise that password was not used and they sign in with their own.");
    }

    /**
     * Changes a member's role. A role with more permissions for an account that also belongs to another organisation is
     * offered as an invitation instead: what that person's account may do grows only with their agreement.
     */
    @Transactional
    public RoleChanged changeRole(String organisation, String username, @Nullable String roleName, String changedBy) {
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
        if (belongsElsewhere(organisation, username) && !Permissions.of(current.role()).containsAll(Permissions.of(role))) {
            Invitations.Invitation invitation = invitations.invite(organisation, username, current.displayName(), role,
                    current.serviceAreas(), changedBy);
            return new RoleChanged(null, new Invited(invitation, username + " also belongs to another organisation, so the role of "
                    + role.label() + " is offered to them: it applies when they accept it."));
        }
        jdbc.sql("update accounts.membership set role = ? where username = ? and organisation = ?")
                .params(role.name(), username, organisation).update();
        accounts.forget(username);
        return new RoleChanged(member(organisation, username), null);
    }

    /**
     * Gives a member exactly these roles of the organisation's active policy pack (F-10, T-4, T-5, H-6, A-3), or, with
     * null, lets them hold those their account role implies again. A role the pack does not name is refused, naming
     * the pack's roles.
     */
    @Transactional
    public Member setPackRoles(String organisation, String username, @Nullable List<String> roles) {
        member(organisation, username);
        Set<String> chosen = null;
        if (roles != null) {
            List<String> known = packRoles.roles(organisation).stream().map(org.redress.policy.PolicyPack.Role::id).toList();
            chosen = new java.util.TreeSet<>();
            for (String r : roles) {
                String id = r == null ? "" : r.strip();
                if (!known.contains(id)) {
                    throw new InvalidInputException("packRoles", "'" + id + "' is not a role of this organisation's policy; its roles are "
                            + known);
                }
                chosen.add(id);
            }
        }
        packRoles.set(organisation, username, chosen);
        return member(organisation, username);
    }

    /** Sets (or, blank, clears) the address this organisation's notices to the member go to (T-5). */
    @Transactional
    public Member setNoticeEmail(String organisation, String username, NoticeEmail input) {
        member(organisation, username);
        List<FieldError> errors = TextLimits.errorsIn(input);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String email = input.email() == null || input.email().isBlank() ? null : input.email().strip();
        jdbc.sql("update accounts.membership set notice_email = ? where organisation = ? and username = ?")
                .params(email, organisation, username).update();
        return member(organisation, username);
    }

    /**
     * Removes the member from this organisation (their account and other memberships stay), revokes their API tokens for
     * it and withdraws their open invitations to it.
     */
    @Transactional
    public void remove(String organisation, String username) {
        Member current = member(organisation, username);
        refuseIfSingleSignOn(current);
        if (current.role() == Role.ADMINISTRATOR) {
            keepAnAdministrator(organisation, username);
        }
        jdbc.sql("delete from accounts.membership where username = ? and organisation = ?").params(username, organisation).update();
        tokens.revokeAllIn(username, organisation);
        invitations.withdrawAll(organisation, username);
        accounts.forget(username);
    }

    /**
     * Ends a lockout after wrong passwords now, rather than when it runs out: only for an account that belongs to this
     * organisation alone, and at most {@link #UNLOCKS_A_DAY} times in any 24 hours, each unlock recorded. An installation
     * operator is held to neither.
     */
    @Transactional
    public Member unlock(String organisation, String username, String unlockedBy) {
        member(organisation, username);
        Instant now = clock.instant();
        // one unlock at a time per account, so the count below cannot be passed by asking twice at once
        jdbc.sql("select username from accounts.staff_user where username = ? for update").param(username).query(String.class).single();
        boolean operator = accounts.find(unlockedBy).map(Accounts.StaffMember::allOrganisations).orElse(false);
        if (!operator && belongsElsewhere(organisation, username)) {
            throw new RefusedException("'" + username + "' also belongs to another organisation: only an installation operator can"
                    + " unlock them before the lockout ends by itself", null, "unlock");
        }
        long recent = jdbc.sql("select count(*) from accounts.unlock where username = ? and unlocked_at > ?")
                .params(username, now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC)).query(Long.class).single();
        if (!operator && recent >= UNLOCKS_A_DAY) {
            throw new RefusedException("'" + username + "' has been unlocked " + recent + " times in the last 24 hours: the lockout ends"
                    + " by itself after " + Accounts.LOCKOUT.toMinutes() + " minutes, or an installation operator can unlock them", null, "unlock");
        }
        jdbc.sql("update accounts.staff_user set failed_attempts = 0, locked_until = null where username = ?").param(username).update();
        jdbc.sql("insert into accounts.unlock (username, organisation, unlocked_by, unlocked_at) values (?, ?, ?, ?)")
                .params(username, organisation, unlockedBy, now.atOffset(ZoneOffset.UTC)).update();
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
        if (belongsElsewhere(organisation, username)) {
            throw new RefusedException("'" + username + "' also belongs to another organisation: only they, or an installation operator,"
                    + " can change their password", null, "password");
        }
        accounts.setPassword(username, password == null ? "" : password)
                .ifPresent(weak -> {
                    throw new InvalidInputException("password", weak.rule());
                });
        return member(organisation, username);
    }

    private boolean belongsElsewhere(String organisation, String username) {
        return jdbc.sql("select count(*) from accounts.membership where username = ? and organisation <> ?")
                .params(username, organisation).query(Long.class).single() > 0;
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
