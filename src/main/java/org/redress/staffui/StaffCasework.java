package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permission;
import org.redress.accounts.Permissions;
import org.redress.accounts.Role;
import org.redress.casework.CaseActions;
import org.redress.casework.CaseFile.NewCase;
import org.redress.casework.CaseFile.PointDecision;
import org.redress.casework.CaseQuery;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseSection;
import org.redress.casework.CaseSummary;
import org.redress.casework.CaseTypes.*;
import org.redress.casework.CaseVerb;
import org.redress.casework.CaseView;
import org.redress.casework.StaffWork;
import org.redress.casework.CaseDisclosure;
import org.redress.casework.Casework;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.publicweb.Attachments;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.TextLimits;
import org.redress.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the staff pages need from casework, in the shape the pages show it. Each call is one {@link Casework} call;
 * the permission matrix decides which actions a page offers (the security filter refuses the rest).
 */
@Service
class StaffCasework {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int PAGE_SIZE = 25;

    private final Casework casework;
    private final CaseDisclosure disclosure;
    private final Accounts accounts;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final Attachments attachments;
    private final Clock clock;

    private final List<CaseSection> sections;
    private final List<StaffWork> otherWork;

    StaffCasework(Casework casework, Accounts accounts, Organisations organisations, PolicyPacks packs, Attachments attachments, Clock clock,
                  List<CaseSection> sections, List<StaffWork> otherWork, CaseDisclosure disclosure) {
        this.otherWork = otherWork;
        this.disclosure = disclosure;
        this.attachments = attachments;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(CaseSection::order).thenComparing(CaseSection::id)).toList();
        this.casework = casework;
        this.accounts = accounts;
        this.organisations = organisations;
        this.packs = packs;
        this.clock = clock;
    }

    /** The header of every staff page: who is signed in, their role here, and the organisations they may switch to. */
    record StaffNav(String username, String displayName, @Nullable String role, List<Organisation> organisations, boolean mayLog,
                    boolean mayAdminister) {
    }

    StaffNav nav(String username, @Nullable String organisation) {
        Optional<Accounts.StaffMember> member = accounts.find(username);
        Optional<Role> role = organisation == null ? Optional.empty() : accounts.roleIn(username, organisation);
        return new StaffNav(username, member.map(Accounts.StaffMember::displayName).orElse(username),
                role.map(Role::label).orElse(null), accounts.organisationsOf(username),
                role.map(r -> Permissions.allows(r, Permission.LOG_CONTACT)).orElse(false),
                role.map(r -> Permissions.allows(r, Permission.ADMINISTER)).orElse(false));
    }

    List<Organisation> organisationsOf(String username) {
        return accounts.organisationsOf(username);
    }

    // ---- my work --------------------------------------------------------------------------------------------

    record WorkFilter(@Nullable String mine, @Nullable String type, @Nullable String stage, @Nullable String serviceArea,
                      @Nullable String clockStatus, @Nullable String q, @Nullable String cursor) {
    }

    record WorkList(Organisation organisation, PolicyPack pack, CaseSummary.Page page, WorkFilter filter, List<FieldError> errors) {
    }

    WorkList workList(CaseScope scope, String username, WorkFilter f) {
        Organisation org = organisations.require(scope.organisation());
        PolicyPack pack = packs.active(org.policyPack()).orElseThrow(() -> new NotFoundException("organisation", "no active pack"));
        List<FieldError> errors = new ArrayList<>();
        Integer stage = null;
        if (!blank(f.stage())) {
            try {
                stage = Integer.parseInt(f.stage().strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("stage", "Choose a stage from the list"));
            }
        }
        ClockStatus status = null;
        if (!blank(f.clockStatus())) {
            try {
                status = ClockStatus.valueOf(f.clockStatus());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("clockStatus", "Choose a deadline status from the list"));
            }
        }
        CaseSummary.Page page;
        try {
            page = casework.list(scope, new CaseQuery(blankToNull(f.type()), null, stage,
                    "yes".equals(f.mine()) ? username : null, blankToNull(f.serviceArea()), status, null, blankToNull(f.q()), "due",
                    PAGE_SIZE, blankToNull(f.cursor())));
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            page = new CaseSummary.Page(List.of(), null);
        }
        return new WorkList(org, pack, page, f, errors);
    }

    /** The member's work that other modules keep (their open actions, ...), overdue first then by due date. */
    List<StaffWork.Item> otherWork(CaseScope scope, String username) {
        organisations.require(scope.organisation());
        return otherWork.stream().flatMap(w -> w.openWorkOf(scope, username).stream())
                .sorted(java.util.Comparator.comparing((StaffWork.Item i) -> !i.overdue())
                        .thenComparing(StaffWork.Item::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    // ---- log a contact ------------------------------------------------------------------------------------------

    record ContactPage(Organisation organisation, PolicyPack pack, List<Casework.AdmissionWarning> warnings, List<FieldError> errors) {
    }

    ContactPage contactPage(String organisation) {
        Organisation org = organisations.require(organisation);
        return new ContactPage(org, pack(org), List.of(), List.of());
    }

    /** The warnings logging this contact would raise (F-3, F-11, F-2, S0-3), or what is missing to check it. */
    ContactPage check(String organisation, ContactForm form) {
        Organisation org = organisations.require(organisation);
        PolicyPack pack = pack(org);
        List<FieldError> errors = new ArrayList<>(TextLimits.formErrorsIn(form));
        NewCase request = errors.isEmpty() ? newCase(form, pack, errors) : null;
        if (!errors.isEmpty() || request == null) {
            return new ContactPage(org, pack, exclusionWarnings(pack, form), errors);
        }
        List<Casework.AdmissionWarning> warnings = new ArrayList<>(exclusionWarnings(pack, form));
        try {
            warnings.addAll(casework.check(organisation, request));
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        } catch (org.redress.casework.CaseRefusedException e) {
            errors.add(new FieldError(e.refusal().field() == null ? "recordType" : e.refusal().field(), e.refusal().describe()));
        }
        return new ContactPage(org, pack, warnings, errors);
    }

    record Logged(@Nullable CaseView view, ContactPage page) {
    }

    Logged log(String organisation, String username, ContactForm form) {
        Organisation org = organisations.require(organisation);
        PolicyPack pack = pack(org);
        List<FieldError> errors = new ArrayList<>(TextLimits.formErrorsIn(form));
        NewCase request = errors.isEmpty() ? newCase(form, pack, errors) : null;
        if (!errors.isEmpty() || request == null) {
            return new Logged(null, new ContactPage(org, pack, exclusionWarnings(pack, form), errors));
        }
        try {
            Casework.Created created = casework.create(organisation, request, null, username);
            return new Logged(created.view(), new ContactPage(org, pack, created.warnings(), List.of()));
        } catch (InvalidInputException e) {
            return new Logged(null, new ContactPage(org, pack, List.of(), e.errors()));
        } catch (org.redress.casework.CaseRefusedException e) {
            return new Logged(null, new ContactPage(org, pack, List.of(),
                    List.of(new FieldError(e.refusal().field() == null ? "recordType" : e.refusal().field(), e.refusal().describe()))));
        }
    }

    private static List<Casework.AdmissionWarning> exclusionWarnings(PolicyPack pack, ContactForm form) {
        if (blank(form.exclusion())) {
            return List.of();
        }
        return pack.exclusions().stream().filter(x -> x.id().equals(form.exclusion())).map(x -> new Casework.AdmissionWarning(
                "OUT_OF_SCOPE", "out of scope under this policy: " + x.description()
                + (x.redirectTo() == null ? "" : "; redirect it to " + x.redirectTo())
                + ". You can still log it, then decline it with the reason", x.cite(), List.of())).toList();
    }

    private @Nullable NewCase newCase(ContactForm f, PolicyPack pack, List<FieldError> errors) {
        if (blank(f.recordType()) || pack.recordType(f.recordType()).isEmpty()) errors.add(new FieldError("recordType", "Choose what kind of contact this is"));
        Channel channel = null;
        try {
            channel = blank(f.channel()) ? null : Channel.valueOf(f.channel());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (channel == null) errors.add(new FieldError("channel", "Choose how the contact was made"));
        if (blank(f.name())) errors.add(new FieldError("name", "Enter the name of the person contacting us"));
        if (!blank(f.email()) && !f.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", "Enter an email address in the correct format, like name@example.com"));
        }
        ContactMethod preferred = null;
        if (!blank(f.preferredContact())) {
            try {
                preferred = ContactMethod.valueOf(f.preferredContact());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("preferredContact", "Choose a contact method from the list"));
            }
        }
        if (preferred == ContactMethod.EMAIL && blank(f.email())) errors.add(new FieldError("email", "Enter an email address, because email is the preferred contact (A-2)"));
        if ((preferred == ContactMethod.PHONE || preferred == ContactMethod.TEXT) && blank(f.phone())) {
            errors.add(new FieldError("phone", "Enter a phone number, because phone or text is the preferred contact (A-2)"));
        }
        if (preferred == ContactMethod.POST && blank(f.address())) errors.add(new FieldError("address", "Enter an address, because post is the preferred contact (A-2)"));
        Tenure tenure = Tenure.UNKNOWN;
        if (!blank(f.tenure())) {
            tenure = enumValue(Tenure.class, f.tenure(), "tenure", "Choose their tenure from the list, or 'Not known'", errors);
            if (tenure != null && tenure != Tenure.UNKNOWN && !pack.organisation().socialLandlord()) {
                errors.add(new FieldError("tenure", "Only a social landlord records a tenure: leave it as 'Not known'"));
            }
        }
        if (blank(f.description())) errors.add(new FieldError("description", "Enter what happened, in the person's own words"));
        LocalDate received = date(f.receivedDate(), "receivedDate", "the date it was received", errors);
        LocalDate aware = date(f.awareSince(), "awareSince", "the date they first knew about the problem", errors);
        if (received != null && received.isAfter(LocalDate.now(clock.withZone(UK)))) {
            errors.add(new FieldError("receivedDate", "The date received must be today or in the past"));
        }
        boolean hasRepresentative = !blank(f.representativeName());
        if (hasRepresentative && !"yes".equals(f.representativeConsent())) {
            errors.add(new FieldError("representativeConsent", "Confirm the person has agreed to the representative acting for them (H-4)"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Instant receivedAt = received == null || received.equals(LocalDate.now(clock.withZone(UK))) ? clock.instant()
                : received.atTime(9, 0).atZone(UK).toInstant();
        List<String> points = blank(f.points()) ? List.of() : Arrays.stream(f.points().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new NewCase(f.recordType(), channel, receivedAt,
                new Complainant(f.name().strip(), blankToNull(f.email()), blankToNull(f.phone()), blankToNull(f.address()), preferred,
                        blankToNull(f.reasonableAdjustments()), List.of(), tenure == null ? Tenure.UNKNOWN : tenure),
                hasRepresentative ? new Representative(f.representativeName().strip(), blankToNull(f.representativeRelationship()), null, null,
                        true, LocalDate.now(clock.withZone(UK))) : null,
                List.of(), new Classification(null, blankToNull(f.serviceArea()), blankToNull(f.subject()), null),
                f.description().strip(), blankToNull(f.outcomeWanted()), null, aware, points, null);
    }

    // ---- the case page ----------------------------------------------------------------------------------------

    /** An action the page offers: its verb, its title, and what the rule requires. */
    record Offer(String verb, String title, String requires) {
    }

    record CasePage(CaseView view, PolicyPack pack, List<Offer> offers, @Nullable Role role, List<Attachments.Attachment> attachments,
                    List<SectionLink> sections) {
    }

    /** A link from the case page to a part of the case another module keeps, with its one-line summary. */
    record SectionLink(String id, String title, @Nullable String summary) {
    }

    CasePage casePage(String organisation, String reference, String username) {
        CaseView view = disclosure.show(casework.get(organisation, reference));
        PolicyPack pack = packs.version(view.pack().id(), view.pack().version());
        Optional<Role> role = accounts.roleIn(username, organisation);
        List<Offer> offers = view.allowedActions().stream()
                .filter(verb -> role.map(r -> CaseVerb.named(verb).map(v -> Permissions.allows(r, v.permission())).orElse(false)).orElse(false))
                .map(verb -> offer(verb, view, pack)).toList();
        List<SectionLink> links = sections.stream().filter(s -> s.visibleTo(organisation, view, username))
                .map(s -> new SectionLink(s.id(), s.title(), s.summary(organisation, view, username).orElse(null))).toList();
        return new CasePage(view, pack, offers, role.orElse(null), attachments.list(organisation, view.reference()), links);
    }

    private static Offer offer(String verb, CaseView view, PolicyPack pack) {
        Optional<PolicyPack.Stage> stage = pack.stage(view.stage());
        String clockRules = view.clocks().stream().filter(c -> c.status() != ClockStatus.MET && c.status() != ClockStatus.MET_LATE
                        && c.status() != ClockStatus.CANCELLED && c.stoppedAt() == null)
                .map(c -> c.name() + ": " + extensionText(pack, c)).reduce((a, b) -> a + " " + b).orElse("No clock is running.");
        return switch (verb) {
            case "acknowledge" -> new Offer(verb, "Acknowledge", "Stops the acknowledgement clock. Use the contact method the person prefers (A-2).");
            case "assign" -> new Offer(verb, "Give this stage an owner", stage.filter(PolicyPack.Stage::differentHandler).isPresent()
                    ? "This stage must be handled by someone other than the previous stage's handler (Code 6.13)." : "The owner is shown on the work list.");
            case "contact" -> new Offer(verb, "Record contact with the person", "Say what was discussed. Stops a 'contact within' clock (T-5).");
            case "understanding" -> new Offer(verb, "Record what the complaint is about", "Your understanding of the complaint and "
                    + "the outcome the person wants, in your words, as you have agreed them with the person (Code 5.6, A-6).");
            case "points" -> new Offer(verb, "Add a point of complaint", "Each point gets its own decision and reasons in the response (Code 6.7).");
            case "evidence" -> new Offer(verb, "Record evidence", "An interview, records examined or a site visit, with the date, who and notes (S0-6).");
            case "extend" -> new Offer(verb, "Extend a deadline", clockRules);
            case "hold" -> new Offer(verb, "Put on hold", "The clocks pause until the case is resumed, for example for court proceedings (A-11).");
            case "resume" -> new Offer(verb, "Resume", "The clocks restart with the time they had left.");
            case "respond" -> new Offer(verb, "Send the response", "Give a decision and reasons for every point, and a date for every promised action (Code 6.7, A-5)."
                    + (pack.stepsIn(view.stage()).stream().anyMatch(PolicyPack.StepRule::beforeResponse)
                    ? " First record: " + pack.stepsIn(view.stage()).stream().filter(PolicyPack.StepRule::beforeResponse).map(PolicyPack.StepRule::id).toList() + "." : ""));
            case "steps" -> new Offer(verb, "Record a step", "For example a case conference decision (A-8) or the person's comments on adverse findings (A-9).");
            case "withdraw" -> new Offer(verb, "Record that the person withdrew", "Give the reason they gave.");
            case "decline" -> new Offer(verb, "Decline the complaint", "Give the ground and reasons; the person is told with the ombudsman's details (F-3, F-10, T-3). Never a silent rejection.");
            case "close" -> new Offer(verb, "Close the case", "Ask the person whether they are satisfied with how it was handled and with the outcome (H-7).");
            case "reopen" -> new Offer(verb, "Reopen", "Give the reason. The stage's response clock runs again.");
            case "escalation-request" -> new Offer(verb, "Record a request to escalate", escalationText(view, pack));
            case "accept-escalation" -> new Offer(verb, "Accept the escalation", "Acknowledges the request and starts the stage's response clock.");
            case "refuse-escalation" -> new Offer(verb, "Refuse the escalation", "Only on the policy's grounds, with reasons and the ombudsman's details (T-8, T-3).");
            case "reclassify" -> new Offer(verb, "Reclassify", "A new linked case is logged; this one stays open with the link (Code 1.5).");
            case "tenure" -> new Offer(verb, "Record their tenure", "The regulator's measures CH01 and CH02 are reported by tenure "
                    + "(R-2). Correct it whenever you learn it, whatever the case's status.");
            default -> new Offer(verb, verb, "");
        };
    }

    private static String extensionText(PolicyPack pack, CaseView.ClockView c) {
        Optional<PolicyPack.ClockRule> rule = pack.stage(c.stage()).flatMap(s -> s.clock(c.id()));
        if (rule.isEmpty() || rule.get().extensions().isEmpty()) {
            return "this policy allows no extension.";
        }
        return rule.get().extensions().stream().map(x -> (x.upTo() == null ? "an extension" : "up to " + x.upTo() + " " + x.unit().name().toLowerCase(Locale.UK).replace('_', ' '))
                + (x.needsAgreement() ? ", with the person's agreement" : "") + (x.needsReason() ? ", with a reason" : "")
                + (x.condition() == null ? "" : " (" + x.condition() + ")") + (x.cite() == null ? "" : " [" + x.cite() + "]"))
                .reduce((a, b) -> a + "; then " + b).orElse("") + ".";
    }

    private static String escalationText(CaseView view, PolicyPack pack) {
        String window = view.escalationWindow() == null ? "" : " The window closes on " + view.escalationWindow().closesOn()
                + " (" + view.escalationWindow().explanation() + "); after that, give a reason to accept it late.";
        return "Record what is still unresolved and the outcome wanted (A-6)." + window;
    }

    /** Applies a verb from the case page as the signed-in user; refusals come back as the casework exceptions. */
    CaseView act(String organisation, String reference, String username, String verb, ActionForm f) {
        TextLimits.checkForm(f);
        CaseActions on = casework.on(organisation, reference, username).atVersion(f.version());
        return switch (verb) {
            case "acknowledge" -> on.acknowledge(blankToNull(f.method()));
            case "assign" -> {
                String owner = required("owner", f.owner(), "Enter the username of the owner");
                yield on.assign(owner);
            }
            case "contact" -> {
                String note = required("note", f.note(), "Enter what was discussed");
                yield on.recordContact(note);
            }
            case "points" -> {
                String summary = required("summary", f.summary(), "Enter the point of complaint");
                yield on.addPoint(summary);
            }
            case "understanding" -> {
                if (blank(f.understanding()) && blank(f.outcomeWanted())) {
                    throwIfAny(List.of(new FieldError("understanding", "Enter your understanding of the complaint or the outcome wanted")));
                }
                yield on.recordUnderstanding(blankToNull(f.understanding()), blankToNull(f.outcomeWanted()));
            }
            case "evidence" -> {
                List<FieldError> errors = new ArrayList<>();
                EvidenceKind kind = enumValue(EvidenceKind.class, f.kind(), "kind", "Choose the kind of evidence", errors);
                LocalDate date = date(f.date(), "date", "the date of the evidence", errors);
                if (date == null && errors.stream().noneMatch(e -> e.field().equals("date"))) errors.add(new FieldError("date", "Enter the date of the evidence"));
                if (blank(f.who())) errors.add(new FieldError("who", "Enter who was involved"));
                if (blank(f.notes())) errors.add(new FieldError("notes", "Enter notes"));
                throwIfAny(errors);
                yield on.recordEvidence(kind, date, f.who().strip(), f.notes().strip());
            }
            case "extend" -> {
                List<FieldError> errors = new ArrayList<>();
                if (blank(f.clock())) errors.add(new FieldError("clock", "Choose the deadline to extend"));
                int amount = 0;
                try {
                    amount = Integer.parseInt(f.amount() == null ? "" : f.amount().strip());
                    if (amount < 1) errors.add(new FieldError("amount", "Enter a number of 1 or more"));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("amount", "Enter the extension as a whole number"));
                }
                throwIfAny(errors);
                yield on.extend(f.clock(), amount, f.reason() == null ? "" : f.reason().strip(), "yes".equals(f.complainantAgreed()));
            }
            case "hold" -> {
                List<FieldError> errors = new ArrayList<>();
                HoldKind kind = enumValue(HoldKind.class, f.kind(), "kind", "Choose why the case is on hold", errors);
                throwIfAny(errors);
                yield on.hold(kind, f.reason() == null ? "" : f.reason().strip());
            }
            case "resume" -> on.resume(blankToNull(f.note()));
            case "steps" -> {
                String step = required("step", f.step(), "Choose the step");
                yield on.recordStep(step, f.note() == null ? "" : f.note().strip());
            }
            case "respond" -> respond(on, f);
            case "withdraw" -> {
                String reason = required("reason", f.reason(), "Enter the reason the person gave");
                yield on.withdraw(reason);
            }
            case "decline" -> {
                List<FieldError> errors = new ArrayList<>();
                DeclineGround ground = enumValue(DeclineGround.class, f.ground(), "ground", "Choose the ground for declining", errors);
                if (blank(f.reason())) errors.add(new FieldError("reason", "Enter the reasons the person will be given"));
                throwIfAny(errors);
                yield on.decline(ground, blankToNull(f.exclusion()), f.reason().strip(), blankToNull(f.decidedBy()));
            }
            case "close" -> {
                Satisfaction satisfaction = blank(f.satisfiedWithHandling()) && blank(f.satisfiedWithOutcome()) ? null
                        : new Satisfaction(yesNo(f.satisfiedWithHandling()), yesNo(f.satisfiedWithOutcome()), blankToNull(f.reason()));
                yield on.close(satisfaction, blankToNull(f.note()));
            }
            case "reopen" -> {
                String reason = required("reason", f.reason(), "Enter why the case is reopened");
                yield on.reopen(reason);
            }
            case "escalation-request" -> on.requestEscalation(blankToNull(f.unresolved()), blankToNull(f.outcomeWanted()),
                    blankToNull(f.lateAcceptedBecause()));
            case "accept-escalation" -> on.acceptEscalation();
            case "refuse-escalation" -> {
                String ground = required("ground", f.ground(), "Choose the ground for refusing");
                yield on.refuseEscalation(ground, f.reason() == null ? "" : f.reason().strip());
            }
            case "reclassify" -> casework.reclassify(organisation, reference, required("recordType", f.recordType(), "Choose the new record type"), username).view();
            case "tenure" -> {
                List<FieldError> errors = new ArrayList<>();
                Tenure tenure = enumValue(Tenure.class, f.tenure(), "tenure", "Choose their tenure, or 'Not known'", errors);
                throwIfAny(errors);
                yield on.recordTenure(tenure);
            }
            default -> throw new NotFoundException("action", "no action '" + verb + "'");
        };
    }

    private static CaseView respond(CaseActions on, ActionForm f) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(f.summary())) errors.add(new FieldError("summary", "Enter how the concerns were resolved (S0-8)"));
        List<PointDecision> decisions = new ArrayList<>();
        List<String> numbers = f.pointNumber() == null ? List.of() : f.pointNumber();
        for (int i = 0; i < numbers.size(); i++) {
            String outcome = f.pointOutcome() != null && i < f.pointOutcome().size() ? f.pointOutcome().get(i) : null;
            String reasons = f.pointReasons() != null && i < f.pointReasons().size() ? f.pointReasons().get(i) : null;
            Outcome o = enumValue(Outcome.class, outcome, "pointOutcome" + numbers.get(i), "Choose a decision for point " + numbers.get(i), errors);
            if (blank(reasons)) errors.add(new FieldError("pointReasons" + numbers.get(i), "Enter the reasons for point " + numbers.get(i) + " (Code 6.7)"));
            if (o != null && !blank(reasons)) decisions.add(new PointDecision(Integer.parseInt(numbers.get(i)), o, reasons.strip()));
        }
        List<Action> actions = new ArrayList<>();
        if (!blank(f.actions())) {
            for (String line : f.actions().split("\\R")) {
                if (line.isBlank()) continue;
                int bar = line.lastIndexOf('|');
                LocalDate due = null;
                if (bar > 0) {
                    try {
                        due = RequestDates.parse(line.substring(bar + 1));
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                }
                if (due == null) {
                    errors.add(new FieldError("actions", "Write each action as 'what will be done | due date', for example 'Repair the boiler | 2027-01-08' (A-5)"));
                } else {
                    actions.add(new Action(line.substring(0, bar).strip(), due, null));
                }
            }
        }
        throwIfAny(errors);
        return on.respond(decisions, f.summary().strip(), actions);
    }

    /** An attached file of a case this user may see (the security filter has checked the organisation). */
    Optional<Attachments.Content> attachment(String organisation, String reference, String id) {
        if (!casework.exists(organisation, reference)) {
            // includes a case outside the reader's service areas (CaseAccess)
            return Optional.empty();
        }
        try {
            return attachments.content(organisation, reference, java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private PolicyPack pack(Organisation org) {
        return packs.active(org.policyPack()).orElseThrow(() -> new NotFoundException("organisation", "no active policy pack"));
    }

    private static @Nullable Boolean yesNo(@Nullable String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    private static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, @Nullable String value, String field, String message, List<FieldError> errors) {
        try {
            if (!blank(value)) return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError(field, message));
        return null;
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, String what, List<FieldError> errors) {
        if (blank(value)) return null;
        try {
            return RequestDates.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter " + what + " as a real date" + RequestDates.hint(e, "")));
            return null;
        }
    }

    private static String required(String field, @Nullable String value, String message) {
        if (blank(value)) throw new InvalidInputException(field, message);
        return value.strip();
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
    }

    static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return blank(value) ? null : value.strip();
    }
}
