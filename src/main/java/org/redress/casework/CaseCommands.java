package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes.Action;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.casework.CaseTypes.EvidenceKind;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseTypes.Satisfaction;
import org.redress.casework.CaseTypes.Tenure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The case's verbs by name, for the other modules, on one case by one actor ({@link Casework#on}): each applies one
 * verb in its own transaction through {@link Casework#act}, so a module asks for what it wants done and never holds
 * the aggregate. A refusal is thrown as from {@code act} (the rule and field it names); the case is changed "now", by
 * the injected clock, at whatever version it is unless the caller names one ({@link #atVersion}).
 */
public final class CaseCommands {

    private final Casework casework;
    private final CaseMembers members;
    private final String organisation;
    private final String idOrReference;
    private final String actor;
    private final @Nullable Long expectedVersion;

    CaseCommands(Casework casework, CaseMembers members, String organisation, String idOrReference, String actor, @Nullable Long expectedVersion) {
        this.casework = casework;
        this.members = members;
        this.organisation = organisation;
        this.idOrReference = idOrReference;
        this.actor = actor;
        this.expectedVersion = expectedVersion;
    }

    /** The same verbs, refused as stale unless the case is still at the version the caller read (null: any version). */
    public CaseCommands atVersion(@Nullable Long version) {
        return new CaseCommands(casework, members, organisation, idOrReference, actor, version);
    }

    private CaseView act(Casework.Verb verb) {
        return casework.act(organisation, idOrReference, expectedVersion, actor, verb);
    }

    /** Acknowledges the complaint at its current stage (stops the acknowledgement clock). */
    public CaseView acknowledge(@Nullable String method) {
        return act((file, now, clocks) -> file.acknowledge(now, actor, method, clocks));
    }

    /** Gives the current stage an owner for its own role, who must hold it. */
    public CaseView assign(String owner) {
        return assign(owner, null);
    }

    /** Gives the current stage an owner for one of the roles that own it (null: the stage's own), who must hold it (H-6). */
    public CaseView assign(String owner, @Nullable String role) {
        java.util.Set<String> holds = members.heldBy(organisation, owner);
        return act((file, now, clocks) -> file.assign(owner, role, holds, now, actor));
    }

    /** Responds at the current stage with a decision on each point and the actions promised. */
    public CaseView respond(List<PointDecision> decisions, String summary, List<Action> actions) {
        return act((file, now, clocks) -> file.respond(decisions, summary, actions, now, actor, clocks));
    }

    /** Closes the case, with the complainant's satisfaction if it was asked. */
    public CaseView close(@Nullable Satisfaction satisfaction, @Nullable String note) {
        return act((file, now, clocks) -> file.close(satisfaction, note, now, actor, clocks));
    }

    /**
     * Records evidence.
     *
     * @param date the day the evidence is from; null for the day it is recorded (UK time)
     */
    public CaseView recordEvidence(EvidenceKind kind, @Nullable LocalDate date, String who, String notes) {
        return act((file, now, clocks) ->
                file.recordEvidence(kind, date == null ? UkTime.dateOf(now) : date, who, notes, now, actor));
    }

    /** The complainant asks to escalate to the next stage, now (their request and its logging are the same moment). */
    public CaseView requestEscalation(@Nullable String unresolved, @Nullable String outcomeWanted) {
        return act((file, now, clocks) -> file.requestEscalation(null, now, now, unresolved, outcomeWanted, null, actor, clocks));
    }

    /** Staff record an escalation request on the complainant's behalf, now; one outside the window needs a reason to accept it late. */
    public CaseView requestEscalation(@Nullable String unresolved, @Nullable String outcomeWanted, @Nullable String lateAcceptedBecause) {
        return act((file, now, clocks) -> file.requestEscalation(null, now, now, unresolved, outcomeWanted, lateAcceptedBecause, actor, clocks));
    }

    /** The same, to a stage the pack lets the case go to from where it is, by id or number (H-10); null: the next stage. */
    public CaseView requestEscalation(@Nullable String toStage, @Nullable String unresolved, @Nullable String outcomeWanted,
                                      @Nullable String lateAcceptedBecause) {
        return act((file, now, clocks) -> file.requestEscalation(toStage, now, now, unresolved, outcomeWanted, lateAcceptedBecause,
                actor, clocks));
    }

    /** Accepts the escalation requested: the next stage starts. */
    public CaseView acceptEscalation() {
        return act((file, now, clocks) -> file.acceptEscalation(now, actor, clocks));
    }

    /** The same, with the date the refusal will be reviewed (H-5). */
    public CaseView refuseEscalation(String ground, String reasons, java.time.@Nullable LocalDate reviewDate) {
        return act((file, now, clocks) -> file.refuseEscalation(ground, reasons, reviewDate, now, actor));
    }

    /** Refuses the escalation requested, on a ground with the reasons the person will be given. */
    public CaseView refuseEscalation(String ground, String reasons) {
        return act((file, now, clocks) -> file.refuseEscalation(ground, reasons, null, now, actor));
    }

    /** Records contact made with the complainant. */
    public CaseView recordContact(String note) {
        return act((file, now, clocks) -> file.recordContact(now, actor, note, clocks));
    }

    /** Adds a point of complaint. */
    public CaseView addPoint(String summary) {
        return addPoint(summary, null);
    }

    /** Adds a point of complaint with its category, as the subjects list names it ({@link CaseFiling#pointCategory}). */
    public CaseView addPoint(String summary, @Nullable String category) {
        return act((file, now, clocks) -> file.addPoint(summary, category, now, actor));
    }

    /** Records the understanding of the complaint and the outcome wanted at this stage. */
    public CaseView recordUnderstanding(@Nullable String understanding, @Nullable String outcomeWanted) {
        return act((file, now, clocks) -> file.recordUnderstanding(understanding, outcomeWanted, now, actor));
    }

    /** Extends a running deadline. */
    public CaseView extend(String clockId, int amount, String reason, boolean complainantAgreed) {
        return act((file, now, clocks) -> file.extend(clockId, amount, reason, complainantAgreed, now, actor, clocks));
    }

    /** Puts the case on hold. */
    public CaseView hold(HoldKind kind, String reason) {
        return act((file, now, clocks) -> file.hold(kind, reason, now, actor, clocks));
    }

    /** Resumes a case on hold. */
    public CaseView resume(@Nullable String note) {
        return act((file, now, clocks) -> file.resume(now, actor, note, clocks));
    }

    /** Records a step of mediation (F-6): offered with the mediator, accepted or declined, held, its outcome; on its day (null: today). */
    public CaseView recordMediation(Mediation.Step step, @Nullable String mediator, @Nullable LocalDate on, Mediation.@Nullable Result result,
                                    @Nullable String notes) {
        return act((file, now, clocks) -> file.recordMediation(step, mediator, on == null ? UkTime.dateOf(now) : on, result, notes, now, actor));
    }

    /** Records a step of the policy's procedure. */
    public CaseView recordStep(String stepId, String note) {
        return act((file, now, clocks) -> file.recordStep(stepId, note, now, actor));
    }

    /** Records the method and frequency of contact agreed with the complainant at this stage. */
    /** Issue 23, R-5: closes a DISP complaint by a Summary Resolution Communication inside its window. */
    public CaseView resolveSummarily(String summary, boolean timeLimitsWaived) {
        return act((file, now, clocks) -> file.resolveSummarily(summary, timeLimitsWaived, now, actor, clocks));
    }

    public CaseView arrangeContact(String method, String frequency) {
        return act((file, now, clocks) -> file.arrangeContact(method, frequency, now, actor));
    }

    /** The complainant withdraws the case. */
    public CaseView withdraw(String reason) {
        return act((file, now, clocks) -> file.withdraw(reason, now, actor));
    }

    /** Investigates a complaint made after the policy's time limit anyway, saying why (F-3). */
    public CaseView investigateLate(String reason) {
        return act((file, now, clocks) -> file.investigateLate(reason, now, actor));
    }

    /**
     * Declines to take the complaint on, on a ground of the policy. The actor decides: where the pack gives the decision
     * to a role (F-10, T-4), they must hold it, and the decision records them.
     */
    public CaseView decline(DeclineGround ground, @Nullable String exclusion, String reasons) {
        return decline(ground, exclusion, null, reasons);
    }

    /** Declines, naming where an out-of-scope matter goes instead (S0-3: the Grievance Policy). */
    public CaseView decline(DeclineGround ground, @Nullable String exclusion, @Nullable String redirectTo, String reasons) {
        Decider decider = members.decider(organisation, actor);
        return act((file, now, clocks) -> file.decline(ground, exclusion, redirectTo, reasons, decider, now, actor));
    }

    /** Reopens a closed case. */
    public CaseView reopen(String reason) {
        return act((file, now, clocks) -> file.reopen(reason, now, actor, clocks));
    }

    /**
     * Corrects the service line the case was logged on (F-8, issue 23): between lines of one procedure at any time; to a
     * line with another procedure only while nothing has been sent, its clocks then worked out again from the receipt.
     */
    public CaseView correctServiceLine(String serviceLine, String reason) {
        return act((file, now, clocks) -> file.correctServiceLine(serviceLine, reason, now, actor, clocks));
    }

    /** Records the complainant's tenure. */
    public CaseView recordTenure(Tenure tenure) {
        return act((file, now, clocks) -> file.recordTenure(tenure, now, actor));
    }

    /** Corrects the complainant's contact details (rectification): the fields given replace the recorded ones. */
    public CaseView correctContactDetails(@Nullable String name, @Nullable String email, @Nullable String phone,
                                          @Nullable String address, String reason) {
        return act((file, now, clocks) -> file.correctContactDetails(name, email, phone, address, reason, now, actor));
    }

    /**
     * Records a message that arrived about the case, whatever its status.
     *
     * @param receivedAt when it arrived; a time after now (a sender's clock ahead) is recorded as now
     */
    public CaseView recordCorrespondence(String from, String subject, String excerpt, String messageId,
                                         Instant receivedAt) {
        return act((file, now, clocks) ->
                file.recordCorrespondence(from, subject, excerpt, messageId, receivedAt.isAfter(now) ? now : receivedAt, actor));
    }
}
