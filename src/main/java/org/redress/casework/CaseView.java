package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.casework.CaseTypes.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as the API and the pages show it: its state, each clock with its derived status and explanation, and its history. */
public record CaseView(String id, String reference, String organisation, String recordType, CaseStatus status, int stage,
                       @Nullable String stageName, PackRef pack, Channel channel, Instant receivedAt, Complainant complainant,
                       @Nullable Representative representative, List<NamedPerson> namedPeople, Classification classification,
                       String description, @Nullable LocalDate awareSince, List<Point> points, List<StageRecord> stages,
                       List<ClockView> clocks, @Nullable Instant nextDue, @Nullable EscalationWindow escalationWindow,
                       @Nullable Hold hold, List<Action> actions, List<CaseTypes.Evidence> evidence, List<StepRecord> steps,
                       @Nullable Satisfaction satisfaction, @Nullable Instant closedAt, @Nullable String linkedFrom,
                       List<String> linkedTo, List<String> allowedActions, long version, List<CaseEvent> history) {

    public record PackRef(String id, int version) {
    }

    /** Who received the contact (S0-4), as its logging recorded it; null when not said. */
    public @Nullable String receivedBy() {
        return history.stream().filter(e -> e.type().equals("logged")).map(e -> e.details().get("receivedBy"))
                .filter(java.util.Objects::nonNull).map(String::valueOf).findFirst().orElse(null);
    }

    /**
     * @param aim the earlier target the pack sets inside the clock (S0-2), shown and never enforced; null when none
     * @param plainDue the deadline in one plain sentence (issue 21); {@code explanation} is the full working
     */
    public record ClockView(String id, int stage, String name, ClockUnit unit, int amount, Instant startedAt, Instant dueBy,
                            LocalDate dueDate, ClockStatus status, @Nullable Instant stoppedAt, String explanation,
                            List<Extension> extensions, @Nullable String cite, CaseClock.@Nullable Aim aim, String plainDue) {
    }

    /**
     * Whether the case holds special category data (UK GDPR art. 9) in its own fields: reasonable adjustments and
     * formats (they tell of health or disability) and the staff or contractors the complaint names.
     */
    public boolean holdsSpecialCategory() {
        return complainant.reasonableAdjustments() != null || !complainant.formats().isEmpty() || !namedPeople.isEmpty();
    }

    /** The special category fields this case holds, in words, for the read log. */
    public String specialCategoryFields() {
        List<String> fields = new java.util.ArrayList<>();
        if (complainant.reasonableAdjustments() != null) fields.add("reasonable adjustments");
        if (!complainant.formats().isEmpty()) fields.add("formats");
        if (!namedPeople.isEmpty()) fields.add("named staff");
        return String.join(", ", fields);
    }

    /** The mediation steps of this case (F-6), oldest first, from its history. */
    public List<Mediation.Entry> mediation() {
        return Mediation.of(history);
    }

    /** The same case without its special category fields, for a reader whose role may not see them. */
    public CaseView withoutSpecialCategory() {
        Complainant c = complainant;
        Complainant hidden = new Complainant(c.name(), c.email(), c.phone(), c.address(), c.preferredContact(), null, List.of(), c.tenure());
        return new CaseView(id, reference, organisation, recordType, status, stage, stageName, pack, channel, receivedAt, hidden,
                representative, List.of(), classification, description, awareSince, points, stages, clocks, nextDue,
                escalationWindow, hold, actions, evidence, steps, satisfaction, closedAt, linkedFrom, linkedTo, allowedActions,
                version, history);
    }

    static CaseView of(CaseFile file, List<CaseEvent> history, Instant now) {
        return of(file, history, now, file.allowedActions());
    }

    /**
     * A case for the reports' read model only, which never reads the verbs a case allows (an import writes its batches'
     * report rows from these, issue 20): {@link #allowedActions} is empty, everything else is as {@link #of} makes it.
     */
    static CaseView forReports(CaseFile file, List<CaseEvent> history, Instant now) {
        return of(file, history, now, List.of());
    }

    private static CaseView of(CaseFile file, List<CaseEvent> history, Instant now, List<String> allowedActions) {
        CaseTypes.CaseState s = file.state();
        List<ClockView> clocks = s.clocks().stream().map(c -> new ClockView(c.id(), c.stage(), c.name(), c.unit(), c.amount(),
                c.startedAt(), c.dueBy(), c.dueDate(), c.status(now), c.stoppedAt(), c.explanation(), c.extensions(), c.cite(), c.aim(),
                c.plainDue())).toList();
        String stageName = file.currentStage().map(StageRecord::name).orElse(null);
        return new CaseView(file.id().toString(), file.reference(), file.organisation(), s.recordType(), s.status(), s.stage(),
                stageName, new PackRef(file.pack().id(), file.pack().version()), s.channel(), s.receivedAt(), s.complainant(),
                s.representative(), s.namedPeople(), s.classification(), s.description(), s.awareSince(), s.points(), s.stages(),
                clocks, file.nextDue().orElse(null), s.escalationWindow(), s.hold(), s.actions(), s.evidence(), s.steps(),
                s.satisfaction(), s.closedAt(), s.linkedFrom(), s.linkedTo(), allowedActions, file.version(), history);
    }
}
