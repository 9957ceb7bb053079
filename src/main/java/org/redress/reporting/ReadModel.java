package org.redress.reporting;

import org.redress.calendar.Calendars;
import org.redress.casework.CaseChanged;
import org.redress.casework.CaseQuery;
import org.redress.casework.CaseSummary;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the reporting read model: every case change rewrites that case's rows in the same transaction, so the
 * figures are never behind the cases. {@link #rebuild} fills it for cases logged before the module existed,
 * reading them through the casework facade.
 */
@Component
public class ReadModel {

    private final JdbcClient jdbc;
    private final PolicyPacks packs;
    private final Calendars calendars;
    private final Casework casework;
    private final Clock clock;
    private final Map<String, PolicyPack> packVersions = new ConcurrentHashMap<>();

    ReadModel(JdbcClient jdbc, PolicyPacks packs, Calendars calendars, Casework casework, Clock clock) {
        this.jdbc = jdbc;
        this.packs = packs;
        this.calendars = calendars;
        this.casework = casework;
        this.clock = clock;
    }

    /** In the change's transaction on purpose: a row it cannot write rolls the change back, so figures never lag the cases. */
    @EventListener
    void rewriteRowsWithTheChange(CaseChanged change) {
        // a case whose whole history is this change was just created: it has no rows to replace
        write(change.caseFile(), change.caseFile().history().size() > change.events().size());
    }

    /** Reads every case of the organisation through casework and rewrites its rows; returns how many cases. */
    @Transactional
    public int rebuild(String organisation) {
        int count = 0;
        String cursor = null;
        do {
            CaseSummary.Page page = casework.list(casework.scope(organisation),
                    new CaseQuery(null, null, null, null, null, null, null, null, "received", 200, cursor));
            for (CaseSummary summary : page.items()) {
                write(casework.get(organisation, summary.id()));
                count++;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return count;
    }

    void write(CaseView c) {
        write(c, true);
    }

    private void write(CaseView c, boolean replacing) {
        PolicyPack pack = packVersions.computeIfAbsent(c.pack().id() + "@" + c.pack().version(),
                k -> packs.version(c.pack().id(), c.pack().version()));
        List<StageRow> rows = StageProjection.rows(c, pack,
                calendars.forOrganisation(c.organisation(), pack.organisation().jurisdiction()));
        if (replacing) {
            jdbc.sql("delete from reporting.case_stage where organisation = ? and case_id = ?")
                    .params(c.organisation(), java.util.UUID.fromString(c.id())).update();
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (StageRow r : rows) {
            jdbc.sql("""
                    insert into reporting.case_stage (organisation, case_id, reference, stage, record_type, staged, service_line,
                        service_area, subject, sub_subject, case_received_at, received_at, acknowledged_at, ack_working_days,
                        responded_at, respond_due_by, respond_original_due_by, respond_working_days, code_working_days, extended,
                        extension_agreed, outcome, escalated, escalation_refused, case_status, closed_at, satisfied_handling,
                        satisfied_outcome, updated_at, received_month, ended_at, tenure, category)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(r.organisation(), r.caseId(), r.reference(), r.stage(), r.recordType(), r.staged(), r.serviceLine(),
                            r.serviceArea(), r.subject(), r.subSubject(), ts(r.caseReceivedAt()), ts(r.receivedAt()),
                            ts(r.acknowledgedAt()), r.ackWorkingDays(), ts(r.respondedAt()), ts(r.respondDueBy()),
                            ts(r.respondOriginalDueBy()), r.respondWorkingDays(), r.codeWorkingDays(), r.extended(),
                            r.extensionAgreed(), r.outcome(), r.escalated(), r.escalationRefused(), r.caseStatus(), ts(r.closedAt()),
                            r.satisfiedHandling(), r.satisfiedOutcome(), now, r.receivedMonth(), ts(r.endedAt()), r.tenure(), r.category())
                    .update();
        }
    }

    private static @org.jspecify.annotations.Nullable Timestamp ts(@org.jspecify.annotations.Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
