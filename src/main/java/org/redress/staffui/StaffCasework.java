package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permission;
import org.redress.accounts.Permissions;
import org.redress.accounts.Role;
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
import org.redress.correspondence.CallTasks;
import org.redress.publicweb.Attachments;
import org.redress.publicweb.StaffUploads;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.redress.staffui.FormValues.blank;
import static org.redress.staffui.FormValues.blankToNull;

/**
 * What the staff pages read from casework, in the shape the pages show it: the header, the work list and the case page.
 * Each call is one {@link Casework} call; the permission matrix decides which actions a page offers (the security
 * filter refuses the rest). Logging a contact is {@link ContactLogging}; the case page's actions are {@link CaseActions}.
 */
@Service
class StaffCasework {

    private static final int PAGE_SIZE = 25;

    private final Casework casework;
    private final CaseDisclosure disclosure;
    private final Accounts accounts;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final Attachments attachments;
    private final StaffUploads uploads;
    private final CallTasks calls;

    private final List<CaseSection> sections;
    private final List<StaffWork> otherWork;
    private final org.redress.accounts.PackRoles packRoles;

    StaffCasework(Casework casework, Accounts accounts, Organisations organisations, PolicyPacks packs, Attachments attachments,
                  List<CaseSection> sections, List<StaffWork> otherWork, CaseDisclosure disclosure, org.redress.accounts.PackRoles packRoles,
                  StaffUploads uploads, CallTasks calls) {
        this.uploads = uploads;
        this.calls = calls;
        this.packRoles = packRoles;
        this.otherWork = otherWork;
        this.disclosure = disclosure;
        this.attachments = attachments;
        this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(CaseSection::order).thenComparing(CaseSection::id)).toList();
        this.casework = casework;
        this.accounts = accounts;
        this.organisations = organisations;
        this.packs = packs;
    }

    /** The header of every staff page: who is signed in, their role here, and the organisations they may switch to. */
    record StaffNav(String username, String displayName, @Nullable String role, List<Organisation> organisations, boolean mayLog,
                    boolean mayAdminister, List<MenuLink> links) {
    }

    /** A page in the staff menu; {@code current} when the page shown is it or one under it. */
    record MenuLink(String label, String href, boolean current) {
    }

    StaffNav nav(String username, @Nullable String organisation, List<org.redress.pages.StaffMenuItem> menu, String path) {
        Optional<Accounts.StaffMember> member = accounts.find(username);
        Optional<Role> role = organisation == null ? Optional.empty() : accounts.roleIn(username, organisation);
        List<MenuLink> links = role.map(r -> StaffMenu.linksFor(r, organisation, menu, path)).orElse(List.of());
        return new StaffNav(username, member.map(Accounts.StaffMember::displayName).orElse(username),
                role.map(Role::label).orElse(null), accounts.organisationsOf(username),
                role.map(r -> Permissions.allows(r, Permission.LOG_CONTACT)).orElse(false),
                role.map(r -> Permissions.allows(r, Permission.ADMINISTER)).orElse(false), links);
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

    // ---- the case page ----------------------------------------------------------------------------------------

    /** An action the page offers: its verb, its title, and what the rule requires. */
    record Offer(String verb, String title, String requires) {
    }

    /**
     * @param mayUpload whether the member may upload files on the case (issue 21, S0-6); {@code uploadRule} says which
     * @param calls the letters the case's procedure required that are to be given by phone, or cannot be sent
     */
    record CasePage(CaseView view, PolicyPack pack, List<Offer> offers, @Nullable Role role, List<Attachments.Attachment> attachments,
                    List<SectionLink> sections, List<OwnerChoice> owners, boolean mayUpload, String uploadRule, List<CallTasks.CallTask> calls) {
    }

    /** A role that owns the case's current stage, in the pack's words, and the members who hold it (H-6, A-3). */
    record OwnerChoice(String role, String roleName, List<String> holders) {
    }

    /** A link from the case page to a part of the case another module keeps, with its one-line summary. */
    record SectionLink(String id, String title, @Nullable String summary) {
    }

    CasePage casePage(String organisation, String reference, String username) {
        CaseView view = disclosure.show(casework.get(organisation, reference));
        PolicyPack pack = packs.version(view.pack().id(), view.pack().version()).forServiceLine(view.classification().serviceLine());
        Optional<Role> role = accounts.roleIn(username, organisation);
        List<Offer> offers = view.allowedActions().stream()
                .filter(verb -> role.map(r -> CaseVerb.named(verb).map(v -> Permissions.allows(r, v.permission())).orElse(false)).orElse(false))
                .map(verb -> offer(verb, view, pack)).toList();
        List<SectionLink> links = sections.stream().filter(s -> s.visibleTo(organisation, view, username))
                .map(s -> new SectionLink(s.id(), s.title(), s.summary(organisation, view, username).orElse(null))).toList();
        List<OwnerChoice> owners = pack.stage(view.stage()).map(PolicyPack.Stage::ownerRoles).orElse(List.of()).stream()
                .map(r -> new OwnerChoice(r, pack.role(r).map(PolicyPack.Role::name).orElse(r), packRoles.holders(organisation, r))).toList();
        boolean mayWork = role.map(r -> Permissions.allows(r, Permission.WORK_CASE)).orElse(false);
        return new CasePage(view, pack, offers, role.orElse(null), attachments.list(organisation, view.reference()), links, owners,
                mayWork, StaffUploads.RULE, calls.openOn(organisation, view.reference()));
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
            case "contact-arrangement" -> new Offer(verb, "Record how and how often you will contact the person",
                    "Agree with the person how you will keep them updated and how often, before the response.");
            case "summary-resolution" -> new Offer(verb, "Close it as resolved within the first days", "Only while the window for "
                    + "a summary resolution is open (shown under Deadlines). The person is sent a letter saying it is resolved, and "
                    + "the case closes. After the window, send a final or holding response instead.");
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
            case "mediation" -> new Offer(verb, "Record mediation", "Referral to an independent mediator can be offered at any point "
                    + "while the case is open (F-6). Record each step on its day: the offer with the mediator, the person's answer, "
                    + "each session held, and the outcome.");
            case "withdraw" -> new Offer(verb, "Record that the person withdrew", "Give the reason they gave.");
            case "decline" -> new Offer(verb, "Decline the complaint", "Give the ground and reasons; the person is told with the ombudsman's details (F-3, F-10, T-3). Never a silent rejection.");
            case "investigate-anyway" -> new Offer(verb, "Investigate anyway", "The complaint was made after the policy's time "
                    + "limit, so it would not normally be investigated. Say why it is investigated anyway; your decision is recorded.");
            case "close" -> new Offer(verb, "Close the case", "Ask the person whether they are satisfied with how it was handled and with the outcome (H-7).");
            case "reopen" -> new Offer(verb, "Reopen", "Give the reason. The stage's response clock runs again.");
            case "escalation-request" -> new Offer(verb, "Record a request to escalate", escalationText(view, pack));
            case "accept-escalation" -> new Offer(verb, "Accept the escalation", "Acknowledges the request and starts the stage's response clock.");
            case "refuse-escalation" -> new Offer(verb, "Refuse the escalation", "Only on the policy's grounds, with reasons and the ombudsman's details (T-8, T-3).");
            case "reclassify" -> new Offer(verb, "Reclassify", "A new linked case is logged; this one stays open with the link (Code 1.5).");
            case "service-line" -> new Offer(verb, "Correct the service line", "If the case was logged on the wrong service line. "
                    + "Lines that follow the same complaint procedure can be swapped at any time. Moving to a line with a different "
                    + "procedure is only possible before anything has been sent to the person; the deadlines are then worked out "
                    + "again from the day the complaint was received. The reports follow the corrected line.");
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
                + (x.needsAgreement() ? x.withoutAgreement() == PolicyPack.WithoutAgreement.TELL_OMBUDSMAN
                ? ", with the person's agreement or, if they do not agree, telling them how to challenge the date with the ombudsman"
                : ", with the person's agreement" : "") + (x.needsReason() ? ", with a reason" : "")
                + (x.condition() == null ? "" : " (" + x.condition() + ")") + (x.cite() == null ? "" : " [" + x.cite() + "]"))
                .reduce((a, b) -> a + "; then " + b).orElse("") + ".";
    }

    private static String escalationText(CaseView view, PolicyPack pack) {
        String window = view.escalationWindow() == null ? "" : " The window closes on " + view.escalationWindow().closesOn()
                + " (" + view.escalationWindow().explanation() + "); after that, give a reason to accept it late.";
        return "Record what is still unresolved and the outcome wanted (A-6)." + window;
    }

    /** Keeps a file on the case, or on one piece of its evidence (S0-6). */
    Attachments.Attachment upload(String organisation, String reference, @Nullable String filename, byte @Nullable [] content,
                                  @Nullable String evidence, String username) {
        return uploads.upload(organisation, reference, filename, content, evidence, username);
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
}
