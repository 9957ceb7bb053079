package org.redress.deadlines;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.casework.Casework;
import org.redress.casework.OpenClock;
import org.redress.correspondence.StaffNotices;
import org.redress.hazards.Hazards;
import org.redress.notices.NoticeRequested;
import org.redress.people.Organisations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One pass over the running clocks: a "due soon" reminder to the owner once per clock and due date, and a
 * "missed" notice to the complaints managers (copied to the owner) once when it becomes overdue.
 */
@Component
public class DeadlineSweep {

    /** How far ahead the sweep looks; each clock decides itself when it is "due soon". */
    static final Duration HORIZON = Duration.ofDays(3);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final Casework casework;
    private final Hazards hazards;
    private final StaffNotices notices;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineSweep(Casework casework, Hazards hazards, StaffNotices notices, Organisations organisations, JdbcClient jdbc,
                  TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.casework = casework;
        this.hazards = hazards;
        this.notices = notices;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What one pass sent, and how many clocks it found already missed when their case was imported from a register
     * (issue 20): those are recorded as missed, not sent, so importing history raises no burst of "Missed" notices.
     */
    public record Result(int dueSoon, int overdue, int missedBeforeImport) {
    }

    /** The recipient recorded for a clock missed before its case was imported: nobody is told. */
    static final String NOT_SENT = "not sent: missed before the case was imported";

    public Result run() {
        Instant now = clock.instant();
        Instant until = now.plus(HORIZON);
        int dueSoon = 0;
        int overdue = 0;
        int historic = 0;
        int read = 0;
        long started = System.nanoTime();
        // one page of cases at a time (the hazards' clocks with the last), so memory does not grow with the running clocks
        OpenClock.Cursor after = null;
        do {
            OpenClock.Page page = casework.openClocksDueBefore(until, after, CASES_PER_PAGE);
            after = page.next();
            List<OpenClock> clocks = after != null ? page.clocks() : withHazards(page.clocks(), until);
            read += clocks.size();
            Set<String> sent = alreadySent(clocks);
            for (OpenClock c : clocks) {
                if (c.missedBeforeImport()) {
                    if (!sent.contains(key(c, "OVERDUE")) && Boolean.TRUE.equals(transactions.execute(s -> record(c, "OVERDUE", NOT_SENT, now)))) {
                        historic++;
                    }
                } else if (c.status() == ClockStatus.DUE_SOON && !sent.contains(key(c, "DUE_SOON"))
                        && Boolean.TRUE.equals(transactions.execute(s -> remindOwner(c, now)))) {
                    dueSoon++;
                } else if (c.status() == ClockStatus.OVERDUE && !sent.contains(key(c, "OVERDUE"))
                        && Boolean.TRUE.equals(transactions.execute(s -> reportMissed(c, now)))) {
                    overdue++;
                }
            }
        } while (after != null);
        LOG.info("Deadline sweep: {} running clocks due before {} read; {} due-soon reminders and {} missed notices sent; {} ms",
                read, until, dueSoon, overdue, (System.nanoTime() - started) / 1_000_000);
        recordRun(now, read, dueSoon + overdue);
        return new Result(dueSoon, overdue, historic);
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeadlineSweep.class);

    /** The pass's end, for the metrics of every node (issue 24): when the sweep last ran and how far behind it is. */
    private void recordRun(Instant started, int read, int sent) {
        jdbc.sql("""
                insert into deadlines.sweep_run (id, started_at, finished_at, clocks_read, sent) values (1, ?, ?, ?, ?)
                on conflict (id) do update set started_at = excluded.started_at, finished_at = excluded.finished_at,
                    clocks_read = excluded.clocks_read, sent = excluded.sent
                """).params(ts(started), ts(clock.instant()), read, sent).update();
    }

    /** How many cases' clocks are read, and their reminders looked up, at once. */
    private static final int CASES_PER_PAGE = 500;

    /**
     * The reminders already recorded for these clocks' cases, read in one query: an overdue clock stays overdue for
     * every later sweep, and trying to record its reminder again (a transaction each) made each sweep of a large
     * organisation cost a transaction per overdue clock. Recording still refuses a repeat, for two nodes at once.
     */
    private Set<String> alreadySent(List<OpenClock> chunk) {
        if (chunk.isEmpty()) {
            return Set.of();
        }
        String[] organisations = chunk.stream().map(OpenClock::organisation).toArray(String[]::new);
        UUID[] cases = chunk.stream().map(c -> UUID.fromString(c.caseId())).toArray(UUID[]::new);
        return new HashSet<>(jdbc.sql("""
                select r.organisation, r.case_id, r.clock, r.stage, r.due_by, r.kind from deadlines.reminder r
                where (r.organisation, r.case_id) in (select distinct o, c from unnest(cast(? as text[]), cast(? as uuid[])) as t(o, c))
                """).params(organisations, cases)
                .query((rs, n) -> key(rs.getString(1), rs.getObject(2, UUID.class).toString(), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
                .list());
    }

    private static String key(OpenClock c, String kind) {
        return key(c.organisation(), c.caseId(), c.clock(), c.stage(), c.dueBy(), kind);
    }

    /** Due times compared to the second: the database keeps microseconds, a computed clock may carry nanoseconds. */
    private static String key(String organisation, String caseId, String clock, int stage, Instant dueBy, String kind) {
        return organisation + "|" + caseId + "|" + clock + "|" + stage + "|" + dueBy.getEpochSecond() + "|" + kind;
    }

    /** The Awaab's Law hazard clocks (R-3) that run alongside the cases' clocks, added to a page of them. */
    private List<OpenClock> withHazards(List<OpenClock> clocks, Instant until) {
        List<OpenClock> all = new ArrayList<>(clocks);
        all.addAll(hazards.openClocksDueBefore(until));
        return all;
    }

    /** Every running clock of cases and hazards due before {@code until}, for the digest. */
    private List<OpenClock> openClocksDueBefore(Instant until) {
        List<OpenClock> clocks = new ArrayList<>();
        OpenClock.Cursor after = null;
        do {
            OpenClock.Page page = casework.openClocksDueBefore(until, after, CASES_PER_PAGE);
            clocks.addAll(page.clocks());
            after = page.next();
        } while (after != null);
        return withHazards(clocks, until);
    }

    private boolean remindOwner(OpenClock c, Instant now) {
        String managers = managers(c.organisation());
        String recipient = isEmail(c.owner()) ? c.owner() : managers;
        if (!record(c, "DUE_SOON", recipient, now)) {
            return false;
        }
        notices.queue(c.organisation(), c.caseId(), c.reference(), recipient, null,
                "Due soon: " + c.name() + " for " + c.reference() + " by " + DAY.format(c.dueDate()),
                c.owner() == null ? "complaints team" : c.owner(),
                List.of("%s for case %s is due by %s.".formatted(c.name(), c.reference(), when(c)),
                        "Why this date: " + c.explanation(),
                        c.owner() == null ? "Nobody owns this stage yet: please assign it." : "You own this stage."));
        return true;
    }

    private boolean reportMissed(OpenClock c, Instant now) {
        String managers = managers(c.organisation());
        if (!record(c, "OVERDUE", managers, now)) {
            return false;
        }
        notices.queue(c.organisation(), c.caseId(), c.reference(), managers, isEmail(c.owner()) ? c.owner() : null,
                "Missed: " + c.name() + " for " + c.reference() + " was due by " + DAY.format(c.dueDate()),
                "complaints team",
                List.of("%s for case %s was due by %s and has not been done.".formatted(c.name(), c.reference(), when(c)),
                        "Owner: " + (c.owner() == null ? "nobody assigned" : c.owner()),
                        "Why that date: " + c.explanation()));
        return true;
    }

    /** Records the reminder; false if this reminder was already recorded (by this node or another). */
    private boolean record(OpenClock c, String kind, String recipient, Instant now) {
        return jdbc.sql("""
                insert into deadlines.reminder (organisation, case_id, clock, stage, due_by, kind, sent_at, recipient)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(c.organisation(), UUID.fromString(c.caseId()), c.clock(), c.stage(), ts(c.dueBy()), kind, ts(now), recipient)
                .update() == 1;
    }

    /**
     * Once a day per person: every open clock they own (or, for the complaints managers, every unowned one) that is
     * overdue or due in the next few days.
     */
    public int sendDigests() {
        Instant now = clock.instant();
        LocalDate today = UkTime.dateOf(now);
        Map<String, List<OpenClock>> byRecipient = new LinkedHashMap<>();
        Map<String, String> organisationOf = new LinkedHashMap<>();
        for (OpenClock c : openClocksDueBefore(now.plus(Duration.ofDays(5)))) {
            if (c.missedBeforeImport()) {
                continue; // history recorded on its case when it was imported (issue 20): no reminder, in the digest either
            }
            String recipient = isEmail(c.owner()) ? c.owner() : managers(c.organisation());
            byRecipient.computeIfAbsent(c.organisation() + "|" + recipient, k -> new ArrayList<>()).add(c);
            organisationOf.put(c.organisation() + "|" + recipient, c.organisation());
        }
        int sent = 0;
        for (var entry : byRecipient.entrySet()) {
            String organisation = organisationOf.get(entry.getKey());
            String recipient = entry.getKey().substring(organisation.length() + 1);
            Boolean queued = transactions.execute(s -> {
                int inserted = jdbc.sql("insert into deadlines.digest (organisation, recipient, day, sent_at) values (?, ?, ?, ?) on conflict do nothing")
                        .params(organisation, recipient, today, ts(now)).update();
                if (inserted == 0) {
                    return false;
                }
                List<String> lines = entry.getValue().stream().map(c -> "%s: %s, %s by %s".formatted(c.reference(), c.name(),
                        c.status() == ClockStatus.OVERDUE ? "OVERDUE, was due" : "due", when(c))).toList();
                // queued in this transaction with the digest's record, so it goes out once
                events.publishEvent(new NoticeRequested(organisation, recipient,
                        "Your complaints deadlines for " + DAY.format(today) + " (" + lines.size() + ")", recipient, lines));
                return true;
            });
            if (Boolean.TRUE.equals(queued)) {
                sent++;
            }
        }
        return sent;
    }

    private String managers(String organisation) {
        return organisations.complaintsEmail(organisation).orElse("complaints@" + organisation + ".invalid");
    }

    private static String when(OpenClock c) {
        return c.dueBy().equals(UkTime.endOf(c.dueDate())) ? "the end of " + DAY.format(c.dueDate())
                : DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy", Locale.UK).format(c.dueBy().atZone(UkTime.ZONE));
    }

    private static boolean isEmail(@Nullable String owner) {
        return owner != null && owner.contains("@");
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
