package org.redress.privacy;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.Calendars;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadline;
import org.redress.calendar.Jurisdiction;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPacks;
import org.redress.web.EmailAddress;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Subject access requests (R-7; UK GDPR Art. 15): recorded with a due date one calendar month after receipt (Art. 12(3)),
 * on the calendar's month clock, and tracked like any other clock: on time, due soon, overdue, met.
 */
@Service
public class SubjectAccess {

    /** A request is "due soon" this many days before its due date. */
    static final int DUE_SOON_DAYS = 7;

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final PolicyPacks packs;
    private final Organisations organisations;
    private final Clock clock;

    SubjectAccess(JdbcClient jdbc, Calendars calendars, PolicyPacks packs, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.packs = packs;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A person as they identify themselves: at least one of these. */
    public record Person(@Nullable String name, @Nullable String email, @Nullable String phone) {
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "SubjectAccessRequest")
    public record Request(String id, String organisation, Person person, Instant receivedAt, LocalDate dueOn, Instant dueBy,
                          String explanation, String recordedBy, @Nullable Instant completedAt, @Nullable String completedBy,
                          @Nullable Instant extendedAt, @Nullable String extensionReason, ClockStatus status) {
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "NewSubjectAccessRequest")
    public record NewRequest(@Size(max = TextLimits.NAME) @Nullable String name, @Size(max = TextLimits.NAME) @Nullable String email,
                             @Size(max = TextLimits.NAME) @Nullable String phone, @Nullable LocalDate receivedOn) {
    }

    @Transactional
    public Request record(String organisation, NewRequest given, String actor) {
        TextLimits.check(given);
        organisations.require(organisation);
        String name = Retention.blankToNull(given.name());
        String email = Retention.blankToNull(given.email());
        String phone = Retention.blankToNull(given.phone());
        List<FieldError> errors = new ArrayList<>();
        if (name == null && email == null && phone == null) {
            errors.add(new FieldError("email", "give at least one of the person's email, phone or name"));
        }
        if (email != null && !EmailAddress.Check.matches(email)) {
            errors.add(new FieldError("email", "must be an email address, like name@example.org"));
        }
        if (phone != null && phone.replaceAll("[^0-9]", "").length() < 6) {
            errors.add(new FieldError("phone", "must be a phone number of at least 6 digits"));
        }
        Instant now = clock.instant();
        if (given.receivedOn() != null && given.receivedOn().isAfter(UkTime.dateOf(now))) {
            errors.add(new FieldError("receivedOn", "cannot be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant received = given.receivedOn() == null || given.receivedOn().equals(UkTime.dateOf(now))
                ? now : given.receivedOn().atStartOfDay(UkTime.ZONE).toInstant();
        Deadline due = calendars.deadline(organisation, jurisdiction(organisation), received, ClockUnit.CALENDAR_MONTHS, 1);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into privacy.subject_access (id, organisation, name, email, phone, received_at, due_on, due_by, explanation, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, organisation, name, email, phone, Retention.ts(received), due.dueDate(), Retention.ts(due.dueBy()),
                due.explanation() + " (UK GDPR Art. 12(3))", actor).update();
        return get(organisation, id.toString());
    }

    /** Open requests by due date, soonest first; with {@code all}, completed ones after them. */
    public List<Request> list(String organisation, boolean all) {
        organisations.require(organisation);
        return jdbc.sql("select " + COLUMNS + " from privacy.subject_access where organisation = ? and (? or completed_at is null) "
                        + "order by completed_at is not null, due_by, received_at")
                .params(organisation, all).query(this::map).list();
    }

    public Request get(String organisation, String id) {
        UUID uuid = Retention.parseId(id, "request");
        return jdbc.sql("select " + COLUMNS + " from privacy.subject_access where organisation = ? and id = ?")
                .params(organisation, uuid).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("request", "organisation '" + organisation + "' has no subject access request '" + id + "'"));
    }

    @Transactional
    public Request complete(String organisation, String id, String actor) {
        Request request = get(organisation, id);
        if (request.completedAt() != null) {
            throw new RefusedException("the request was completed on " + UkTime.dateOf(request.completedAt()), null, null);
        }
        jdbc.sql("update privacy.subject_access set completed_at = ?, completed_by = ? where organisation = ? and id = ?")
                .params(Retention.ts(clock.instant()), actor, organisation, UUID.fromString(id)).update();
        return get(organisation, id);
    }

    /**
     * Extends the deadline by two further months (three from receipt) where the request is complex or one of many
     * (Art. 12(3)): allowed once, before it is answered, and only while the first month runs, as the person must be
     * told within it, with the reason.
     */
    @Transactional
    public Request extend(String organisation, String id, @Nullable String reason, String actor) {
        TextLimits.check("reason", reason, TextLimits.LINE);
        Request request = get(organisation, id);
        String why = Retention.blankToNull(reason);
        if (why == null) {
            throw new InvalidInputException("reason", "must say why more time is needed (complex, or many requests), in 1 to " + TextLimits.LINE + " characters");
        }
        Instant now = clock.instant();
        if (request.completedAt() != null) {
            throw new RefusedException("the request was answered already", null, null);
        }
        if (request.extendedAt() != null) {
            throw new RefusedException("the deadline was extended already, on " + UkTime.dateOf(request.extendedAt()), "UK GDPR Art. 12(3)", null);
        }
        if (now.isAfter(request.dueBy())) {
            throw new RefusedException("the person must be told of an extension within the first month, which ended on "
                    + request.dueOn(), "UK GDPR Art. 12(3)", null);
        }
        Deadline due = calendars.deadline(organisation, jurisdiction(organisation), request.receivedAt(), ClockUnit.CALENDAR_MONTHS, 3);
        jdbc.sql("""
                update privacy.subject_access set due_on = ?, due_by = ?, explanation = ?, extended_at = ?, extended_by = ?,
                    extension_reason = ? where organisation = ? and id = ?
                """).params(due.dueDate(), Retention.ts(due.dueBy()), due.explanation() + " Extended by two months: " + why
                + " (UK GDPR Art. 12(3))", Retention.ts(now), actor, why, organisation, UUID.fromString(id)).update();
        return get(organisation, id);
    }

    /** The clock status of a request at an instant: derived, never stored. */
    static ClockStatus status(Instant dueBy, LocalDate dueOn, @Nullable Instant completedAt, Instant now) {
        if (completedAt != null) {
            return completedAt.isAfter(dueBy) ? ClockStatus.MET_LATE : ClockStatus.MET;
        }
        if (now.isAfter(dueBy)) {
            return ClockStatus.OVERDUE;
        }
        return UkTime.dateOf(now).isBefore(dueOn.minusDays(DUE_SOON_DAYS)) ? ClockStatus.ON_TIME : ClockStatus.DUE_SOON;
    }

    private Jurisdiction jurisdiction(String organisation) {
        return packs.active(organisation).map(p -> p.organisation().jurisdiction()).orElse(Jurisdiction.ENGLAND_AND_WALES);
    }

    private static final String COLUMNS = """
            id, organisation, name, email, phone, received_at, due_on, due_by, explanation, recorded_by, completed_at, completed_by,
            extended_at, extension_reason""";

    private Request map(ResultSet rs, int row) throws SQLException {
        Instant dueBy = rs.getObject(8, OffsetDateTime.class).toInstant();
        LocalDate dueOn = rs.getObject(7, LocalDate.class);
        Instant completed = Optional.ofNullable(rs.getObject(11, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null);
        return new Request(rs.getObject(1, UUID.class).toString(), rs.getString(2), new Person(rs.getString(3), rs.getString(4),
                rs.getString(5)), rs.getObject(6, OffsetDateTime.class).toInstant(), dueOn, dueBy, rs.getString(9), rs.getString(10),
                completed, rs.getString(12),
                Optional.ofNullable(rs.getObject(13, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                rs.getString(14), status(dueBy, dueOn, completed, clock.instant()));
    }
}
