package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseState;
import org.redress.casework.CaseTypes.Evidence;
import org.redress.casework.CaseTypes.Action;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.Extension;
import org.redress.casework.CaseTypes.Hold;
import org.redress.casework.CaseTypes.NamedPerson;
import org.redress.casework.CaseTypes.Point;
import org.redress.casework.CaseTypes.Representative;
import org.redress.casework.CaseTypes.Satisfaction;
import org.redress.casework.CaseTypes.StageRecord;
import org.redress.casework.CaseTypes.StepRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What anonymising a case replaces and what it keeps. Replaced: the complainant's and representative's names and
 * contact details, named people, and every free text a person wrote (description, points, understanding, responses,
 * evidence, steps, reasons). Kept: every date, type, channel, tenure, outcome, classification, stage and clock, so the
 * reporting figures made from a case are the same before and after.
 */
final class Anonymisation {

    /** Put where a name was: a case whose complainant is called this has been anonymised. */
    static final String NAME = "[anonymised]";
    /** Put where free text was. */
    static final String REMOVED = "[removed]";

    /** Event detail keys whose values are free text or personal data; every other key is a code, number or date. */
    private static final Set<String> FREE_TEXT_DETAILS = Set.of("summary", "understanding", "outcomeWanted", "who", "unresolved",
            "lateAcceptedBecause", "from", "subject", "note", "notes", "excerpt", "name", "email", "phone", "address");

    private Anonymisation() {
    }

    static boolean isAnonymised(CaseState s) {
        return NAME.equals(s.complainant().name());
    }

    static CaseState of(CaseState s) {
        Complainant complainant = new Complainant(NAME, null, null, null, s.complainant().preferredContact(), null, List.of(),
                s.complainant().tenure());
        Representative r = s.representative();
        Representative representative = r == null ? null
                : new Representative(NAME, null, null, null, r.consentRecorded(), r.consentDate());
        List<NamedPerson> named = s.namedPeople().stream().map(p -> new NamedPerson(NAME, p.kind(), null)).toList();
        List<Point> points = s.points().stream().map(p -> new Point(p.number(), "Point " + p.number(), p.outcome(),
                removed(p.reasons()), p.decidedAtStage(), p.category())).toList();
        List<StageRecord> stages = s.stages().stream().map(st -> new StageRecord(st.number(), st.name(), st.owner(),
                removed(st.understanding()), removed(st.outcomeWanted()), st.receivedAt(), st.loggedAt(), st.acknowledgedAt(),
                st.contactedAt(), st.respondedAt(), removed(st.responseSummary()), st.escalationRefused(), st.coOwners(),
                st.contactArrangement())).toList();
        List<CaseClock> clocks = s.clocks().stream().map(c -> new CaseClock(c.id(), c.stage(), c.name(), c.starts(), c.stops(),
                c.unit(), c.amount(), c.startedAt(), c.dueBy(), c.dueDate(), c.explanation(), c.extensions().stream()
                .map(e -> new Extension(e.amount(), e.unit(), REMOVED, e.complainantAgreed(), e.at(), e.by(), e.cite())).toList(),
                c.pausedAt(), c.remainingWhenPaused(), c.stoppedAt(), c.cancelled(), c.cite(), c.aim(), c.option())).toList();
        List<Action> actions = s.actions().stream().map(a -> new Action(REMOVED, a.due(), a.owner())).toList();
        List<Evidence> evidence = s.evidence().stream().map(e -> new Evidence(e.kind(), e.date(), REMOVED, REMOVED,
                e.recordedAt(), e.recordedBy())).toList();
        List<StepRecord> steps = s.steps().stream().map(st -> new StepRecord(st.step(), st.kind(), st.stage(), st.at(), st.by(),
                REMOVED)).toList();
        Hold hold = s.hold() == null ? null : new Hold(s.hold().kind(), REMOVED, s.hold().since());
        Satisfaction satisfaction = s.satisfaction() == null ? null
                : new Satisfaction(s.satisfaction().withHandling(), s.satisfaction().withOutcome(), removed(s.satisfaction().reasons()));
        return new CaseState(s.recordType(), s.status(), s.stage(), s.channel(), s.receivedAt(), complainant, representative,
                named, s.classification(), REMOVED, s.awareSince(), points, stages, clocks, actions, evidence, steps, hold,
                s.escalationWindow(), satisfaction, s.closedAt(), s.linkedFrom(), s.linkedTo());
    }

    static CaseState withComplainant(CaseState s, Complainant complainant) {
        return new CaseState(s.recordType(), s.status(), s.stage(), s.channel(), s.receivedAt(), complainant, s.representative(),
                s.namedPeople(), s.classification(), s.description(), s.awareSince(), s.points(), s.stages(), s.clocks(),
                s.actions(), s.evidence(), s.steps(), s.hold(), s.escalationWindow(), s.satisfaction(), s.closedAt(),
                s.linkedFrom(), s.linkedTo());
    }

    /**
     * An earlier event of an anonymised case: its free-text reason and free-text details go; codes, numbers and
     * dates stay (the reporting read model reads clocks, stages and outcomes from them). Strings the case held as
     * personal data are also replaced wherever else they appear.
     */
    static Map<String, Object> details(Map<String, Object> details, List<String> personal) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : details.entrySet()) {
            result.put(e.getKey(), FREE_TEXT_DETAILS.contains(e.getKey()) ? REMOVED : scrub(e.getValue(), personal));
        }
        return result;
    }

    static @Nullable String reason(@Nullable String reason) {
        return removed(reason);
    }

    /** The personal strings a case holds, to hunt for in places that copied them. */
    static List<String> personalStrings(CaseState s) {
        List<String> strings = new ArrayList<>();
        Complainant c = s.complainant();
        add(strings, c.name(), c.email(), c.phone(), c.address(), c.reasonableAdjustments(), s.description());
        if (s.representative() != null) {
            add(strings, s.representative().name(), s.representative().email(), s.representative().phone());
        }
        s.namedPeople().forEach(p -> add(strings, p.name()));
        return strings;
    }

    private static void add(List<String> strings, @Nullable String... values) {
        for (String v : values) {
            if (v != null && v.strip().length() >= 3) {
                strings.add(v.strip());
            }
        }
    }

    private static @Nullable Object scrub(@Nullable Object value, List<String> personal) {
        if (value instanceof String text) {
            for (String p : personal) {
                if (text.contains(p)) {
                    return REMOVED;
                }
            }
            return text;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> scrub(v, personal)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), scrub(v, personal)));
            return result;
        }
        return value;
    }

    private static @Nullable String removed(@Nullable String text) {
        return text == null ? null : REMOVED;
    }
}
