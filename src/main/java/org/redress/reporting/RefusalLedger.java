package org.redress.reporting;

import org.redress.casework.CaseChanged;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseTypes.DeclineGround;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The complaints refused, by reason, for the annual complaints performance and service improvement report (Code 8,
 * issue 23): a complaint not accepted (declined on a ground) and an escalation refused, kept from the case's own events
 * in the change's transaction, as the read model is. A refusal stays counted in its year even if the case is reopened.
 */
@Component
class RefusalLedger {

    static final String NOT_ACCEPTED = "complaint-not-accepted";
    static final String ESCALATION_REFUSED = "escalation-refused";

    private final JdbcClient jdbc;

    RefusalLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One reason and how many complaints were refused for it, with the cases. */
    record Reason(String kind, String reason, int count, List<String> references) {
    }

    @EventListener
    void keepRefusals(CaseChanged change) {
        for (CaseEvent event : change.events()) {
            if (!event.type().equals("declined") && !event.type().equals("escalation-refused")) {
                continue;
            }
            CaseFact fact = event.payload();
            String kind;
            int stage;
            String reason;
            if (fact instanceof CaseFact.Declined d) {
                kind = NOT_ACCEPTED;
                stage = change.caseFile().stage();
                reason = words(d.ground()) + (d.exclusion() == null || d.exclusion().isBlank() ? "" : ": " + d.exclusion());
            } else if (fact instanceof CaseFact.EscalationRefused r) {
                kind = ESCALATION_REFUSED;
                stage = r.stage();
                reason = r.ground();
            } else {
                continue;
            }
            jdbc.sql("""
                    insert into reporting.refusal (organisation, case_id, reference, kind, stage, reason, service_area, refused_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(change.organisation(), UUID.fromString(change.caseId()), change.reference(), kind, stage, reason,
                            change.caseFile().classification().serviceArea(), Timestamp.from(event.at()))
                    .update();
        }
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
