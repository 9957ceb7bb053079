package org.redress.reporting;

import org.redress.casework.CaseChanged;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseView;
import org.redress.casework.CaseTypes.DeclineGround;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The complaints refused, by reason, for the annual complaints performance and service improvement report (Code 8,
 * issue 23): a complaint not accepted (declined on a ground) and an escalation refused, kept from the case's own events
 * in the change's transaction, as the read model is. A refusal stays counted in its year even if the case is reopened.
 * The read model's rebuild puts back, from the cases' events, any refusal the ledger lacks ({@link #refill}), so
 * refusals made before the ledger existed count too.
 */
@Component
class RefusalLedger {

    static final String NOT_ACCEPTED = "complaint-not-accepted";
    static final String ESCALATION_REFUSED = "escalation-refused";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    RefusalLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** One reason and how many complaints were refused for it, with the cases. */
    record Reason(String kind, String reason, int count, List<String> references) {
    }

    @EventListener
    void keepRefusals(CaseChanged change) {
        for (CaseEvent event : change.events()) {
            // the stage the case is at after the change is the stage it was refused at: neither verb moves the stage
            refusal(event, change.caseFile().stage()).ifPresent(r -> jdbc.sql("""
                    insert into reporting.refusal (organisation, case_id, reference, kind, stage, reason, service_area, refused_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(change.organisation(), UUID.fromString(change.caseId()), change.reference(), r.kind(), r.stage(),
                            r.reason(), change.caseFile().classification().serviceArea(), Timestamp.from(event.at()))
                    .update());
        }
    }

    /** What a refusal event puts in the ledger: its kind, the stage it was refused at, and the reason in words. */
    record Refused(String kind, int stage, String reason) {
    }

    /** The ledger's row for an event, if it is a refusal (a complaint not accepted, an escalation refused). */
    static Optional<Refused> refusal(CaseEvent event, int stageAtTheTime) {
        if (!event.type().equals("declined") && !event.type().equals("escalation-refused")) {
            return Optional.empty();
        }
        CaseFact fact = event.payload();
        if (fact instanceof CaseFact.Declined d) {
            return Optional.of(new Refused(NOT_ACCEPTED, stageAtTheTime,
                    words(d.ground()) + (d.exclusion() == null || d.exclusion().isBlank() ? "" : ": " + d.exclusion())));
        }
        if (fact instanceof CaseFact.EscalationRefused r) {
            return Optional.of(new Refused(ESCALATION_REFUSED, r.stage(), r.ground()));
        }
        return Optional.empty();
    }

    /**
     * Puts back the refusals of a batch of cases from their own events (the read model's rebuild, issue 23), so a
     * refusal made before the ledger existed, or lost from it, counts in its year: each refusal event of each case that
     * the ledger does not already hold (the same case, kind and moment) is added, with the stage the case was at then
     * and the case's service area. Rows already there are kept as they are, so a rebuild never counts a refusal twice
     * and never drops one. Returns how many it added.
     */
    int refill(String organisation, List<CaseView> batch) {
        List<Object[]> rows = new ArrayList<>();
        for (CaseView c : batch) {
            int stage = c.stages().isEmpty() ? c.stage() : c.stages().get(0).number();
            for (CaseEvent event : c.history()) {
                CaseFact fact = event.type().equals("escalation-requested") ? event.payload() : null;
                if (fact instanceof CaseFact.EscalationRequested requested) {
                    stage = requested.toStage();
                    continue;
                }
                Optional<Refused> r = refusal(event, stage);
                if (r.isPresent()) {
                    UUID id = UUID.fromString(c.id());
                    Timestamp at = Timestamp.from(event.at());
                    rows.add(new Object[]{organisation, id, c.reference(), r.get().kind(), r.get().stage(), r.get().reason(),
                            c.classification().serviceArea(), at, organisation, id, r.get().kind(), at});
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int[] added = jdbcTemplate.batchUpdate("""
                insert into reporting.refusal (organisation, case_id, reference, kind, stage, reason, service_area, refused_at)
                select ?, cast(? as uuid), ?, ?, cast(? as int), ?, ?, cast(? as timestamptz)
                where not exists (select 1 from reporting.refusal where organisation = ? and case_id = cast(? as uuid)
                                  and kind = ? and refused_at = cast(? as timestamptz))
                on conflict do nothing""", rows);
        return java.util.Arrays.stream(added).map(n -> Math.max(n, 0)).sum();
    }

    /** The refusals in a scope's period, by kind and reason (complaints not accepted first), largest first. */
    List<Reason> inPeriod(ReportScope scope) {
        Map<List<String>, List<String>> byReason = new LinkedHashMap<>();
        jdbc.sql("""
                select kind, reason, reference from reporting.refusal
                where organisation = ? and refused_at >= ? and refused_at < ?
                  and (cast(? as text[]) is null or service_area = any(cast(? as text[])))
                  and (cast(? as text) is null or service_area = cast(? as text))
                order by kind, reason, reference""")
                .params(scope.organisation(), Timestamp.from(scope.start()), Timestamp.from(scope.end()), areas(scope), areas(scope),
                        scope.serviceArea(), scope.serviceArea())
                .query((rs, n) -> byReason.computeIfAbsent(List.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                        .add(rs.getString(3)))
                .list();
        List<Reason> reasons = new ArrayList<>();
        byReason.forEach((k, refs) -> reasons.add(new Reason(k.get(0), k.get(1), refs.size(), refs.stream().distinct().toList())));
        reasons.sort((a, b) -> a.kind().equals(b.kind()) ? Integer.compare(b.count(), a.count()) : a.kind().equals(NOT_ACCEPTED) ? -1 : 1);
        return reasons;
    }

    private static String[] areas(ReportScope scope) {
        return scope.limitedTo() == null ? null : scope.limitedTo().toArray(String[]::new);
    }

    static String words(DeclineGround ground) {
        return switch (ground) {
            case TIME_LIMIT -> "Raised more than the time limit after the issue arose";
            case REPEAT -> "Already considered under the complaints procedure";
            case VEXATIOUS -> "Unreasonably persistent or vexatious";
            case LEGAL_PROCEEDINGS -> "Legal proceedings have started";
            case OUT_OF_SCOPE -> "Outside the complaints policy";
        };
    }
}
