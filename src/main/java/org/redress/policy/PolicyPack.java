package org.redress.policy;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * One version of one organisation's procedure. Cases keep the version they started under.
 *
 * @param id the pack's id, e.g. {@code alliance-homes}
 * @param version increases by one with each uploaded edit
 * @param stages in order; one, two, or three (a review panel, H-10)
 * @param assumptions what the pack assumes where its policy text is silent, and where the assumption comes from
 * @param stagesNotKept optional further stages the policy text has and the organisation does not run (F-5): read,
 *                      checked and shown, never entered; {@link #stages} holds only the stages that are run
 * @param categories what a complaint may be about (H-1), chosen when a complaint is logged; empty when the pack has none
 * @param procedures procedures of their own that service lines name (F-8: home care under the social care rules, debt
 *                   advice under DISP); a case of such a line runs its procedure's stages instead of {@link #stages}
 *                   (see {@link #forServiceLine}); empty when every line runs the pack's stages
 * @param hazardCategories Awaab's Law's hazard categories (R-3, issue 23), each with the day the law applies to it from;
 *                         empty when the pack has none (only the {@code awaabs-law-2025} reference pack has them)
 */
public record PolicyPack(
        String id,
        int version,
        String title,
        PackOrganisation organisation,
        List<ServiceLine> serviceLines,
        List<Role> roles,
        List<RecordType> recordTypes,
        List<Stage> stages,
        List<AdmissionRule> admission,
        List<Exclusion> exclusions,
        List<StepRule> steps,
        List<OmbudsmanRoute> ombudsmen,
        List<CompensationAuthority> compensation,
        List<Assumption> assumptions,
        List<String> sources,
        List<Stage> stagesNotKept,
        List<ComplaintCategory> categories,
        List<Procedure> procedures,
        List<HazardCategory> hazardCategories) {

    public PolicyPack {
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
        hazardCategories = hazardCategories == null ? List.of() : List.copyOf(hazardCategories);
    }

    /** A pack whose service lines all run its own stages and without hazard categories, as packs were before issue 23. */
    public PolicyPack(String id, int version, String title, PackOrganisation organisation, List<ServiceLine> serviceLines,
                      List<Role> roles, List<RecordType> recordTypes, List<Stage> stages, List<AdmissionRule> admission,
                      List<Exclusion> exclusions, List<StepRule> steps, List<OmbudsmanRoute> ombudsmen,
                      List<CompensationAuthority> compensation, List<Assumption> assumptions, List<String> sources,
                      List<Stage> stagesNotKept, List<ComplaintCategory> categories) {
        this(id, version, title, organisation, serviceLines, roles, recordTypes, stages, admission, exclusions, steps, ombudsmen,
                compensation, assumptions, sources, stagesNotKept, categories, List.of(), List.of());
    }

    /** A pack with no optional stage left out and no complaint categories, as packs were before issue 22. */
    public PolicyPack(String id, int version, String title, PackOrganisation organisation, List<ServiceLine> serviceLines,
                      List<Role> roles, List<RecordType> recordTypes, List<Stage> stages, List<AdmissionRule> admission,
                      List<Exclusion> exclusions, List<StepRule> steps, List<OmbudsmanRoute> ombudsmen,
                      List<CompensationAuthority> compensation, List<Assumption> assumptions, List<String> sources) {
        this(id, version, title, organisation, serviceLines, roles, recordTypes, stages, admission, exclusions, steps, ombudsmen,
                compensation, assumptions, sources, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Every role the pack names, as declared or as an owner of a stage: what a recorded owner or decider of history is
     * taken to have held when history is replayed or imported (who did it then is not what is checked).
     */
    public java.util.Set<String> everyRoleNamed() {
        java.util.Set<String> named = new java.util.HashSet<>();
        roles.forEach(r -> named.add(r.id()));
        stages.forEach(s -> named.addAll(s.ownerRoles()));
        return java.util.Set.copyOf(named);
    }

    /** The procedure of its own that a service line names (F-8); empty for a line that runs the pack's stages, or no line. */
    public Optional<Procedure> procedureFor(@Nullable String serviceLine) {
        return serviceLine == null ? Optional.empty() : serviceLine(serviceLine).map(ServiceLine::procedure)
                .flatMap(p -> procedures.stream().filter(x -> x.id().equals(p)).findFirst());
    }

    /**
     * The pack as a case of this service line runs it (F-8): its procedure's stages in place of the pack's, and its steps
     * in place of the pack's when it has steps of its own (a debt advice case's holding response, DISP 1.6.2, is not a
     * housing case's step); nothing else changed, so clocks, escalation, the final stage, steps and letters all follow the
     * procedure. The same pack when the line names no procedure of its own (or no line is given): a pack without
     * procedures behaves exactly as before.
     */
    public PolicyPack forServiceLine(@Nullable String serviceLine) {
        Optional<Procedure> procedure = procedureFor(serviceLine);
        if (procedure.isEmpty()) {
            return this;
        }
        List<StepRule> ownSteps = procedure.get().steps() == null ? steps : procedure.get().steps();
        if (procedure.get().stages().equals(stages) && ownSteps.equals(steps)) {
            return this;
        }
        return new PolicyPack(id, version, title, organisation, serviceLines, roles, recordTypes, procedure.get().stages(), admission,
                exclusions, ownSteps, ombudsmen, compensation, assumptions, sources, List.of(), categories, procedures, hazardCategories);
    }

    public Optional<ComplaintCategory> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The stages a case at {@code from} may be escalated to: each later stage whose entry names that stage's id, or, when
     * its entry names none, the stage right after it (H-10: a review for "a customer not happy with the outcome of step 1
     * or 2").
     */
    public List<Stage> stagesAfter(int from) {
        Optional<Stage> current = stage(from);
        if (current.isEmpty()) {
            return List.of();
        }
        return stages.stream().filter(s -> s.number() > from).filter(s -> {
            List<String> entered = s.entry() == null ? List.of() : s.entry().from();
            return entered.isEmpty() ? s.number() == from + 1 : entered.contains(current.get().id());
        }).toList();
    }

    public Optional<RecordType> recordType(String id) {
        return recordTypes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Stage> stage(int number) {
        return stages.stream().filter(s -> s.number() == number).findFirst();
    }

    public Optional<ServiceLine> serviceLine(String id) {
        return serviceLines.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<OmbudsmanRoute> ombudsman(String id) {
        return ombudsmen.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public Optional<Role> role(String id) {
        return roles.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<StepRule> stepsIn(int stageNumber) {
        return steps.stream().filter(s -> s.stages().contains(stageNumber)).toList();
    }

    /** The steps that can be recorded at a stage: its own, and those not tied to any stage. */
    public List<StepRule> stepsAt(int stageNumber) {
        return steps.stream().filter(s -> s.stages().isEmpty() || s.stages().contains(stageNumber)).toList();
    }

    /** The final stage's number: a response at this stage ends the internal procedure. */
    public int finalStage() {
        return stages.isEmpty() ? 0 : stages.get(stages.size() - 1).number();
    }

    /**
     * @param socialLandlord when true, every load runs the Housing Ombudsman Code check
     * @param regulators the regimes the pack says apply (housing-ombudsman-code, fca-disp, social-care-2009, ...)
     * @param phone the number complainants phone about a complaint, e.g. to get a code when there is nowhere to send one; null for none given
     */
    public record PackOrganisation(String code, String name, org.redress.calendar.Jurisdiction jurisdiction,
                                   boolean socialLandlord, List<String> regulators, @Nullable String phone) {

        /** An organisation whose pack gives no phone number for complainants. */
        public PackOrganisation(String code, String name, org.redress.calendar.Jurisdiction jurisdiction, boolean socialLandlord,
                                List<String> regulators) {
            this(code, name, jurisdiction, socialLandlord, regulators, null);
        }
    }

    /**
     * A service line such as housing, home care or debt advice (F-8), with the ombudsman its complaints go to.
     *
     * @param procedure the id of the pack's procedure its complaints run (F-8); null: the pack's own stages
     */
    public record ServiceLine(String id, String name, String ombudsman, List<String> serviceAreas, @Nullable String procedure) {

        /** A service line that runs the pack's own stages. */
        public ServiceLine(String id, String name, String ombudsman, List<String> serviceAreas) {
            this(id, name, ombudsman, serviceAreas, null);
        }
    }

    /**
     * A procedure of its own inside an organisation's pack, for the service lines that name it (F-8): its regulator, its
     * stages, numbered 1, 2, 3 by position as the pack's are, and its steps. The pack's roles, record types, admission
     * rules and ombudsmen apply to it too.
     *
     * @param regulators the regimes it follows (social-care-2009, cqc-regulation-16, fca-disp, ...)
     * @param steps the steps inside its own stages (DISP 1.6.2's holding response for debt advice), in place of the pack's;
     *              null when the procedure names none ({@code steps} left out), so its cases take the pack's steps by
     *              stage number, as every procedure did before procedures had steps of their own; empty for no steps
     */
    public record Procedure(String id, String name, List<String> regulators, List<Stage> stages, @Nullable String cite,
                            @Nullable List<StepRule> steps) {

        public Procedure {
            steps = steps == null ? null : List.copyOf(steps);
        }

        /** A procedure that takes the pack's steps by stage number. */
        public Procedure(String id, String name, List<String> regulators, List<Stage> stages, @Nullable String cite) {
            this(id, name, regulators, stages, cite, null);
        }
    }

    /** A role the procedure names: complaint management officer, feedback manager, business manager, review panel... */
    public record Role(String id, String name, @Nullable String cite) {
    }

    /**
     * How a kind of contact is handled.
     *
     * @param handling STAGED runs through the stages; CLOCKED has only its own clocks (issue/concern, service
     *                 request); RECORDED is acknowledged and recorded (compliment, feedback, suggestion)
     * @param clocks the clocks of a CLOCKED type, or clocks that run beside the stages
     * @param becomes the record types it may be reclassified as (service request to complaint, Code 1.4-1.5)
     * @param tell the pack roles whose holders are sent a notice when one is logged (T-5: the Client Services Manager)
     */
    public record RecordType(String id, String name, Handling handling, List<ClockRule> clocks, List<String> becomes,
                             @Nullable String cite, List<String> tell) {

        public RecordType {
            tell = tell == null ? List.of() : List.copyOf(tell);
        }

        /** A record type whose logging tells nobody. */
        public RecordType(String id, String name, Handling handling, List<ClockRule> clocks, List<String> becomes, @Nullable String cite) {
            this(id, name, handling, clocks, becomes, cite, List.of());
        }
    }

    public enum Handling { STAGED, CLOCKED, RECORDED }

    /** How a stage's owner is found without anyone assigning one: the manager an administrator set for the case's service area. */
    public enum OwnerRouting { SERVICE_AREA }

    /**
     * A stage of the procedure.
     *
     * @param owner the role that owns the stage
     * @param differentHandler the handler must not be the previous stage's handler (Code 6.13)
     * @param entry how a case gets into this stage from the previous one; null for stage 1
     * @param optional a further stage after the final internal one that the complainant may choose, such as an appeal to a
     *                 review panel (F-5); whether the organisation runs it is the pack's choice ({@code kept})
     * @param coOwners further roles that each get a named owner of their own at this stage, beside the owner's (H-6)
     * @param ownerRoutedBy how the owner is found when a case reaches the stage, or null when someone assigns one
     * @param agreesContact the method and frequency of contact are agreed with the complainant and recorded before the
     *                      stage's response
     */
    public record Stage(int number, String id, String name, String owner, boolean differentHandler,
                        List<ClockRule> clocks, @Nullable Escalation entry, @Nullable String cite, boolean optional,
                        List<String> coOwners, @Nullable OwnerRouting ownerRoutedBy, boolean agreesContact) {

        public Stage {
            coOwners = coOwners == null ? List.of() : List.copyOf(coOwners);
        }

        /** A stage with one owner, assigned by someone. */
        public Stage(int number, String id, String name, String owner, boolean differentHandler,
                     List<ClockRule> clocks, @Nullable Escalation entry, @Nullable String cite) {
            this(number, id, name, owner, differentHandler, clocks, entry, cite, false);
        }

        /** A stage with one owner, assigned by someone, that may be optional (F-5). */
        public Stage(int number, String id, String name, String owner, boolean differentHandler,
                     List<ClockRule> clocks, @Nullable Escalation entry, @Nullable String cite, boolean optional) {
            this(number, id, name, owner, differentHandler, clocks, entry, cite, optional, List.of(), null, false);
        }

        /** The roles that own this stage: its owner's first, then the co-owners'. */
        public List<String> ownerRoles() {
            List<String> all = new java.util.ArrayList<>(List.of(owner));
            coOwners.stream().filter(r -> !all.contains(r)).forEach(all::add);
            return all;
        }

        public Optional<ClockRule> clock(String id) {
            return clocks.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    /**
     * A clock: it starts at one milestone of its stage, runs for an amount of a unit, and stops at another.
     *
     * @param extensions the extensions allowed, in the order they may be used
     * @param returnBand the earlier part of the clock that a regulator's return counts as a band of its own (DISP's return:
     *                   closed within 4 weeks of the 8); null when there is none. It sets no deadline
     * @param aim an earlier target inside the clock, from the same start (S0-2: "resolved within 12-48 hours" aims for 12
     *            and is due by 48); null when there is none. It is shown on the case and sets no deadline
     * @param kind DEADLINE (the default), or OPTION: a window in which an outcome may be taken (DISP 1.5's Summary Resolution
     *             Communication by the close of the third business day, R-5), which never falls overdue, sends no notices and
     *             is not a response time in reports
     */
    public record ClockRule(String id, String name, Milestone starts, org.redress.calendar.ClockUnit unit, int amount,
                            Milestone stops, List<ExtensionRule> extensions, @Nullable String cite, @Nullable Window returnBand,
                            @Nullable Window aim, ClockKind kind) {

        public ClockRule(String id, String name, Milestone starts, org.redress.calendar.ClockUnit unit, int amount,
                         Milestone stops, List<ExtensionRule> extensions, @Nullable String cite, @Nullable Window returnBand,
                         @Nullable Window aim) {
            this(id, name, starts, unit, amount, stops, extensions, cite, returnBand, aim, ClockKind.DEADLINE);
        }

        /** Whether this clock is an outcome window (issue 23, R-5), not a deadline. */
        public boolean option() {
            return kind == ClockKind.OPTION;
        }

        public ClockRule(String id, String name, Milestone starts, org.redress.calendar.ClockUnit unit, int amount,
                         Milestone stops, List<ExtensionRule> extensions, @Nullable String cite, @Nullable Window returnBand) {
            this(id, name, starts, unit, amount, stops, extensions, cite, returnBand, null);
        }

        public ClockRule(String id, String name, Milestone starts, org.redress.calendar.ClockUnit unit, int amount,
                         Milestone stops, List<ExtensionRule> extensions, @Nullable String cite) {
            this(id, name, starts, unit, amount, stops, extensions, cite, null);
        }
    }

    /** What a clock is (issue 23, R-5): a DEADLINE that can be missed, or an OPTION, a window for an outcome that cannot. */
    public enum ClockKind { DEADLINE, OPTION }

    /**
     * The points in a stage's life that clocks start and stop on. A stage's RECEIVED is the complaint's receipt
     * for stage 1 and the escalation request's receipt for later stages.
     */
    public enum Milestone { RECEIVED, LOGGED, ACKNOWLEDGED, CONTACTED, RESPONDED, CLOSED }

    /**
     * One extension a clock allows.
     *
     * @param upTo the most it may add; null when the policy sets no figure
     * @param needsAgreement the complainant must agree (A-4, T-7 further extensions)
     * @param tellOmbudsman the notice must give the ombudsman's details (Code 6.5, T-7)
     * @param maxTimes how many times it may be used; null for no limit
     * @param withoutAgreement what happens when an extension that needs agreement is not agreed (T-7)
     */
    public record ExtensionRule(@Nullable Integer upTo, org.redress.calendar.ClockUnit unit, boolean needsAgreement,
                                boolean needsReason, boolean tellOmbudsman, @Nullable Integer maxTimes,
                                @Nullable String condition, @Nullable String cite, WithoutAgreement withoutAgreement) {

        public ExtensionRule(@Nullable Integer upTo, org.redress.calendar.ClockUnit unit, boolean needsAgreement,
                             boolean needsReason, boolean tellOmbudsman, @Nullable Integer maxTimes,
                             @Nullable String condition, @Nullable String cite) {
            this(upTo, unit, needsAgreement, needsReason, tellOmbudsman, maxTimes, condition, cite, WithoutAgreement.REFUSE);
        }
    }

    /**
     * What an extension that needs the complainant's agreement does when they do not agree (T-7): REFUSE (the
     * extension cannot be made), or TELL_OMBUDSMAN (it goes ahead, and the notice gives the ombudsman's contact
     * details so the complainant can challenge the date: 004).
     */
    public enum WithoutAgreement { REFUSE, TELL_OMBUDSMAN }

    /**
     * How a complainant moves to this stage (T-8, H-5, Code 6.11).
     *
     * @param window how long after the previous stage's response the request may be made; null for no limit
     * @param refusalGrounds the grounds on which escalation may be refused
     * @param refusalMustInclude what a refusal must tell the complainant (reasons, ombudsman details)
     * @param from the ids of the earlier stages a case may come here from (H-10); empty: the stage right before
     */
    public record Escalation(@Nullable Window window, List<String> refusalGrounds, List<String> refusalMustInclude,
                             @Nullable String cite, List<String> from) {

        public Escalation(@Nullable Window window, List<String> refusalGrounds, List<String> refusalMustInclude, @Nullable String cite) {
            this(window, refusalGrounds, refusalMustInclude, cite, List.of());
        }
    }

    public record Window(org.redress.calendar.ClockUnit unit, int amount, Milestone from) {
    }

    /**
     * A reason a complaint may not be taken on: always a warning and a recorded decision, never a silent rejection.
     *
     * @param kind TIME_LIMIT (months since awareness, F-3), REPEAT (substantially the same within months, F-11),
     *             VEXATIOUS (F-10, T-4, H-5), LEGAL_PROCEEDINGS (Code 2.2)
     * @param decidedBy the role that decides
     * @param atAnyPoint the decision may be taken at any point of the procedure (002 2.4.1: vexatious), not only at
     *                   admission before the first response
     */
    public record AdmissionRule(AdmissionKind kind, @Nullable Integer months, @Nullable String decidedBy,
                                String description, @Nullable String cite, boolean atAnyPoint) {

        public AdmissionRule(AdmissionKind kind, @Nullable Integer months, @Nullable String decidedBy, String description,
                             @Nullable String cite) {
            this(kind, months, decidedBy, description, cite, false);
        }
    }

    public enum AdmissionKind { TIME_LIMIT, REPEAT, VEXATIOUS, LEGAL_PROCEEDINGS }

    /**
     * A matter outside the procedure (S0-3, F-2), and where it is redirected.
     *
     * @param redirectOptions the policies or bodies the matter may be sent to instead (247 Alliance: the Whistle Blowing
     *                        Policy, the Grievance Policy); when given, a decline names one, and it is recorded and told
     * @param tellOmbudsman whether the decline letter gives the ombudsman's details (true unless the pack says false):
     *                      false where the matter goes to another of the organisation's policies instead (S0-3)
     */
    public record Exclusion(String id, String description, @Nullable String redirectTo, @Nullable String cite,
                            List<String> redirectOptions, boolean tellOmbudsman) {

        public Exclusion {
            redirectOptions = List.copyOf(redirectOptions);
        }

        public Exclusion(String id, String description, @Nullable String redirectTo, @Nullable String cite) {
            this(id, description, redirectTo, cite, List.of(), true);
        }
    }

    /** A step inside stages: case conference, comment on adverse findings, mediation (F-6), satisfaction (H-7). */
    public record StepRule(String id, StepKind kind, List<Integer> stages, boolean beforeResponse, @Nullable String role,
                           @Nullable String cite) {
    }

    /** HOLDING_RESPONSE (issue 23, R-5, DISP 1.6.2(2)): a holding response, recorded and sent; it stops no clock. */
    public enum StepKind { CASE_CONFERENCE, ADVERSE_FINDINGS_COMMENT, MEDIATION_OFFER, SATISFACTION_QUESTION, HOLDING_RESPONSE }

    /**
     * An ombudsman or other route after the internal procedure, with contact details (F-8, A-10).
     *
     * @param referWithin how long after the final response the complainant may refer it (the Financial Ombudsman's six
     *                    months); null when the pack gives no figure
     */
    public record OmbudsmanRoute(String id, String name, @Nullable String phone, @Nullable String email,
                                 @Nullable String website, @Nullable String address, @Nullable String conditions,
                                 @Nullable String cite, @Nullable Window referWithin) {

        public OmbudsmanRoute(String id, String name, @Nullable String phone, @Nullable String email, @Nullable String website,
                              @Nullable String address, @Nullable String conditions, @Nullable String cite) {
            this(id, name, phone, email, website, address, conditions, cite, null);
        }
    }

    /** Who may award what (F-13): a role, a kind of payment, and the most it may award (null for no limit). */
    public record CompensationAuthority(String role, String kind, java.math.@Nullable BigDecimal upTo, @Nullable String cite) {
    }

    /** What a complaint may be about (H-1): one of the pack's list, chosen when it is logged and counted in the reports. */
    public record ComplaintCategory(String id, String name, @Nullable String cite) {
    }

    /** Where the policy is silent, what the pack assumes and why. */
    public record Assumption(String clause, String assumption, String source) {
    }

    /**
     * A kind of hazard Awaab's Law covers (R-3; SI 2025/1042), and the day the law applies to it from (issue 23): the law
     * widens by category in 2026 and 2027, so the dates are data.
     *
     * @param alsoCalled other names an organisation's hazard category may have that mean this one (matched ignoring case)
     * @param from the first day the duties apply to a hazard of this category; null when the law does not cover it
     * @param emergencies true for the entry that covers every hazard classified as an emergency, whatever its category
     * @param coversTheRest true for the entry that covers any hazard no other entry names (HHSRS hazards not listed)
     * @param confirmed false where the date or scope is not confirmed ([?] in REGULATIONS.md)
     */
    public record HazardCategory(String id, String name, List<String> alsoCalled, java.time.@Nullable LocalDate from,
                                 boolean emergencies, boolean coversTheRest, boolean confirmed, @Nullable String cite) {
        public HazardCategory {
            alsoCalled = alsoCalled == null ? List.of() : List.copyOf(alsoCalled);
        }

        /** Whether this entry is the one for an organisation's category of that name. */
        public boolean names(String category) {
            String wanted = category.strip();
            return name.equalsIgnoreCase(wanted) || id.equalsIgnoreCase(wanted) || alsoCalled.stream().anyMatch(a -> a.equalsIgnoreCase(wanted));
        }
    }
}
