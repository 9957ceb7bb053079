package org.redress.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseRequests.*;
import org.redress.casework.CaseTypes.*;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The case REST API: create, read, list, and one endpoint per verb. Thin: each maps a body to one call of {@link Casework}. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/cases")
@Tag(name = "Cases", description = "Complaints and other contacts, moving through their organisation's procedure")
class CaseController {


    private final Casework casework;
    private final CaseMembers members;
    /** Files a new case by the organisation's controlled lists (issue 20). */
    private final CaseFiling filing;

    CaseController(Casework casework, CaseMembers members, CaseFiling filing) {
        this.casework = casework;
        this.members = members;
        this.filing = filing;
    }

    record CreatedResponse(CaseView caseFile, boolean replayed, List<Casework.AdmissionWarning> warnings) {
    }

    @PostMapping
    @Operation(summary = "Log a contact (complaint, concern, service request, compliment, feedback, suggestion)",
            description = "receivedAt may be in the past for back-entered letters. With an Idempotency-Key header, a retry "
                    + "returns the same case (200) and creates nothing.")
    ResponseEntity<CreatedResponse> create(@PathVariable String organisation,
                                           @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String key,
                                           @RequestHeader(value = "X-Actor", required = false) @Nullable String actor,
                                           @RequestBody NewCaseRequest request) {
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 characters");
        }
        Casework.Created created = casework.create(organisation, filing.file(organisation, newCase(request)), key, actor(actor));
        CreatedResponse body = new CreatedResponse(created.view(), created.replayed(), created.warnings());
        URI location = URI.create("/api/v1/organisations/" + organisation + "/cases/" + created.view().id());
        return created.replayed() ? ResponseEntity.ok().location(location).body(body)
                : ResponseEntity.created(location).body(body);
    }

    @PostMapping("/checks")
    @Operation(summary = "The admission warnings a contact would raise (12 months, repeat complaint), without logging it")
    List<Casework.AdmissionWarning> check(@PathVariable String organisation, @RequestBody NewCaseRequest request) {
        return casework.check(organisation, filing.file(organisation, newCase(request)));
    }

    @GetMapping("/{case}")
    @Operation(summary = "A case by id or reference, with its clocks, explanations, points, allowed actions and history")
    CaseView get(@PathVariable String organisation, @PathVariable("case") @Parameter(example = "AH-2026-000001") String caseRef) {
        return casework.get(organisation, caseRef);
    }

    @GetMapping
    @Operation(summary = "List cases: filter, and sort by next deadline (sort=due) or newest first (sort=received)")
    CaseSummary.Page list(CaseScope scope,
                          @RequestParam(required = false) @Nullable String type,
                          @RequestParam(required = false) @Nullable CaseStatus status,
                          @RequestParam(required = false) @Nullable Integer stage,
                          @RequestParam(required = false) @Nullable String owner,
                          @RequestParam(required = false) @Nullable String serviceArea,
                          @RequestParam(required = false) @Nullable ClockStatus clockStatus,
                          @RequestParam(required = false) @Nullable Instant dueBefore,
                          @RequestParam(required = false) @Nullable String text,
                          @RequestParam(defaultValue = "due") String sort,
                          @RequestParam(defaultValue = "50") int size,
                          @RequestParam(required = false) @Nullable String cursor) {
        List<FieldError> errors = new ArrayList<>();
        if (!sort.equals("due") && !sort.equals("received")) {
            errors.add(new FieldError("sort", "must be due or received"));
        }
        if (size < 1 || size > 200) {
            errors.add(new FieldError("size", "must be between 1 and 200"));
        }
        throwIfAny(errors);
        return casework.list(scope, new CaseQuery(type, status, stage, owner, serviceArea, clockStatus, dueBefore, text, sort, size, cursor));
    }

    @PostMapping("/{case}/acknowledge")
    @Operation(summary = "Acknowledge the complaint at its current stage (stops the acknowledgement clock)")
    CaseView acknowledge(@PathVariable String organisation, @PathVariable("case") String caseRef,
                         @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody AcknowledgeRequest r) {
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.acknowledge(at(r.at(), now), actor(actor), r.method(), clocks));
    }

    @PostMapping("/{case}/assign")
    @Operation(summary = "Give the current stage an owner (at stage 2 not the stage 1 handler where the policy says so)",
            description = "owner is a member's username; they must hold the role (422 naming it). role is one of the roles that own"
                    + " the stage (e.g. case-worker or complaint-management-officer at Helping Our Future); left out, the stage's own")
    CaseView assign(@PathVariable String organisation, @PathVariable("case") String caseRef,
                    @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody AssignRequest r) {
        TextLimits.check(r);
        String owner = r.owner().strip();
        String role = r.role() == null || r.role().isBlank() ? null : r.role().strip();
        java.util.Set<String> holds = members.heldBy(organisation, owner);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.assign(owner, role, holds, at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/points")
    @Operation(summary = "Add a point of complaint, with its category where given (one of the organisation's subjects)")
    CaseView addPoint(@PathVariable String organisation, @PathVariable("case") String caseRef,
                      @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody PointRequest r) {
        TextLimits.check(r);
        String summary = r.summary().strip();
        String category = filing.pointCategory(organisation, r.category());
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.addPoint(summary, category, at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/understanding")
    @Operation(summary = "Record the organisation's understanding of the complaint and the outcome wanted at this stage (Code 5.6)")
    CaseView understanding(@PathVariable String organisation, @PathVariable("case") String caseRef,
                           @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody UnderstandingRequest r) {
        if (blank(r.understanding()) && blank(r.outcomeWanted())) {
            throw new InvalidInputException("understanding", "give the understanding, the outcome wanted, or both");
        }
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.recordUnderstanding(r.understanding(), r.outcomeWanted(), at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/evidence")
    @Operation(summary = "Record evidence: an interview, records examined, a site visit (S0-6)")
    CaseView evidence(@PathVariable String organisation, @PathVariable("case") String caseRef,
                      @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody EvidenceRequest r) {
        TextLimits.check(r);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.recordEvidence(r.kind(), r.date(), r.who(), r.notes(), at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/extend")
    @Operation(summary = "Extend a clock, within the policy's limits, with a reason and the complainant's agreement where needed")
    CaseView extend(@PathVariable String organisation, @PathVariable("case") String caseRef,
                    @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody ExtendRequest r) {
        TextLimits.check(r);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.extend(r.clock(), r.amount(), r.reason() == null ? "" : r.reason().strip(),
                        Boolean.TRUE.equals(r.complainantAgreed()), at(r.at(), now), actor(actor), clocks));
    }

    @PostMapping("/{case}/hold")
    @Operation(summary = "Put the case on hold (legal hold A-11, awaiting the complainant): its clocks pause")
    CaseView hold(@PathVariable String organisation, @PathVariable("case") String caseRef,
                  @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody HoldRequest r) {
        TextLimits.check(r);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.hold(r.kind(), r.reason() == null ? "" : r.reason().strip(), at(r.at(), now), actor(actor), clocks));
    }

    @PostMapping("/{case}/resume")
    @Operation(summary = "Resume a case on hold: its clocks restart with the time they had left")
    CaseView resume(@PathVariable String organisation, @PathVariable("case") String caseRef,
                    @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody NoteRequest r) {
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.resume(at(r.at(), now), actor(actor), r.note(), clocks));
    }

    @PostMapping("/{case}/contact")
    @Operation(summary = "Record contact made with the complainant (stops a 'contact within' clock, T-5)")
    CaseView contact(@PathVariable String organisation, @PathVariable("case") String caseRef,
                     @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody NoteRequest r) {
        String note = required("note", r.note());
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.recordContact(at(r.at(), now), actor(actor), note, clocks));
    }

    @PostMapping("/{case}/steps")
    @Operation(summary = "Record a step of the stage: case conference decision (A-8), comment on adverse findings (A-9), mediation offer (F-6)")
    CaseView step(@PathVariable String organisation, @PathVariable("case") String caseRef,
                  @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody StepRequest r) {
        TextLimits.check(r);
        String step = r.step().strip();
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.recordStep(step, r.note() == null ? "" : r.note().strip(), at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/mediation")
    @Operation(summary = "Record a step of mediation where the policy offers it, at any point while the case is open (F-6): "
            + "OFFERED (with the mediator), ACCEPTED or DECLINED, HELD, OUTCOME (with the result); on is the day, today when left out")
    CaseView mediation(@PathVariable String organisation, @PathVariable("case") String caseRef,
                       @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody MediationRequest r) {
        TextLimits.check(r);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor), (file, now, clocks) -> file.recordMediation(r.step(),
                emptyToNull(r.mediator()), r.on() == null ? org.redress.calendar.UkTime.dateOf(now) : r.on(), r.result(),
                emptyToNull(r.notes()), at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/contact-arrangement")
    @Operation(summary = "Record the method and frequency of contact agreed with the complainant, where the policy asks for it"
            + " before the stage's response (A-7: Alliance Homes' stage 2)")
    CaseView contactArrangement(@PathVariable String organisation, @PathVariable("case") String caseRef,
                                @RequestHeader(value = "X-Actor", required = false) @Nullable String actor,
                                @RequestBody ContactArrangementRequest r) {
        TextLimits.check(r);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.arrangeContact(r.method().strip(), r.frequency().strip(), at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/summary-resolution")
    @Operation(summary = "Close a complaint resolved inside the policy's option window by a Summary Resolution Communication "
            + "(FCA DISP 1.5: by the close of the third business day after receipt, R-5); refused 422 after the window")
    CaseView summaryResolution(@PathVariable String organisation, @PathVariable("case") String caseRef,
                               @RequestHeader(value = "X-Actor", required = false) @Nullable String actor,
                               @RequestBody SummaryResolutionRequest r) {
        TextLimits.check(r);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor), (file, now, clocks) -> file.resolveSummarily(
                r.summary().strip(), Boolean.TRUE.equals(r.timeLimitsWaived()), at(r.at(), now), actor(actor), clocks));
    }

    @PostMapping("/{case}/respond")
    @Operation(summary = "Send the stage's response: a decision and reasons for each point, the remedy and outstanding actions (Code 6.7)")
    CaseView respond(@PathVariable String organisation, @PathVariable("case") String caseRef,
                     @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody RespondRequest r) {
        TextLimits.check(r);
        List<String> missing = new ArrayList<>();
        List<PointDecision> decisions = new ArrayList<>();
        List<PointDecisionRequest> points = r.points() == null ? List.of() : r.points();
        for (int i = 0; i < points.size(); i++) {
            PointDecisionRequest p = points.get(i);
            if (p == null) missing.add("points[" + i + "]");
            else decisions.add(new PointDecision(p.number(), p.outcome(), p.reasons().strip()));
        }
        List<Action> actions = new ArrayList<>();
        List<ActionRequest> requested = r.actions() == null ? List.of() : r.actions();
        for (int i = 0; i < requested.size(); i++) {
            ActionRequest a = requested.get(i);
            if (a == null) missing.add("actions[" + i + "]");
            else actions.add(new Action(a.description().strip(), a.due(), a.owner()));
        }
        throwIfAny(missing.stream().map(field -> new FieldError(field, "is required")).toList());
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.respond(decisions, r.summary().strip(), actions, at(r.at(), now), actor(actor), clocks));
    }

    @PostMapping("/{case}/escalation-request")
    @Operation(summary = "Record the complainant's request to escalate to the next stage",
            description = "Outside the policy's window it is refused naming the rule, unless lateAcceptedBecause gives a reason. "
                    + "toStage (a stage id or number) chooses a later stage where the policy lets a case go to it from this one, "
                    + "such as a review for a complainant not happy with the outcome of step 1 or 2; left out, the next stage.")
    CaseView escalate(@PathVariable String organisation, @PathVariable("case") String caseRef,
                      @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody EscalationRequest r) {
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.requestEscalation(r.toStage(), at(r.requestedAt(), now), now, r.unresolved(),
                        r.outcomeWanted(), r.lateAcceptedBecause(), actor(actor), clocks));
    }

    @PostMapping("/{case}/accept-escalation")
    @Operation(summary = "Accept (acknowledge) an escalation request")
    CaseView acceptEscalation(@PathVariable String organisation, @PathVariable("case") String caseRef,
                              @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody At r) {
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.acceptEscalation(at(r.at(), now), actor(actor), clocks));
    }

    @PostMapping("/{case}/refuse-escalation")
    @Operation(summary = "Refuse an escalation request on one of the policy's grounds, with reasons and, where the policy asks, a review date (T-3, T-8, H-5)")
    CaseView refuseEscalation(@PathVariable String organisation, @PathVariable("case") String caseRef,
                              @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody RefuseEscalationRequest r) {
        TextLimits.check(r);
        String ground = r.ground().strip();
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.refuseEscalation(ground, r.reasons() == null ? "" : r.reasons().strip(), r.reviewDate(),
                        at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/close")
    @Operation(summary = "Close the case, with the complainant's satisfaction where the policy asks it (H-7)")
    CaseView close(@PathVariable String organisation, @PathVariable("case") String caseRef,
                   @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody CloseRequest r) {
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.close(satisfaction(r.satisfaction()), r.note(), at(r.at(), now), actor(actor), clocks));
    }

    @PostMapping("/{case}/reopen")
    @Operation(summary = "Reopen a closed case, with the reason; the stage's response clock runs again")
    CaseView reopen(@PathVariable String organisation, @PathVariable("case") String caseRef,
                    @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody ReasonRequest r) {
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.reopen(r.reason() == null ? "" : r.reason().strip(), at(r.at(), now), actor(actor), clocks));
    }

    @PostMapping("/{case}/withdraw")
    @Operation(summary = "Record that the complainant withdrew the complaint")
    CaseView withdraw(@PathVariable String organisation, @PathVariable("case") String caseRef,
                      @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody ReasonRequest r) {
        String reason = required("reason", r.reason());
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.withdraw(reason, at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/investigate-anyway")
    @Operation(summary = "Decide to investigate a complaint made after the policy's time limit anyway, with the reason (F-3)",
            description = "Recorded as an investigated-anyway event with the reason and who decided; the case carries the "
                    + "time-limit warning from its logging (late-complaint-warned).")
    CaseView investigateAnyway(@PathVariable String organisation, @PathVariable("case") String caseRef,
                               @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody ReasonRequest r) {
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.investigateLate(r.reason() == null ? "" : r.reason().strip(), at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/decline")
    @Operation(summary = "Decline a complaint at admission (12 months, repeat, vexatious, legal proceedings, out of scope), or at any point where the policy says (vexatious, F-10), with reasons",
            description = "The signed-in member (or the member an API token acts for) decides, and is recorded as the decider. Where"
                    + " the policy gives the decision to a role (a vexatious complaint: Alliance Homes' Group Chief Executive, the"
                    + " Trust's Client Services Manager) they must hold it (422 naming the role). decidedBy is ignored: it was once"
                    + " the role typed in, and a client that still sends it works when the member holds the role.")
    CaseView decline(@PathVariable String organisation, @PathVariable("case") String caseRef,
                     @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody DeclineRequest r,
                     org.springframework.security.core.Authentication user) {
        TextLimits.check(r);
        Decider decider = members.decider(organisation, user.getName());
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.decline(r.ground(), r.exclusion(), r.redirectTo(), r.reasons() == null ? "" : r.reasons().strip(),
                        decider, at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/tenure")
    @Operation(summary = "Record or correct the complainant's tenure (a social landlord's cases): it splits TSM CH01 and CH02 (R-2)",
            description = "tenure is LOW_COST_RENTAL (LCRA), LOW_COST_HOME_OWNERSHIP (LCHO, shared ownership), OTHER (neither) "
                    + "or UNKNOWN. Allowed whatever the case's status, so the regulator's figures can be put right.")
    CaseView tenure(@PathVariable String organisation, @PathVariable("case") String caseRef,
                    @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody TenureRequest r) {
        TextLimits.check(r);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor),
                (file, now, clocks) -> file.recordTenure(r.tenure(), at(r.at(), now), actor(actor)));
    }

    @PostMapping("/{case}/service-line")
    @Operation(summary = "Correct the service line the case was logged on (F-8): the reports follow it",
            description = "Between lines that run the same procedure, allowed whatever has happened. To a line with another "
                    + "procedure (home care's social care rules, debt advice's FCA DISP) only while nothing has been sent under the "
                    + "old one (no acknowledgement, response, holding response or extension): the stage and clocks are then worked "
                    + "out again from the original receipt under the new procedure. Otherwise refused 422, saying to withdraw the "
                    + "case and log it again on the right line.")
    CaseView serviceLine(@PathVariable String organisation, @PathVariable("case") String caseRef,
                         @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody ServiceLineRequest r) {
        TextLimits.check(r);
        return casework.act(organisation, caseRef, r.expectedVersion(), actor(actor), (file, now, clocks) ->
                file.correctServiceLine(r.serviceLine().strip(), r.reason().strip(), at(r.at(), now), actor(actor), clocks));
    }

    @PostMapping("/{case}/reclassify")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reclassify a contact, e.g. a service request the resident is unhappy with becomes a complaint (Code 1.5): a new linked case")
    CreatedResponse reclassify(@PathVariable String organisation, @PathVariable("case") String caseRef,
                               @RequestHeader(value = "X-Actor", required = false) @Nullable String actor, @RequestBody ReclassifyRequest r) {
        TextLimits.check(r);
        Casework.Created created = casework.reclassify(organisation, caseRef, r.recordType().strip(), actor(actor));
        return new CreatedResponse(created.view(), false, created.warnings());
    }

    // ---- mapping -----------------------------------------------------------------------------------------

    private static NewCase newCase(NewCaseRequest r) {
        // the request's shape declared on CaseRequests, then what needs more than one field
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(r));
        ComplainantRequest c = r.complainant();
        if (c == null) errors.add(new FieldError("complainant.name", "is required"));
        if (c != null && c.preferredContact() == ContactMethod.EMAIL && blank(c.email())) {
            errors.add(new FieldError("complainant.email", "is required when the preferred contact is email (A-2)"));
        }
        RepresentativeRequest rep = r.representative();
        List<String> points = r.points() == null ? List.of() : r.points().stream().map(String::strip).toList();
        if (r.pointCategories() != null && r.pointCategories().size() > points.size()) {
            errors.add(new FieldError("pointCategories", "has " + r.pointCategories().size() + " entries for " + points.size()
                    + " points: give one for each point, in order"));
        }
        List<NamedPersonRequest> named = r.namedPeople() == null ? List.of() : r.namedPeople();
        for (int i = 0; i < named.size(); i++) {
            if (named.get(i) == null) errors.add(new FieldError("namedPeople[" + i + "].name", "is required"));
        }
        throwIfAny(errors);
        return new NewCase(r.recordType().strip(), r.channel(), r.receivedAt(),
                new Complainant(c.name().strip(), emptyToNull(c.email()), emptyToNull(c.phone()), emptyToNull(c.address()),
                        c.preferredContact(), emptyToNull(c.reasonableAdjustments()), c.formats() == null ? List.of() : c.formats(),
                        c.tenure() == null ? Tenure.UNKNOWN : c.tenure()),
                rep == null ? null : new Representative(rep.name().strip(), rep.relationship(), rep.email(), rep.phone(), true, rep.consentDate(),
                        emptyToNull(rep.consentHow())),
                named.stream().map(p -> new NamedPerson(p.name().strip(), p.kind().strip(), emptyToNull(p.role()))).toList(),
                new Classification(emptyToNull(r.serviceLine()), emptyToNull(r.serviceArea()), emptyToNull(r.subject()), emptyToNull(r.subSubject()),
                        emptyToNull(r.category())),
                r.description().strip(), emptyToNull(r.outcomeWanted()), emptyToNull(r.understanding()), r.awareSince(), points, null,
                emptyToNull(r.receivedBy()), r.pointCategories() == null ? List.of() : r.pointCategories().stream().map(CaseController::emptyToNull).toList());
    }

    private static @Nullable Satisfaction satisfaction(@Nullable SatisfactionRequest s) {
        return s == null ? null : new Satisfaction(s.withHandling(), s.withOutcome(), s.reasons());
    }

    private static Instant at(@Nullable Instant requested, Instant now) {
        if (requested == null) {
            return now;
        }
        if (requested.isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("at", "cannot be in the future");
        }
        return requested;
    }

    private static String actor(@Nullable String actor) {
        TextLimits.check("X-Actor", actor, TextLimits.NAME);
        return actor == null || actor.isBlank() ? "api" : actor.strip();
    }

    private static String required(String field, @Nullable String value) {
        if (blank(value)) {
            throw new InvalidInputException(field, "is required");
        }
        return value.strip();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return blank(value) ? null : value.strip();
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
