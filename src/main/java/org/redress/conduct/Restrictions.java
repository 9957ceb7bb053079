package org.redress.conduct;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.AdmissionCheck;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.Casework.AdmissionWarning;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.Refusal;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Restrictions on contact (F-10, H-5, T-4): record, review, end, and find those that apply to a person. Finding a
 * restriction only ever warns: logging a new complaint from a restricted person is never refused.
 */
@Service
public class Restrictions implements AdmissionCheck {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Clock clock;

    Restrictions(JdbcClient jdbc, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A decision to restrict contact, as entered; dates as ISO text so an unreadable one is named. */
    public record NewRestriction(@NotBlank(message = "Enter the person's name") @Size(max = TextLimits.NAME) @Nullable String personName,
                                 @Size(max = TextLimits.NAME) @Nullable String email,
                                 @Size(max = TextLimits.NAME) @Nullable String phone, @Size(max = TextLimits.LINE) @Nullable String address,
                                 @NotBlank(message = "Choose what the restriction limits") @Size(max = TextLimits.NAME) @Nullable String kind,
                                 @Size(max = TextLimits.TEXT) @Nullable String details,
                                 @NotBlank(message = "Enter the reason for the restriction") @Size(max = TextLimits.TEXT) @Nullable String reason,
                                 @NotBlank(message = "Enter who decided (F-10: the chief executive or their delegate)") @Size(max = TextLimits.NAME)
                                 @Nullable String decidedBy,
                                 @Size(max = TextLimits.NAME) @Nullable String decidedOn,
                                 @NotBlank(message = "Enter the review date") @Size(max = TextLimits.NAME) @Nullable String reviewOn) {
    }

    /** @param endedOn the day it ends, today when left out */
    public record Ending(@NotBlank(message = "Enter why the restriction ends") @Size(max = TextLimits.TEXT) @Nullable String reason,
                         @Size(max = TextLimits.NAME) @Nullable String endedOn) {
    }

    /** @param reviewedOn the day of the review, today when left out */
    public record ReviewRequest(@NotBlank(message = "Enter what the review decided") @Size(max = TextLimits.TEXT) @Nullable String outcome,
                                @Size(max = TextLimits.NAME) @Nullable String reviewedOn,
                                @NotBlank(message = "Enter the review date") @Size(max = TextLimits.NAME) @Nullable String nextReviewOn) {
    }

    LocalDate today() {
        return UkTime.dateOf(clock.instant());
    }

    @Transactional
    public Restriction record(String organisation, NewRestriction request, String actor) {
        TextLimits.checkSizes(request);
        organisations.require(organisation);
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request)); // its declared shape, then what depends on it
        String name = Rules.text(request.personName());
        Person person = new Person(name == null ? "" : name, blank(request.email()), blank(request.phone()), blank(request.address()));
        if (name != null && !person.identifiable()) {
            errors.add(new FieldError("email", "Enter an email address, a phone number or an address, so the restriction can be matched to the person's cases"));
        }
        RestrictionKind kind = null;
        if (request.kind() != null && !request.kind().isBlank()) {
            try {
                kind = RestrictionKind.valueOf(request.kind().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "Choose what the restriction limits: one of " + java.util.Arrays.toString(RestrictionKind.values())));
            }
        }
        String details = Rules.text(request.details());
        if (kind == RestrictionKind.OTHER && details == null) {
            errors.add(new FieldError("details", "Say what the restriction is"));
        }
        String reason = Rules.text(request.reason());
        String decidedBy = Rules.text(request.decidedBy());
        LocalDate decidedOn = dayNotFuture(request.decidedOn(), "decidedOn", today, errors);
        LocalDate reviewOn = Rules.date(request.reviewOn(), "reviewOn", null, errors);
        Rules.reviewDate(reviewOn, decidedOn, "reviewOn", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into conduct.restriction (id, organisation, person_name, email, phone, address, email_key, phone_key,
                    name_key, address_key, kind, details, reason, decided_by, decided_on, review_on, recorded_by, recorded_at)
                values (:id, :org, :name, :email, :phone, :address, :emailKey, :phoneKey, :nameKey, :addressKey, :kind, :details,
                    :reason, :decidedBy, :decidedOn, :reviewOn, :actor, :at)
                """).param("id", id).param("org", organisation).param("name", person.name()).param("email", person.email())
                .param("phone", person.phone()).param("address", person.address()).param("emailKey", person.emailKey())
                .param("phoneKey", person.phoneKey()).param("nameKey", person.nameKey()).param("addressKey", person.addressKey())
                .param("kind", kind.name()).param("details", details).param("reason", reason).param("decidedBy", decidedBy)
                .param("decidedOn", decidedOn).param("reviewOn", reviewOn).param("actor", actor)
                .param("at", Timestamp.from(clock.instant())).update();
        return get(organisation, id.toString());
    }

    @Transactional
    public Restriction end(String organisation, String id, Ending request, String actor) {
        TextLimits.checkSizes(request);
        Restriction r = get(organisation, id);
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        String reason = Rules.text(request.reason());
        LocalDate endedOn = dayNotFuture(request.endedOn(), "endedOn", today, errors);
        if (endedOn != null && endedOn.isBefore(r.decidedOn())) {
            errors.add(new FieldError("endedOn", "The restriction cannot end before it was decided, on " + Rules.DAY.format(r.decidedOn())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        updateWhileInForce(organisation, r, "reason", () -> jdbc.sql("""
                update conduct.restriction set ended_on = ?, ended_by = ?, end_reason = ?, version = version + 1
                where id = ? and ended_on is null
                """).params(endedOn, actor, reason, r.id()).update());
        return get(organisation, id);
    }

    @Transactional
    public Restriction review(String organisation, String id, ReviewRequest request, String actor) {
        TextLimits.checkSizes(request);
        Restriction r = get(organisation, id);
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(request));
        String outcome = Rules.text(request.outcome());
        LocalDate reviewedOn = dayNotFuture(request.reviewedOn(), "reviewedOn", today, errors);
        LocalDate next = Rules.date(request.nextReviewOn(), "nextReviewOn", null, errors);
        Rules.reviewDate(next, reviewedOn, "nextReviewOn", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // the row lock keeps two reviews recorded at once from taking the same sequence number
        updateWhileInForce(organisation, r, "outcome", () -> jdbc.sql(
                "update conduct.restriction set review_on = ?, version = version + 1 where id = ? and ended_on is null")
                .params(next, r.id()).update());
        jdbc.sql("""
                insert into conduct.review (restriction_id, sequence, reviewed_on, reviewed_by, outcome, next_review_on, recorded_at)
                values (?, (select coalesce(max(sequence), 0) + 1 from conduct.review where restriction_id = ?), ?, ?, ?, ?, ?)
                """).params(r.id(), r.id(), reviewedOn, actor, outcome, next, Timestamp.from(clock.instant())).update();
        return get(organisation, id);
    }

    @Transactional(readOnly = true)
    public Restriction get(String organisation, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(organisation, id);
        }
        return select("where organisation = :org and id = :id", Map.of("org", organisation, "id", uuid)).stream().findFirst()
                .orElseThrow(() -> notFound(organisation, id));
    }

    /** The organisation's restrictions: in force first (soonest review first), then ended ones, newest first. */
    @Transactional(readOnly = true)
    public List<Restriction> list(String organisation) {
        organisations.require(organisation);
        return select("where organisation = :org", Map.of("org", organisation));
    }

    /** The restrictions in force that the matching rule ({@link Person}) finds for this person. */
    @Transactional(readOnly = true)
    public List<Restriction> applyingTo(String organisation, String name, @Nullable String email, @Nullable String phone,
                                        @Nullable String address) {
        Person person = new Person(name, email, phone, address);
        List<String> matches = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", organisation);
        if (person.emailKey() != null) {
            matches.add("email_key = :email");
            params.put("email", person.emailKey());
        }
        if (person.phoneKey() != null) {
            matches.add("phone_key = :phone");
            params.put("phone", person.phoneKey());
        }
        if (person.addressKey() != null && !person.nameKey().isEmpty()) {
            matches.add("(name_key = :name and address_key = :address)");
            params.put("name", person.nameKey());
            params.put("address", person.addressKey());
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        return select("where organisation = :org and ended_on is null and (" + String.join(" or ", matches) + ")", params);
    }

    /** F-10, H-5: a restriction shows when a contact from the person is checked or logged; it never refuses it. */
    @Override
    public List<AdmissionWarning> warnings(String organisation, Complainant complainant) {
        return applyingTo(organisation, complainant.name(), complainant.email(), complainant.phone(), complainant.address()).stream()
                .map(r -> new AdmissionWarning("RESTRICTION", "%s%s. Log this contact as usual: a restriction never stops a new complaint being recorded"
                        .formatted(r.summary(), r.details() == null ? "" : " - " + r.details()), "F-10; H-5", List.of()))
                .toList();
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private List<Restriction> select(String where, Map<String, ?> params) {
        record Row(UUID id, String organisation, String name, @Nullable String email, @Nullable String phone, @Nullable String address,
                   RestrictionKind kind, @Nullable String details, String reason, String decidedBy, LocalDate decidedOn,
                   LocalDate reviewOn, String recordedBy, Instant recordedAt, @Nullable LocalDate endedOn, @Nullable String endedBy,
                   @Nullable String endReason) {
        }
        var statement = jdbc.sql("""
                select id, organisation, person_name, email, phone, address, kind, details, reason, decided_by, decided_on,
                       review_on, recorded_by, recorded_at, ended_on, ended_by, end_reason
                from conduct.restriction %s
                order by ended_on is not null, case when ended_on is null then review_on end, ended_on desc, recorded_at desc
                """.formatted(where));
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<Row> rows = statement.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), RestrictionKind.valueOf(rs.getString(7)), rs.getString(8),
                rs.getString(9), rs.getString(10), date(rs, 11), date(rs, 12), rs.getString(13),
                rs.getTimestamp(14).toInstant(), date(rs, 15), rs.getString(16), rs.getString(17))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Restriction.Review>> reviews = new LinkedHashMap<>();
        jdbc.sql("""
                select restriction_id, reviewed_on, reviewed_by, outcome, next_review_on from conduct.review
                where restriction_id = any(?) order by restriction_id, sequence
                """).param(rows.stream().map(Row::id).toArray(UUID[]::new))
                .query(rs -> {
                    reviews.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(
                            new Restriction.Review(date(rs, 2), rs.getString(3), rs.getString(4), date(rs, 5)));
                });
        LocalDate today = today();
        return rows.stream().map(r -> new Restriction(r.id(), r.organisation(), r.name(), r.email(), r.phone(), r.address(), r.kind(),
                r.details(), r.reason(), r.decidedBy(), r.decidedOn(), r.reviewOn(), r.recordedBy(), r.recordedAt(), r.endedOn(),
                r.endedBy(), r.endReason(), reviews.getOrDefault(r.id(), List.of()),
                Restriction.ReviewStatus.of(r.reviewOn(), r.endedOn(), today))).toList();
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A day given as text, today when left empty, and not in the future. */
    private static @Nullable LocalDate dayNotFuture(@Nullable String value, String field, LocalDate today, List<FieldError> errors) {
        LocalDate day = Rules.date(value, field, today, errors);
        Rules.notFuture(day, today, field, errors);
        return day;
    }

    /**
     * Runs an update that only touches a restriction still in force: refused before when it has ended, and refused after
     * when it ended in between (the update changed no row).
     */
    private void updateWhileInForce(String organisation, Restriction r, String field, IntSupplier update) {
        refuseIf(Rules.mayChange(r.endedOn(), field));
        if (update.getAsInt() == 0) {
            refuseIf(Rules.mayChange(get(organisation, r.id().toString()).endedOn(), field));
        }
    }

    private static void refuseIf(Optional<Refusal> refusal) {
        if (refusal.isPresent()) {
            throw new RefusedException("Not allowed: " + refusal.get().message(), refusal.get().cite(), refusal.get().field());
        }
    }

    private static NotFoundException notFound(String organisation, String id) {
        return new NotFoundException("restriction", "organisation '" + organisation + "' has no restriction '" + id + "'");
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
