package org.redress.accounts;

import org.jspecify.annotations.Nullable;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Joining an organisation, or taking a role there with more permissions than one's account has now while it also
 * belongs elsewhere, needs the person's agreement: an administrator makes an invitation, and only the invited person,
 * signed in as themselves (never through an API token), accepts or declines it. An invitation runs out after
 * {@link #VALID_FOR}; its administrators may withdraw it before then (ADR 18).
 */
@Service
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(14);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Clock clock;

    Invitations(JdbcClient jdbc, Accounts accounts, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * An invitation as its administrators and the invited person see it.
     *
     * @param displayName  the name the administrator typed (an account that existed keeps its own)
     * @param serviceAreas the only service areas whose cases the member will see, or null for every area
     */
    public record Invitation(UUID id, String organisation, String organisationName, String username, String displayName, Role role,
                             String roleName, @Nullable List<String> serviceAreas, String invitedBy, String invitedByName,
                             Instant createdAt, Instant expiresAt) {
    }

    /** Makes an invitation; the organisation's own open invitation for the person is refused (its administrators see it listed). */
    @Transactional
    Invitation invite(String organisation, String username, String displayName, Role role, @Nullable List<String> serviceAreas,
                      String invitedBy) {
        Instant now = clock.instant();
        jdbc.sql("""
                update accounts.invitation set answered_at = expires_at, answer = 'EXPIRED'
                 where organisation = ? and username = ? and answered_at is null and expires_at <= ?
                """).params(organisation, username, utc(now)).update();
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into accounts.invitation (id, organisation, username, display_name, role, service_areas, invited_by, created_at, expires_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(id, organisation, username, displayName, role.name(),
                    serviceAreas == null ? null : serviceAreas.toArray(String[]::new), invitedBy, utc(now), utc(now.plus(VALID_FOR))).update();
        } catch (DuplicateKeyException e) {
            throw new RefusedException("'" + username + "' already has an open invitation to this organisation: withdraw it first to"
                    + " make another", null, "username");
        }
        return find(id).orElseThrow();
    }

    /** The invitations the person has not answered yet, and that have not run out. */
    @Transactional(readOnly = true)
    public List<Invitation> openFor(String username) {
        return select("i.username = ?", username);
    }

    /** The organisation's invitations not answered yet, and that have not run out, for its administrators. */
    @Transactional(readOnly = true)
    public List<Invitation> openIn(String organisation) {
        organisations.require(organisation);
        return select("i.organisation = ?", organisation);
    }

    /** The person joins the organisation (or takes the role offered), as the invitation says. */
    @Transactional
    public Invitation accept(String username, UUID id) {
        Invitation invitation = openOf(username, id);
        Accounts.StaffMember member = accounts.find(username).orElseThrow();
        if (member.allOrganisations()) {
            throw new RefusedException("you operate the whole installation and need no membership: decline it instead", null, "id");
        }
        if (jdbc.sql("select count(*) from accounts.sso_identity where username = ?").param(username).query(Long.class).single() > 0) {
            throw new RefusedException("your organisations and roles come from your identity provider's groups at every sign-in:"
                    + " ask for a group there, and decline this", null, "id");
        }
        organisations.find(invitation.organisation()).orElseThrow(() -> notOpen(id));
        jdbc.sql("""
                insert into accounts.membership (username, organisation, role, service_areas) values (?, ?, ?, ?)
                on conflict (username, organisation) do update set role = excluded.role
                """).params(username, invitation.organisation(), invitation.role().name(),
                invitation.serviceAreas() == null ? null : invitation.serviceAreas().toArray(String[]::new)).update();
        answer(id, "ACCEPTED");
        accounts.forget(username);
        return invitation;
    }

    @Transactional
    public Invitation decline(String username, UUID id) {
        Invitation invitation = openOf(username, id);
        answer(id, "DECLINED");
        return invitation;
    }

    /** The organisation's administrators take back an invitation not yet answered. */
    @Transactional
    public void withdraw(String organisation, UUID id) {
        int withdrawn = jdbc.sql("""
                update accounts.invitation set answered_at = ?, answer = 'WITHDRAWN'
                 where id = ? and organisation = ? and answered_at is null and expires_at > ?
                """).params(utc(clock.instant()), id, organisation, utc(clock.instant())).update();
        if (withdrawn == 0) {
            throw new NotFoundException("id", "no open invitation " + id + " to this organisation");
        }
    }

    /** Withdraws the person's open invitations to the organisation (when they are removed from it). */
    void withdrawAll(String organisation, String username) {
        jdbc.sql("""
                update accounts.invitation set answered_at = ?, answer = 'WITHDRAWN'
                 where organisation = ? and username = ? and answered_at is null
                """).params(utc(clock.instant()), organisation, username).update();
    }

    private Invitation openOf(String username, UUID id) {
        // locked, so two answers at once cannot both be taken
        jdbc.sql("select id from accounts.invitation where id = ? for update").param(id).query(UUID.class).optional();
        return select("i.id = ? and i.username = ?", id, username).stream().findFirst().orElseThrow(() -> notOpen(id));
    }

    private void answer(UUID id, String answer) {
        jdbc.sql("update accounts.invitation set answered_at = ?, answer = ? where id = ?").params(utc(clock.instant()), answer, id).update();
    }

    private java.util.Optional<Invitation> find(UUID id) {
        return select("i.id = ?", id).stream().findFirst();
    }

    /** Rows first, then the organisations' names: no query runs inside another's row mapping (a pooled connection each). */
    private List<Invitation> select(String condition, Object... params) {
        Object[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = utc(clock.instant());
        record Row(UUID id, String organisation, String username, String displayName, Role role, @Nullable List<String> areas,
                   String invitedBy, String invitedByName, Instant createdAt, Instant expiresAt) {
        }
        List<Row> rows = jdbc.sql("""
                select i.id, i.organisation, i.username, i.display_name, i.role, i.service_areas, i.invited_by,
                       coalesce(u.display_name, i.invited_by), i.created_at, i.expires_at
                from accounts.invitation i left join accounts.staff_user u on u.username = i.invited_by
                where %s and i.answered_at is null and i.expires_at > ?
                order by i.created_at, i.username
                """.formatted(condition)).params(all).query((rs, n) -> {
                    java.sql.Array areas = rs.getArray(6);
                    return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)),
                            areas == null ? null : Arrays.asList((String[]) areas.getArray()), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant(), rs.getObject(10, OffsetDateTime.class).toInstant());
                }).list();
        return rows.stream().map(r -> new Invitation(r.id(), r.organisation(),
                organisations.find(r.organisation()).map(Organisation::name).orElse(r.organisation()), r.username(), r.displayName(),
                r.role(), r.role().label(), r.areas(), r.invitedBy(), r.invitedByName(), r.createdAt(), r.expiresAt())).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static NotFoundException notOpen(UUID id) {
        return new NotFoundException("id", "you have no open invitation " + id);
    }
}
