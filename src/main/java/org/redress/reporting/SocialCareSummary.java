package org.redress.reporting;

import jakarta.validation.constraints.Size;
import org.redress.web.TextLimits;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RequestDates;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The social care summary for CQC (issue 23, F-8): a CQC-registered provider supplies a summary of complaints within 28
 * days of CQC's request (Regulation 16(3) of the Health and Social Care Act 2008 (Regulated Activities) Regulations
 * 2014). The summary is the complaint measures scoped to each service line whose procedure follows the social care
 * rules (its regulators name {@code cqc-regulation-16} or {@code social-care-2009}); CQC's requests are recorded with
 * the period asked about, and each shows its due date, 28 calendar days after the request.
 */
@RestController
class SocialCareSummary {

    static final int DAYS_TO_SUPPLY = 28;
    static final List<String> REGULATORS = List.of("cqc-regulation-16", "social-care-2009");
    static final List<String> MEASURES = List.of("complaints-received", "response-times", "outcomes", "open-complaints", "closed");

    private final Reports reports;
    private final PolicyPacks packs;
    private final ReportExports exports;
    private final JdbcClient jdbc;
    private final Clock clock;

    SocialCareSummary(Reports reports, PolicyPacks packs, ReportExports exports, JdbcClient jdbc, Clock clock) {
        this.reports = reports;
        this.packs = packs;
        this.exports = exports;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The summary of a period: the social care lines' measures, and CQC's requests with their due dates. */
    record Summary(String organisation, LocalDate from, LocalDate to, List<String> serviceLines, List<MeasureResult> measures,
                   List<CqcRequest> requests) {
    }

    /**
     * A request from CQC for the summary: supplied by {@code dueOn}, 28 days after {@code requestedOn} (Regulation 16(3)).
     * {@code sentOn} is the day the summary was sent (null while waiting); {@code status} is {@code WAITING} (not sent,
     * not yet due), {@code OVERDUE} (not sent, past its due date), {@code SENT_IN_TIME} or {@code SENT_LATE}.
     */
    record CqcRequest(long id, LocalDate requestedOn, LocalDate dueOn, LocalDate from, LocalDate to, @Nullable String note,
                      Instant recordedAt, String recordedBy, @Nullable LocalDate sentOn, @Nullable String sentRecordedBy, String status) {
    }

    /** What recording a request takes: the day CQC asked, the period it asked about (default: the 12 months before), a note. */
    record CqcRequestBody(@Size(max = TextLimits.NAME) @Nullable String requestedOn, @Size(max = TextLimits.NAME) @Nullable String from,
                          @Size(max = TextLimits.NAME) @Nullable String to, @Size(max = TextLimits.LINE) @Nullable String note) {
    }

    /** Recording that the summary was sent in answer to a request: the day it was sent (issue 23). */
    record CqcAnswerBody(@Size(max = TextLimits.NAME) @Nullable String sentOn) {
    }

    @GetMapping("/api/v1/organisations/{organisation}/reports/social-care-summary")
    @Operation(summary = "The social care summary for CQC (Regulation 16): home care complaints' measures, and CQC's requests with their 28-day due dates")
    Summary summary(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
                    @RequestParam(required = false) @Nullable String to) {
        ReportScope scope = reports.scope(organisation, from, to, null, null);
        List<String> lines = lines(organisation);
        List<MeasureResult> measures = new ArrayList<>();
        for (String line : lines) {
            measures.addAll(reports.all(reports.scope(organisation, scope.from().toString(), scope.to().toString(), line, null), MEASURES));
        }
        return new Summary(organisation, scope.from(), scope.to(), lines, measures, requests(organisation));
    }

    @GetMapping("/api/v1/organisations/{organisation}/reports/social-care-summary/export.csv")
    @Operation(summary = "The social care summary for CQC as CSV: one line per figure")
    ResponseEntity<byte[]> csv(@PathVariable String organisation, @RequestParam(required = false) @Nullable String from,
                               @RequestParam(required = false) @Nullable String to) {
        Summary summary = summary(organisation, from, to);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + organisation + "-social-care-summary-" + summary.from()
                        + "-to-" + summary.to() + ".csv\"")
                .body(exports.csv(summary.measures()).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/api/v1/organisations/{organisation}/reports/cqc-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record CQC's request for a summary of complaints: due 28 days after the request (Regulation 16(3))")
    @Transactional
    CqcRequest record(@PathVariable String organisation, @RequestBody CqcRequestBody body, Principal principal) {
        return record(organisation, body, principal.getName());
    }

    @PostMapping("/api/v1/organisations/{organisation}/reports/cqc-requests/{id}/answered")
    @Operation(summary = "Record that the summary was sent in answer to CQC's request, on sentOn (recorded again: corrected)")
    @Transactional
    CqcRequest answered(@PathVariable String organisation, @PathVariable String id, @RequestBody CqcAnswerBody body, Principal principal) {
        return answered(organisation, id, body, principal.getName());
    }

    /** Records CQC's request (the API's and the staff page's one way): bad input names the field. */
    @Transactional
    CqcRequest record(String organisation, CqcRequestBody body, String actor) {
        reports.scope(organisation, null, null, null, null);
        List<FieldError> errors = new ArrayList<>();
        LocalDate requestedOn = date("requestedOn", body.requestedOn(), errors);
        if (requestedOn == null && errors.isEmpty()) {
            errors.add(new FieldError("requestedOn", "is required: the day CQC asked for the summary, such as 2027-05-10"));
        }
        if (requestedOn != null && requestedOn.isAfter(org.redress.calendar.UkTime.dateOf(clock.instant()))) {
            errors.add(new FieldError("requestedOn", "cannot be in the future"));
        }
        LocalDate to = date("to", body.to(), errors);
        LocalDate from = date("from", body.from(), errors);
        if (body.note() != null && body.note().length() > 500) {
            errors.add(new FieldError("note", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDate periodTo = to != null ? to : requestedOn.minusDays(1);
        LocalDate periodFrom = from != null ? from : periodTo.minusYears(1).plusDays(1);
        if (periodFrom.isAfter(periodTo)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into reporting.cqc_request (organisation, requested_on, due_on, period_from, period_to, note, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(organisation, requestedOn, requestedOn.plusDays(DAYS_TO_SUPPLY), periodFrom, periodTo,
                body.note() == null || body.note().isBlank() ? null : body.note().strip(), Timestamp.from(now), actor)
                .query(Long.class).single();
        return requests(organisation).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /**
     * Records the day the summary was sent in answer to a request: not before the request, not in the future. Recording it
     * again corrects it. An unknown request is a 404.
     */
    @Transactional
    CqcRequest answered(String organisation, String id, CqcAnswerBody body, String actor) {
        reports.scope(organisation, null, null, null, null);
        CqcRequest request = find(organisation, id);
        List<FieldError> errors = new ArrayList<>();
        LocalDate sentOn = date("sentOn", body.sentOn(), errors);
        if (sentOn == null && errors.isEmpty()) {
            errors.add(new FieldError("sentOn", "is required: the day the summary was sent to CQC, such as 2027-06-20"));
        }
        if (sentOn != null && sentOn.isAfter(org.redress.calendar.UkTime.dateOf(clock.instant()))) {
            errors.add(new FieldError("sentOn", "cannot be in the future"));
        }
        if (sentOn != null && sentOn.isBefore(request.requestedOn())) {
            errors.add(new FieldError("sentOn", "cannot be before CQC asked, on " + request.requestedOn()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("update reporting.cqc_request set sent_on = ?, sent_recorded_at = ?, sent_recorded_by = ? where organisation = ? and id = ?")
                .params(sentOn, Timestamp.from(clock.instant()), actor, organisation, request.id()).update();
        return find(organisation, id);
    }

    private CqcRequest find(String organisation, String id) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("id", "no request from CQC '" + id + "'");
        }
        return requests(organisation).stream().filter(r -> r.id() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("id", "no request from CQC '" + id + "'"));
    }

    /** The service lines of the organisation's active pack whose procedure follows the social care rules. */
    List<String> lines(String organisation) {
        PolicyPack pack = packs.active(organisation).orElse(null);
        if (pack == null) {
            return List.of();
        }
        return pack.serviceLines().stream().filter(l -> pack.procedureFor(l.id())
                .map(p -> p.regulators().stream().anyMatch(REGULATORS::contains)).orElse(false)).map(PolicyPack.ServiceLine::id).toList();
    }

    List<CqcRequest> requests(String organisation) {
        LocalDate today = org.redress.calendar.UkTime.dateOf(clock.instant());
        return jdbc.sql("""
                select id, requested_on, due_on, period_from, period_to, note, recorded_at, recorded_by, sent_on, sent_recorded_by
                from reporting.cqc_request where organisation = ? order by requested_on desc, id desc
                """).param(organisation).query((rs, n) -> {
            LocalDate dueOn = rs.getObject(3, LocalDate.class);
            LocalDate sentOn = rs.getObject(9, LocalDate.class);
            return new CqcRequest(rs.getLong(1), rs.getObject(2, LocalDate.class), dueOn, rs.getObject(4, LocalDate.class),
                    rs.getObject(5, LocalDate.class), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), sentOn,
                    rs.getString(10), status(dueOn, sentOn, today));
        }).list();
    }

    /** Sent by the due date (its whole day counts), sent after it, or not sent: still waiting, or overdue once the due day has passed. */
    static String status(LocalDate dueOn, @Nullable LocalDate sentOn, LocalDate today) {
        if (sentOn != null) {
            return sentOn.isAfter(dueOn) ? "SENT_LATE" : "SENT_IN_TIME";
        }
        return today.isAfter(dueOn) ? "OVERDUE" : "WAITING";
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // the one reader of request dates: a staff page's day, month and year boxes that make no date are told what is missing
            return RequestDates.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, RequestDates.explain(e, "must be a date such as 2027-05-10")));
            return null;
        }
    }
}
