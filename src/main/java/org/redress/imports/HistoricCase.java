package org.redress.imports;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseBulkWriter;
import org.redress.casework.CaseFile;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseTypes.CaseId;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.ClockMaker;
import org.redress.policy.PolicyPack;
import org.redress.web.Refusal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Historic mode (issue 20): a register row made into a case by casework's own aggregate, verb by verb at the register's
 * own times (received, acknowledged, each stage's response and escalation, closed) with its outcomes and owner. What
 * the register did not hold is recorded as "imported from &lt;file&gt;, &lt;date&gt;; not recorded at the time": a step
 * the procedure requires before a response, the response's text. An open case stops where the register ends, its
 * clocks running from their real start under the active procedure.
 */
final class HistoricCase {

    /** The case made, how many verbs it took, or the refusal that stops the row (and the field it concerns). */
    record Made(@Nullable CaseFile file, long version, ImportRow.@Nullable Problem problem) {
    }

    private HistoricCase() {
    }

    /** The note recorded for what the register did not hold. */
    static String notRecorded(String fileName, String importedOn) {
        return "imported from " + fileName + ", " + importedOn + "; not recorded at the time";
    }

    static Made make(ImportRow row, CaseBulkWriter.@Nullable ImportedCase existing, @Nullable String newReference,
                     String organisation, PolicyPack pack, ClockMaker clocks, String actor, String note, ColumnMapping mapping) {
        List<String> points = row.stage1Outcome() != null || row.stage2Outcome() != null
                || (row.ombudsman() != null && row.ombudsman().finding() != null)
                ? List.of(row.subject() != null ? row.subject() : "The complaint as the register recorded it") : List.of();
        NewCase given = new NewCase(row.recordType(), row.channel(), row.receivedAt(),
                new Complainant(row.name(), row.email(), row.phone(), row.address(), null, null, List.of(), row.tenure()),
                null, List.of(), new Classification(null, row.serviceArea(), row.subject(), row.subSubject()),
                row.description().isEmpty() ? note : row.description(), null, null, null, points, null);
        CaseFile.Logged logged = existing != null
                ? CaseBulkWriter.logAgain(existing, organisation, pack, given, row.receivedAt(), actor, clocks)
                : CaseBulkWriter.log(CaseId.at(row.receivedAt()), organisation, java.util.Objects.requireNonNull(newReference), pack,
                given, row.receivedAt(), actor, clocks);
        if (logged.caseFile() == null) {
            return refused(row, ImportField.RECEIVED_AT, java.util.Objects.requireNonNull(logged.refusal()), mapping);
        }
        Life life = new Life(logged.caseFile(), row, clocks, actor, note, mapping);
        boolean staged = pack.recordType(row.recordType()).map(t -> t.handling() == PolicyPack.Handling.STAGED).orElse(false);
        if (row.owner() != null) {
            life.apply(ImportField.OWNER, row.receivedAt(), (at) -> life.file.assign(row.owner(), null, pack.everyRoleNamed(), at, actor));
        }
        if (row.acknowledgedAt() != null) {
            life.apply(ImportField.ACKNOWLEDGED_AT, row.acknowledgedAt(),
                    at -> life.file.acknowledge(at, actor, "as the register recorded it", clocks));
        }
        if (row.stage1RespondedAt() != null) {
            life.respond(ImportField.STAGE1_RESPONDED_AT, row.stage1RespondedAt(), row.stage1Outcome(), staged);
        }
        if (row.escalatedAt() != null) {
            life.apply(ImportField.ESCALATED_AT, row.escalatedAt(), at -> life.file.requestEscalation(null, at, at, null, null, null, actor, clocks));
            life.apply(ImportField.ESCALATED_AT, row.escalatedAt(), at -> life.file.acceptEscalation(at, actor, clocks));
            if (row.owner() != null) {
                // a different handler may be required at stage 2 (Code 6.13): the register's owner is kept where allowed
                life.attempt(row.escalatedAt(), at -> life.file.assign(row.owner(), null, pack.everyRoleNamed(), at, actor));
            }
        }
        if (row.stage2RespondedAt() != null) {
            life.respond(ImportField.STAGE2_RESPONDED_AT, row.stage2RespondedAt(), row.stage2Outcome(), staged);
        }
        if (row.closedAt() != null) {
            life.apply(ImportField.CLOSED_AT, row.closedAt(), at -> life.file.close(new CaseTypes.Satisfaction(null, null, note), note, at, actor, clocks));
        }
        return life.problem != null ? new Made(null, 0, life.problem) : new Made(life.file, 1 + life.verbs, null);
    }

    private static Made refused(ImportRow row, ImportField field, Refusal refusal, ColumnMapping mapping) {
        return new Made(null, 0, new ImportRow.Problem(row.number(), mapping.column(field), field.key(), refusal.message()));
    }

    /** The verbs applied in order; the first refusal stops the row. */
    private static final class Life {
        final CaseFile file;
        final ImportRow row;
        final ClockMaker clocks;
        final String actor;
        final String note;
        final ColumnMapping mapping;
        int verbs;
        ImportRow.@Nullable Problem problem;

        Life(CaseFile file, ImportRow row, ClockMaker clocks, String actor, String note, ColumnMapping mapping) {
            this.file = file;
            this.row = row;
            this.clocks = clocks;
            this.actor = actor;
            this.note = note;
            this.mapping = mapping;
        }

        void apply(ImportField field, Instant at, Function<Instant, Optional<Refusal>> verb) {
            if (problem != null) {
                return;
            }
            Optional<Refusal> refusal = verb.apply(at);
            if (refusal.isPresent()) {
                problem = new ImportRow.Problem(row.number(), mapping.column(field), field.key(), refusal.get().message());
            } else {
                verbs++;
            }
        }

        void attempt(Instant at, Function<Instant, Optional<Refusal>> verb) {
            if (problem == null && verb.apply(at).isEmpty()) {
                verbs++;
            }
        }

        /** The stage's response: the steps the procedure requires first are recorded as not recorded at the time. */
        void respond(ImportField field, Instant at, CaseTypes.@Nullable Outcome outcome, boolean staged) {
            if (staged) {
                int stage = file.state().stage();
                for (PolicyPack.StepRule step : file.pack().stepsIn(stage)) {
                    if (step.beforeResponse()) {
                        apply(field, at, t -> file.recordStep(step.id(), note, t, actor));
                    }
                }
                if (file.pack().stage(stage).map(PolicyPack.Stage::agreesContact).orElse(false)) {
                    // the method and frequency of contact agreed at this stage, which the register did not hold
                    apply(field, at, t -> file.arrangeContact(note, note, t, actor));
                }
            }
            List<PointDecision> decisions = new ArrayList<>();
            if (outcome != null) {
                if (file.state().points().isEmpty()) {
                    apply(field, at, t -> file.addPoint(row.subject() != null ? row.subject() : "The complaint as the register recorded it", row.subject(), t, actor));
                }
                for (CaseTypes.Point point : file.state().points()) {
                    decisions.add(new PointDecision(point.number(), outcome, note));
                }
            }
            apply(field, at, t -> file.respond(decisions, "The response as the register recorded it (" + note + ")", List.of(), t, actor, clocks));
        }
    }
}
