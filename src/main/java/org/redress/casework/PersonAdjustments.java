package org.redress.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseFact.CaseLogged;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.ContactMethod;
import org.redress.web.EmailAddress;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.RequestDates;
import org.redress.web.TextLimits;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reasonable adjustments belong to the person (T-1): recorded once, from any of their cases, and found again on each of
 * their cases by the same matching rule restrictions use (built on {@link ComplainantKeys}): the same email, or the
 * same phone number, or the same name and the same address; a name alone never matches (two people can share one).
 * An adjustment recorded on a case whose person has none of these still shows on that case.
 * <p>
 * What the person asked for when they logged a contact ({@code reasonableAdjustments} on the complainant) is recorded
 * as an adjustment asked for, once, so it follows them too; staff then say what was agreed.
 */
@Service
public class PersonAdjustments {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final JdbcClient jdbc;
    private final Casework casework;
    private final Clock clock;

    PersonAdjustments(JdbcClient jdbc, Casework casework, Clock clock) {
        this.jdbc = jdbc;
        this.casework = casework;
        this.clock = clock;
    }

    /** An adjustment as entered: dates as ISO text so an unreadable one is named; agreed left empty while it is only asked. */
    public record NewAdjustment(@NotBlank(message = "Choose the kind of adjustment") @Size(max = TextLimits.NAME) @Nullable String kind,
                                @Size(max = TextLimits.LINE) @Nullable String details,
                                @EmailAddress @Size(max = TextLimits.NAME) @Nullable String contactEmail,
                                @NotBlank(message = "Enter what the person asked for") @Size(max = TextLimits.TEXT) @Nullable String asked,
                                @Size(max = TextLimits.NAME) @Nullable String askedOn,
                                @Size(max = TextLimits.TEXT) @Nullable String agreed,
                                @Size(max = TextLimits.NAME) @Nullable String agreedOn) {
    }

    /** What the organisation agreed to do, and when (today when left out). */
    public record AdjustmentAgreement(@NotBlank(message = "Enter what was agreed") @Size(max = TextLimits.TEXT) @Nullable String agreed,
                            @Size(max = TextLimits.NAME) @Nullable String agreedOn) {
    }

    /** Why the adjustment is no longer needed, and from when (today when left out). */
    public record AdjustmentEnding(@NotBlank(message = "Enter why the adjustment ends") @Size(max = TextLimits.TEXT) @Nullable String reason,
                         @Size(max = TextLimits.NAME) @Nullable String endedOn) {
    }

    /**
     * How the person's adjustments in force change a letter to them: the formats to flag (large print, easy read, a
     * language), the way to send it when they named one, who to copy it to, and what the sender must do.
     */
    public record LetterContact(List<String> formats, @Nullable ContactMethod sendBy, @Nullable String copyTo, List<String> instructions) {
        public static final LetterContact NONE = new LetterContact(List.of(), null, null, List.of());
    }

    LocalDate today() {
        return UkTime.dateOf(clock.instant());
    }

    /** Records an adjustment for the person of this case. */
    @Transactional
    public PersonAdjustment record(String organisation, String caseRef, NewAdjustment request, String actor) {
        TextLimits.checkSizes(request);
        CaseView view = casework.get(organisation, caseRef);
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        LocalDate today = today();
        AdjustmentKind kind = kind(request.kind(), errors);
        String details = text(request.details());
        if (kind != null && kind.needsDetails() && details == null) {
            errors.add(new FieldError("details", kind == AdjustmentKind.PREFERRED_CHANNEL ? "Say the way of contact: EMAIL, POST, PHONE or TEXT"
                    : "Give the details of the adjustment (" + kind.label().toLowerCase(Locale.ROOT) + "): " + kind.hint()));
        }
        if (kind == AdjustmentKind.PREFERRED_CHANNEL && details != null
                && Arrays.stream(ContactMethod.values()).noneMatch(m -> m.name().equalsIgnoreCase(details))) {
            errors.add(new FieldError("details", "Say the way of contact: EMAIL, POST, PHONE or TEXT"));
        }
        LocalDate askedOn = date(request.askedOn(), "askedOn", today, today, errors);
        String agreed = text(request.agreed());
        LocalDate agreedOn = agreed == null ? null : date(request.agreedOn(), "agreedOn", today, today, errors);
        if (askedOn != null && agreedOn != null && agreedOn.isBefore(askedOn)) {
            errors.add(new FieldError("agreedOn", "It cannot be agreed before it was asked for, on " + DAY.format(askedOn)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String stored = kind == AdjustmentKind.PREFERRED_CHANNEL ? details.strip().toUpperCase(Locale.ROOT) : details;
        return insert(organisation, view.reference(), view.complainant(), kind, stored, text(request.contactEmail()),
                text(request.asked()), askedOn, agreed, agreedOn, agreed == null ? null : actor, actor);
    }

    /** Records what the organisation agreed for an adjustment the person asked for. */
    @Transactional
    public PersonAdjustment agree(String organisation, String caseRef, String id, AdjustmentAgreement request, String actor) {
        TextLimits.checkSizes(request);
        PersonAdjustment a = ofCase(organisation, caseRef, id);
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        LocalDate on = date(request.agreedOn(), "agreedOn", today(), today(), errors);
        if (on != null && on.isBefore(a.askedOn())) {
            errors.add(new FieldError("agreedOn", "It cannot be agreed before it was asked for, on " + DAY.format(a.askedOn())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        inForce(a, "agreed");
        jdbc.sql("update casework.person_adjustment set agreed = ?, agreed_on = ?, agreed_by = ? where id = ?")
                .params(text(request.agreed()), on, actor, a.id()).update();
        return ofCase(organisation, caseRef, id);
    }

    /** Ends an adjustment the person no longer needs: it stays on record, and stops changing contact. */
    @Transactional
    public PersonAdjustment end(String organisation, String caseRef, String id, AdjustmentEnding request, String actor) {
        TextLimits.checkSizes(request);
        PersonAdjustment a = ofCase(organisation, caseRef, id);
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        LocalDate on = date(request.endedOn(), "endedOn", today(), today(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        inForce(a, "reason");
        jdbc.sql("update casework.person_adjustment set ended_on = ?, ended_by = ?, end_reason = ? where id = ? and ended_on is null")
                .params(on, actor, text(request.reason()), a.id()).update();
        return ofCase(organisation, caseRef, id);
    }

    /** The adjustments of the person of this case (in force first, newest first), from whichever of their cases they were recorded. */
    @Transactional(readOnly = true)
    public List<PersonAdjustment> forCase(String organisation, String caseRef) {
        CaseView view = casework.get(organisation, caseRef);
        return of(organisation, view.complainant(), view.reference());
    }

    /**
     * The same, as the signed-in member may see them: an adjustment recorded on a case in a service area the member does
     * not work in keeps what it asks (it is the person's, and it changes how they are served) but not that case's
     * reference, so the list names no case the member may not open.
     */
    @Transactional(readOnly = true)
    public List<PersonAdjustment> forMember(String organisation, String caseRef) {
        List<PersonAdjustment> found = forCase(organisation, caseRef);
        CaseScope scope = casework.scope(organisation);
        List<String> references = found.stream().map(PersonAdjustment::recordedOn).filter(java.util.Objects::nonNull).distinct().toList();
        if (!scope.limited() || references.isEmpty()) {
            return found;
        }
        Map<String, String> areas = new java.util.HashMap<>();
        jdbc.sql("select reference, service_area from casework.case_file where organisation = :org and reference in (:references)")
                .param("org", organisation).param("references", references)
                .query((ResultSet rs) -> {
                    areas.put(rs.getString(1), rs.getString(2));
                });
        return found.stream().map(a -> a.recordedOn() == null || scope.mayOpen(areas.get(a.recordedOn())) ? a : a.onAnotherCase()).toList();
    }

    /** The adjustments the matching rule finds for this person, or recorded on this case. */
    @Transactional(readOnly = true)
    public List<PersonAdjustment> of(String organisation, Complainant person, @Nullable String caseReference) {
        ComplainantKeys keys = ComplainantKeys.of(person);
        List<String> matches = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", organisation);
        if (keys.email() != null) {
            matches.add("email_key = :email");
            params.put("email", keys.email());
        }
        if (keys.phone() != null) {
            matches.add("phone_key = :phone");
            params.put("phone", keys.phone());
        }
        if (keys.address() != null) {
            matches.add("(name_key = :name and address_key = :address)");
            params.put("name", keys.name());
            params.put("address", keys.address());
        }
        if (caseReference != null) {
            matches.add("recorded_on = :reference");
            params.put("reference", caseReference);
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        var statement = jdbc.sql(SELECT + " where organisation = :org and (" + String.join(" or ", matches) + ")"
                + " order by ended_on is not null, recorded_at desc, id");
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement.query(PersonAdjustments::row).list();
    }

    /** How the adjustments in force of this case's person change a letter to them (T-1). */
    @Transactional(readOnly = true)
    public LetterContact letterContact(CaseView caseFile) {
        List<PersonAdjustment> inForce = of(caseFile.organisation(), caseFile.complainant(), caseFile.reference()).stream()
                .filter(PersonAdjustment::inForce).toList();
        if (inForce.isEmpty()) {
            return LetterContact.NONE;
        }
        List<String> formats = new ArrayList<>();
        ContactMethod sendBy = null;
        String copyTo = null;
        List<String> instructions = new ArrayList<>();
        for (PersonAdjustment a : inForce) {
            String format = a.kind().letterFormat(a.details());
            if (format != null && !formats.contains(format)) {
                formats.add(format);
            }
            if (sendBy == null && a.contactBy() != null) {
                sendBy = a.contactBy();
            }
            if (copyTo == null && a.contactEmail() != null) {
                copyTo = a.contactEmail();
            }
            instructions.add(a.kind().label() + ": " + a.instruction());
        }
        return new LetterContact(formats, sendBy, copyTo, instructions);
    }

    /**
     * What a person asked for when their contact was logged is recorded as their adjustment, asked for that day (T-1),
     * unless the same words are already on record for them; it then shows on all their cases.
     */
    @EventListener
    void recordWhatWasAskedWhenLogged(CaseChanged change) {
        if (change.events().stream().noneMatch(e -> e.payload() instanceof CaseLogged)) {
            return;
        }
        CaseView c = change.caseFile();
        String asked = c.complainant().reasonableAdjustments();
        if (asked == null || asked.isBlank()) {
            return;
        }
        boolean known = of(c.organisation(), c.complainant(), c.reference()).stream()
                .anyMatch(a -> a.inForce() && a.asked().equalsIgnoreCase(asked.strip()));
        if (known) {
            return;
        }
        AdjustmentKind kind = asked.toLowerCase(Locale.ROOT).contains("large print") ? AdjustmentKind.LARGE_PRINT
                : asked.toLowerCase(Locale.ROOT).contains("easy read") ? AdjustmentKind.EASY_READ : AdjustmentKind.OTHER;
        String actor = change.events().stream().filter(e -> e.payload() instanceof CaseLogged).map(CaseEvent::actor).findFirst().orElse("intake");
        insert(c.organisation(), c.reference(), c.complainant(), kind, kind == AdjustmentKind.OTHER ? asked.strip() : null, null,
                asked.strip(), UkTime.dateOf(c.receivedAt()), null, null, null, actor);
    }

    /**
     * Adjustments are special category data about the person, so they go with the person's records: when a case is
     * anonymised (retention or erasure), those recorded on it are deleted unless another case of the same person is
     * still on file, which they then go on following.
     */
    @EventListener
    void forgetWithThePersonsLastCase(CaseChanged change) {
        if (change.events().stream().noneMatch(e -> e.payload() instanceof CaseFact.Anonymised)) {
            return;
        }
        jdbc.sql("""
                delete from casework.person_adjustment a
                where a.organisation = :org and a.recorded_on = :reference
                  and not exists (select 1 from casework.case_file c
                                  where c.organisation = a.organisation and c.reference <> :reference
                                    and (c.email_key = a.email_key or c.phone_key = a.phone_key
                                         or (c.name_key = a.name_key and c.address_key = a.address_key)))
                """).param("org", change.organisation()).param("reference", change.reference()).update();
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private static final String SELECT = """
            select id, organisation, person_name, email, phone, address, kind, details, contact_email, asked, asked_on, agreed,
                   agreed_on, agreed_by, recorded_by, recorded_at, recorded_on, ended_on, ended_by, end_reason
            from casework.person_adjustment""";

    private PersonAdjustment insert(String organisation, String reference, Complainant person, AdjustmentKind kind,
                                    @Nullable String details, @Nullable String contactEmail, String asked, LocalDate askedOn,
                                    @Nullable String agreed, @Nullable LocalDate agreedOn, @Nullable String agreedBy, String actor) {
        UUID id = UUID.randomUUID();
        ComplainantKeys keys = ComplainantKeys.of(person);
        jdbc.sql("""
                insert into casework.person_adjustment (id, organisation, person_name, email, phone, address, name_key, email_key,
                    phone_key, address_key, kind, details, contact_email, asked, asked_on, agreed, agreed_on, agreed_by, recorded_by,
                    recorded_at, recorded_on)
                values (:id, :org, :name, :email, :phone, :address, :nameKey, :emailKey, :phoneKey, :addressKey, :kind, :details,
                    :contactEmail, :asked, :askedOn, :agreed, :agreedOn, :agreedBy, :actor, :at, :reference)
                """).param("id", id).param("org", organisation).param("name", person.name()).param("email", person.email())
                .param("phone", person.phone()).param("address", person.address()).param("nameKey", keys.name())
                .param("emailKey", keys.email()).param("phoneKey", keys.phone()).param("addressKey", keys.address())
                .param("kind", kind.name()).param("details", details).param("contactEmail", contactEmail).param("asked", asked)
                .param("askedOn", askedOn).param("agreed", agreed).param("agreedOn", agreedOn).param("agreedBy", agreedBy)
                .param("actor", actor).param("at", Timestamp.from(clock.instant())).param("reference", reference).update();
        return jdbc.sql(SELECT + " where id = ?").param(id).query(PersonAdjustments::row).single();
    }

    /** One of the adjustments of this case's person (another person's is not found from this case). */
    private PersonAdjustment ofCase(String organisation, String caseRef, String id) {
        return forCase(organisation, caseRef).stream().filter(a -> a.id().toString().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("adjustment", "the person of case '" + caseRef + "' has no adjustment '" + id + "'"));
    }

    private static void inForce(PersonAdjustment a, String field) {
        if (!a.inForce()) {
            throw new RefusedException("Not allowed: the adjustment ended on " + DAY.format(a.endedOn()) + "; record a new one instead",
                    "T-1", field);
        }
    }

    private static @Nullable AdjustmentKind kind(@Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AdjustmentKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "Choose the kind of adjustment: one of " + Arrays.toString(AdjustmentKind.values())));
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, LocalDate otherwise, LocalDate today,
                                            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate day = RequestDates.parse(value);
            if (day.isAfter(today)) {
                errors.add(new FieldError(field, "The date cannot be in the future"));
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter a real date" + RequestDates.hint(e, ", for example 2026-03-02")));
            return null;
        }
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static PersonAdjustment row(ResultSet rs, int n) throws SQLException {
        return new PersonAdjustment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), AdjustmentKind.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, LocalDate.class), rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14),
                rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getString(17), rs.getObject(18, LocalDate.class),
                rs.getString(19), rs.getString(20));
    }
}
