package org.redress.staffconcerns;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.NamedPerson;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.correspondence.StaffNotices;
import org.redress.people.Organisations;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Complaints about named staff (F-12). Who may see them is decided here, in {@link #mayView}: a case worker who does
 * not own the case is answered exactly as if there were nothing there (404).
 */
@Service
public class StaffConcerns {

    /** Roles that see every staff concern of their organisation: those who manage complaints. */
    static final Set<Role> SEE_ALL = EnumSet.of(Role.COMPLAINT_MANAGEMENT_OFFICER, Role.FEEDBACK_MANAGER, Role.DIRECTOR, Role.ADMINISTRATOR);

    static final int LONGEST_TEXT = 10_000;

    /** What a notice to the named person's manager holds, for the special category read log. */
    static final String NOTICE_HOLDS = "the member of staff a complaint names (staff concern notice)";

    private final JdbcClient jdbc;
    private final Casework casework;
    private final Accounts accounts;
    private final StaffNotices notices;
    private final Organisations organisations;
    private final Clock clock;

    StaffConcerns(JdbcClient jdbc, Casework casework, Accounts accounts, StaffNotices notices, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.casework = casework;
        this.accounts = accounts;
        this.notices = notices;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A concern as sent: the person the case names and their manager's username; whether they are is checked against the case. */
    public record NewConcern(@NotBlank(message = "Choose the person the complaint names") @Size(max = TextLimits.NAME) @Nullable String namedPerson,
                             @NotBlank(message = "Enter the username of the person's manager") @Size(max = TextLimits.NAME) @Nullable String manager) {
    }

    /** @param givenOn the day they gave it, today when left out */
    public record OwnView(@NotBlank(message = "Enter the person's view") @Size(max = TextLimits.TEXT) @Nullable String view,
                          @Size(max = TextLimits.NAME) @Nullable String givenOn) {
    }

    /** @param on the day they were told, today when left out */
    public record KeptInformed(@NotBlank(message = "Enter what they were told") @Size(max = TextLimits.TEXT) @Nullable String said,
                               @Size(max = TextLimits.NAME) @Nullable String on) {
    }

    /** The case with its concerns, for someone allowed to see them; otherwise not found. */
    public record CaseConcerns(CaseView caseFile, List<StaffConcern> concerns) {
    }

    /**
     * Who may see a case's staff concerns: complaint managers, directors and administrators of the organisation; an
     * owner of any stage of the case; the manager of a person the case names.
     */
    public boolean mayView(String organisation, CaseView caseFile, String username) {
        Role role = accounts.roleIn(username, organisation).orElse(null);
        if (role == null) {
            return false;
        }
        if (SEE_ALL.contains(role)) {
            return true;
        }
        if (caseFile.stages().stream().map(StageRecord::owner).filter(Objects::nonNull).anyMatch(username::equals)) {
            return true;
        }
        return jdbc.sql("select count(*) from staffconcerns.concern where organisation = ? and case_id = ? and manager = ?")
                .params(organisation, UUID.fromString(caseFile.id()), username).query(Integer.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public CaseConcerns forCase(String organisation, String caseRef, String username) {
        CaseView view = visibleCase(organisation, caseRef, username);
        return new CaseConcerns(view, concerns(organisation, view));
    }

    /** Records a named person's concern and tells their manager at once (F-12), through the outbox. */
    @Transactional
    public StaffConcern record(String organisation, String caseRef, NewConcern request, String actor) {
        TextLimits.checkSizes(request);
        CaseView view = visibleCase(organisation, caseRef, actor); // not found before anything about the request
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        NamedPerson person = null;
        if (!blank(request.namedPerson())) {
            person = view.namedPeople().stream().filter(p -> p.name().equalsIgnoreCase(request.namedPerson().strip())).findFirst().orElse(null);
            if (person == null) {
                errors.add(new FieldError("namedPerson", view.namedPeople().isEmpty() ? "This case names no member of staff or contractor"
                        : "Choose one of the people the case names: " + view.namedPeople().stream().map(NamedPerson::name).toList()));
            }
        }
        String manager = blank(request.manager()) ? null : request.manager().strip().toLowerCase(java.util.Locale.ROOT);
        if (manager != null && (accounts.roleIn(manager, organisation).isEmpty() || accounts.find(manager).map(m -> m.allOrganisations()).orElse(true))) {
            errors.add(new FieldError("manager", "Enter the username of a member of staff of this organisation"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean exists = jdbc.sql("select count(*) from staffconcerns.concern where organisation = ? and case_id = ? and lower(named_person) = lower(?)")
                .params(organisation, UUID.fromString(view.id()), person.name()).query(Integer.class).single() > 0;
        if (exists) {
            throw new RefusedException("Not allowed: " + person.name() + " is already recorded on this case; add an update instead", "F-12", "namedPerson");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into staffconcerns.concern (id, organisation, case_id, case_reference, named_person, manager, manager_told_at,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, organisation, UUID.fromString(view.id()), view.reference(), person.name(), manager, Timestamp.from(now),
                actor, Timestamp.from(now)).update();
        String displayName = accounts.find(manager).map(Accounts.StaffMember::displayName).orElse(manager);
        // not filed with the case's letters, which every case worker can read: this record is private (F-12)
        String subject = "A complaint names " + person.name() + ": please tell them now (" + view.reference() + ")";
        List<String> lines = List.of("Complaint " + view.reference() + " names " + person.name()
                        + (person.role() == null ? "" : " (" + person.role() + ")")
                        + ", whom you manage" + (manager.contains("@") ? "" : " (for " + displayName + ", " + manager + ")") + ".",
                "Please tell them about it now, ask for their view, and keep them informed as it goes on (F-12).",
                "Only the case's owner, you, and the complaint managers can see this part of the case.");
        // naming the person makes the notice special category data: withheld from the Board in the outbox, each read logged
        StaffNotices.SpecialCategory special = new StaffNotices.SpecialCategory(NOTICE_HOLDS, view.reference());
        if (manager.contains("@")) {
            notices.queue(organisation, null, null, manager, null, subject, displayName, lines, special);
        } else {
            // for the manager's account: a manager limited to some service areas still finds it in the outbox
            notices.queueFor(organisation, manager, organisations.complaintsEmail(organisation)
                    .orElse("complaints@" + organisation + ".invalid"), subject, displayName, lines, special);
        }
        return concern(organisation, view, id);
    }

    @Transactional
    public StaffConcern recordView(String organisation, String caseRef, String concernId, OwnView request, String actor) {
        TextLimits.checkSizes(request);
        CaseView view = visibleCase(organisation, caseRef, actor);
        StaffConcern concern = concern(organisation, view, parse(concernId));
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        String text = stripped(request.view());
        LocalDate on = date(request.givenOn(), "givenOn", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (concern.ownView() != null) {
            throw new RefusedException("Not allowed: their view was recorded on " + concern.ownViewGivenOn()
                    + "; add what else they said as an update", "F-12", "view");
        }
        jdbc.sql("update staffconcerns.concern set own_view = ?, own_view_given_on = ? where id = ? and own_view is null")
                .params(text, on, concern.id()).update();
        return concern(organisation, view, concern.id());
    }

    @Transactional
    public StaffConcern keptInformed(String organisation, String caseRef, String concernId, KeptInformed request, String actor) {
        TextLimits.checkSizes(request);
        CaseView view = visibleCase(organisation, caseRef, actor);
        StaffConcern concern = concern(organisation, view, parse(concernId));
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        String said = stripped(request.said());
        LocalDate on = date(request.on(), "on", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("select id from staffconcerns.concern where id = ? for update").param(concern.id()).query(UUID.class).single();
        jdbc.sql("""
                insert into staffconcerns.kept_informed (concern_id, sequence, said_on, said, recorded_by, recorded_at)
                values (?, (select coalesce(max(sequence), 0) + 1 from staffconcerns.kept_informed where concern_id = ?), ?, ?, ?, ?)
                """).params(concern.id(), concern.id(), on, said, actor, Timestamp.from(clock.instant())).update();
        return concern(organisation, view, concern.id());
    }

    /** For the case page: how many named people have a record, and whether views and updates are in. */
    public List<StaffConcern> concerns(String organisation, CaseView view) {
        record Row(UUID id, String reference, String person, String manager, Instant told, @Nullable String ownView,
                   @Nullable LocalDate givenOn, String by, Instant at) {
        }
        List<Row> rows = jdbc.sql("""
                select id, case_reference, named_person, manager, manager_told_at, own_view, own_view_given_on, recorded_by, recorded_at
                from staffconcerns.concern where organisation = ? and case_id = ? order by recorded_at, named_person
                """).params(organisation, UUID.fromString(view.id()))
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getTimestamp(9).toInstant())).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<StaffConcern.Update>> updates = new LinkedHashMap<>();
        jdbc.sql("select concern_id, said_on, said, recorded_by from staffconcerns.kept_informed where concern_id = any(?) order by concern_id, sequence")
                .param(rows.stream().map(Row::id).toArray(UUID[]::new))
                .query(rs -> {
                    updates.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new StaffConcern.Update(rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)));
                });
        return rows.stream().map(r -> new StaffConcern(r.id(), r.reference(), r.person(), r.manager(), r.told(), r.ownView(), r.givenOn(),
                r.by(), r.at(), updates.getOrDefault(r.id(), List.of()))).toList();
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private CaseView visibleCase(String organisation, String caseRef, String username) {
        CaseView view = casework.get(organisation, caseRef);
        if (!mayView(organisation, view, username)) {
            // the same answer as for a case that does not exist: whether there is a concern is itself private
            throw new NotFoundException("case", "organisation '" + organisation + "' has no case '" + caseRef + "'");
        }
        return view;
    }

    private StaffConcern concern(String organisation, CaseView view, UUID id) {
        return concerns(organisation, view).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("concern", "case " + view.reference() + " has no staff concern '" + id + "'"));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("concern", "no staff concern '" + id + "'");
        }
    }

    private @Nullable LocalDate date(@Nullable String text, String field, List<FieldError> errors) {
        LocalDate today = UkTime.dateOf(clock.instant());
        if (blank(text)) {
            return today;
        }
        try {
            LocalDate date = RequestDates.parse(text);
            if (date.isAfter(today)) {
                errors.add(new FieldError(field, "The date cannot be in the future"));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter a real date" + RequestDates.hint(e, ", for example 2026-11-23")));
            return null;
        }
    }

    private static @Nullable String stripped(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
