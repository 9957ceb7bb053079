package org.redress.reporting;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.notices.NoticeRequested;
import org.redress.people.Organisations;
import org.redress.web.EmailAddress;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Quarterly reports emailed to named people (F-15, H-11): once each calendar quarter has ended, each schedule's
 * recipients get the quarter's headline figures and a link to the Board report. Each email is asked for with a {@link
 * NoticeRequested} event, which correspondence queues in its outbox in the same transaction as the claim on the quarter,
 * so each schedule gets each quarter once, however many nodes run the daily task and however often it runs.
 */
@Service
class QuarterlyReports {

    private final JdbcClient jdbc;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Organisations organisations;
    private final Clock clock;
    private final String baseUrl;

    QuarterlyReports(JdbcClient jdbc, Reports reports, ApplicationEventPublisher events, Organisations organisations, Clock clock,
                     @Value("${redress.reporting.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.events = events;
        this.organisations = organisations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceFirst("/+$", "");
    }

    record Schedule(UUID id, String organisation, String name, List<String> recipients, Instant createdAt) {
    }

    record NewSchedule(@Size(max = TextLimits.NAME) @Nullable String name, @Nullable List<@Size(max = TextLimits.NAME) String> recipients) {
    }

    @Transactional
    Schedule create(String organisation, NewSchedule request) {
        organisations.require(organisation);
        List<FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required, e.g. Quarterly report to the Board"));
        }
        List<String> recipients = request.recipients() == null ? List.of() : request.recipients().stream().map(String::strip).toList();
        if (recipients.isEmpty()) {
            errors.add(new FieldError("recipients", "name at least one email address"));
        }
        for (String r : recipients) {
            if (!EmailAddress.Check.matches(r)) {
                errors.add(new FieldError("recipients", "'" + r + "' is not an email address"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Schedule schedule = new Schedule(UUID.randomUUID(), organisation, name, recipients, clock.instant());
        jdbc.sql("insert into reporting.schedule (id, organisation, name, recipients, created_at) values (?, ?, ?, ?, ?)")
                .params(schedule.id(), organisation, name, recipients.toArray(String[]::new), Timestamp.from(schedule.createdAt())).update();
        return schedule;
    }

    @Transactional(readOnly = true)
    List<Schedule> list(String organisation) {
        organisations.require(organisation);
        return jdbc.sql("select id, organisation, name, recipients, created_at from reporting.schedule where organisation = ? order by created_at")
                .param(organisation).query((rs, n) -> new Schedule(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getTimestamp(5).toInstant())).list();
    }

    @Transactional
    void delete(String organisation, UUID id) {
        if (jdbc.sql("delete from reporting.schedule where organisation = ? and id = ?").params(organisation, id).update() == 0) {
            throw new NotFoundException("id", "organisation '" + organisation + "' has no report schedule " + id);
        }
    }

    /** The last calendar quarter that has ended by {@code today}: its first and last days. */
    static LocalDate[] lastCompleteQuarter(LocalDate today) {
        LocalDate thisQuarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        return new LocalDate[] {thisQuarter.minusMonths(3), thisQuarter.minusDays(1)};
    }

    /**
     * Sends the last complete quarter's report to every schedule that existed before the quarter ended and has not had
     * it yet; returns how many schedules were sent to.
     */
    @Transactional
    int sendDue() {
        LocalDate[] quarter = lastCompleteQuarter(UkTime.dateOf(clock.instant()));
        Instant quarterEnd = quarter[1].plusDays(1).atStartOfDay(UkTime.ZONE).toInstant();
        int sent = 0;
        List<Schedule> due = jdbc.sql("""
                select s.id, s.organisation, s.name, s.recipients, s.created_at from reporting.schedule s
                where s.created_at < ? and not exists (select 1 from reporting.schedule_sent x where x.schedule_id = s.id and x.period_start = ?)
                order by s.created_at
                """).params(Timestamp.from(quarterEnd), quarter[0])
                .query((rs, n) -> new Schedule(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getTimestamp(5).toInstant())).list();
        for (Schedule schedule : due) {
            int claimed = jdbc.sql("insert into reporting.schedule_sent (schedule_id, period_start, sent_at) values (?, ?, ?) on conflict do nothing")
                    .params(schedule.id(), quarter[0], Timestamp.from(clock.instant())).update();
            if (claimed == 0) {
                continue;  // another node sent it
            }
            send(schedule, reports.scope(schedule.organisation(), quarter[0].toString(), quarter[1].toString(), null, null));
            sent++;
        }
        return sent;
    }

    private void send(Schedule schedule, ReportScope scope) {
        List<MeasureResult> figures = reports.all(scope, List.of("complaints-received", "response-times", "open-complaints", "satisfaction"));
        String query = Reports.query(scope, Map.of());
        String name = organisations.require(schedule.organisation()).name();
        List<String> lines = new ArrayList<>();
        lines.add("Complaints received: " + figures.get(0).rows().get(0).cells().get(0).text());
        MeasureResult.Row stage1 = figures.get(1).row("Stage 1");
        lines.add("Stage 1 responses in time: " + (stage1 == null || stage1.cells().get(1).value() == null ? "none sent"
                : stage1.cells().get(1).text()));
        long overdue = figures.get(2).rows().stream().mapToLong(r -> r.cells().get(2).count()).sum();
        lines.add("Open and overdue at the end of the quarter: " + overdue);
        lines.add("Satisfied with complaint handling: " + figures.get(3).rows().get(0).cells().get(0).text());
        lines.add("The Board report (PDF): " + baseUrl + "/api/v1/organisations/" + schedule.organisation() + "/reports/board-report.pdf?" + query);
        lines.add("Every figure, with how it is worked out: " + baseUrl + "/staff/" + schedule.organisation() + "/reports?" + query);
        String subject = schedule.name() + ": " + name + ", " + scope.from() + " to " + scope.to();
        for (String recipient : schedule.recipients()) {
            events.publishEvent(new NoticeRequested(schedule.organisation(), recipient, subject, recipient, lines));
        }
    }
}
