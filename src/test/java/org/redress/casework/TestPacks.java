package org.redress.casework;

import org.redress.calendar.Calendars;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Jurisdiction;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.*;

import java.math.BigDecimal;
import java.util.List;

import static org.redress.calendar.ClockUnit.WORKING_DAYS;

/** Small packs built in code, so the aggregate can be tested without YAML or a database. */
final class TestPacks {

    static final ClockMaker ENGLAND = clocks(Jurisdiction.ENGLAND_AND_WALES);

    /** The pack roles of every stage of these packs: an owner who holds them all may own any stage (issue 22). */
    static final java.util.Set<String> EVERY_OWNER_ROLE = java.util.Set.of("complaints-officer", "complaints-manager",
            "investigating-manager", "business-manager", "review-panel");

    static ClockMaker clocks(Jurisdiction jurisdiction) {
        return ClockMaker.of(Calendars.bankHolidaysOnly().forJurisdiction(jurisdiction));
    }

    static ClockRule clock(String id, Milestone starts, int amount, Milestone stops, String cite, ExtensionRule... extensions) {
        return new ClockRule(id, id.replace('-', ' '), starts, WORKING_DAYS, amount, stops, List.of(extensions), cite);
    }

    /** Housing Ombudsman Code 2024: 5/10/10 and 5/20/20 working days, stage 2 by someone else. */
    static PolicyPack housingCode() {
        Stage one = new Stage(1, "stage-1", "Stage 1", "complaints-officer", false, List.of(
                clock("acknowledge", Milestone.RECEIVED, 5, Milestone.ACKNOWLEDGED, "Code 6.2"),
                clock("respond", Milestone.ACKNOWLEDGED, 10, Milestone.RESPONDED, "Code 6.3",
                        new ExtensionRule(10, WORKING_DAYS, false, true, true, 1, null, "Code 6.4-6.5"))), null, "Code 5.1");
        Stage two = new Stage(2, "stage-2", "Stage 2", "complaints-manager", true, List.of(
                clock("acknowledge", Milestone.RECEIVED, 5, Milestone.ACKNOWLEDGED, "Code 6.11"),
                clock("respond", Milestone.ACKNOWLEDGED, 20, Milestone.RESPONDED, "Code 6.14",
                        new ExtensionRule(20, WORKING_DAYS, false, true, true, 1, null, "Code 6.15-6.16"))),
                new Escalation(null, List.of(), List.of(), "Code 6.11"), "Code 6.13");
        return pack("housing-code", List.of(one, two), List.of(), List.of());
    }

    /** Like the Trust (004): counted from logging, a 10-day escalation window, refusal grounds, a case conference. */
    static PolicyPack trustLike() {
        Stage one = new Stage(1, "stage-1", "Stage 1", "investigating-manager", false, List.of(
                clock("acknowledge", Milestone.RECEIVED, 5, Milestone.ACKNOWLEDGED, "T-6"),
                clock("respond", Milestone.LOGGED, 10, Milestone.RESPONDED, "T-7",
                        new ExtensionRule(10, WORKING_DAYS, false, true, true, 1, "complex case", "T-7"),
                        new ExtensionRule(null, WORKING_DAYS, true, true, true, null, "exceptional circumstances", "T-7"))), null, "T-6");
        Stage two = new Stage(2, "stage-2", "Stage 2", "business-manager", true, List.of(
                clock("acknowledge", Milestone.RECEIVED, 5, Milestone.ACKNOWLEDGED, "T-8"),
                clock("respond", Milestone.LOGGED, 20, Milestone.RESPONDED, "T-9")),
                new Escalation(new Window(WORKING_DAYS, 10, Milestone.RESPONDED),
                        List.of("already-considered", "unacceptable-behaviour"), List.of("reasons", "ombudsman-details"), "T-8"), "T-9");
        List<StepRule> steps = List.of(new StepRule("case-conference", StepKind.CASE_CONFERENCE, List.of(2), true, "case-conference", "A-8"),
                new StepRule("satisfaction", StepKind.SATISFACTION_QUESTION, List.of(), false, null, "H-7"));
        List<AdmissionRule> admission = List.of(
                new AdmissionRule(AdmissionKind.TIME_LIMIT, 12, null, "more than 12 months since awareness", "F-3"),
                new AdmissionRule(AdmissionKind.VEXATIOUS, null, "chief-executive", "vexatious", "F-10"));
        return pack("trust-like", List.of(one, two), steps, admission);
    }

    /** The housing pack with an emergency repair counted in clock hours: made safe within 24 hours, extendable by up to 12. */
    static PolicyPack withEmergencyRepairs() {
        PolicyPack housing = housingCode();
        RecordType emergency = new RecordType("emergency", "Emergency repair", Handling.CLOCKED, List.of(new ClockRule("make-safe",
                "make safe", Milestone.RECEIVED, ClockUnit.CLOCK_HOURS, 24, Milestone.CONTACTED,
                List.of(new ExtensionRule(12, ClockUnit.CLOCK_HOURS, false, true, false, 1, null, "R-9")), "R-9")), List.of(), "R-9");
        List<RecordType> types = new java.util.ArrayList<>(housing.recordTypes());
        types.add(emergency);
        return new PolicyPack(housing.id(), housing.version(), housing.title(), housing.organisation(), housing.serviceLines(),
                housing.roles(), types, housing.stages(), housing.admission(), housing.exclusions(), housing.steps(),
                housing.ombudsmen(), housing.compensation(), housing.assumptions(), housing.sources());
    }

    /**
     * The housing pack with home care under the social care rules (F-8, R-4, SI 2009/309): one stage, acknowledged within
     * 3 working days, answered within 6 months of receipt, with mediation its only step. Lines: housing and
     * estates run the pack's stages; home care and home support run the social care procedure.
     */
    static PolicyPack withHomeCare() {
        PolicyPack housing = housingCode();
        Stage care = new Stage(1, "home-care-response", "Home care complaint", "complaints-officer", false, List.of(
                clock("acknowledge", Milestone.RECEIVED, 3, Milestone.ACKNOWLEDGED, "R-4; SI 2009/309 reg 13"),
                new ClockRule("respond", "respond", Milestone.RECEIVED, ClockUnit.CALENDAR_MONTHS, 6, Milestone.RESPONDED, List.of(),
                        "R-4; SI 2009/309 reg 14")), null, "R-4");
        Procedure socialCare = new Procedure("social-care", "Home care complaints", List.of("social-care-2009"), List.of(care), "R-4",
                List.of(new StepRule("mediation", StepKind.MEDIATION_OFFER, List.of(1), false, null, "F-6")));
        List<ServiceLine> lines = List.of(housing.serviceLines().get(0), new ServiceLine("estates", "Estates", "housing-ombudsman", List.of()),
                new ServiceLine("home-care", "Home care", "housing-ombudsman", List.of(), "social-care"),
                new ServiceLine("home-support", "Home support", "housing-ombudsman", List.of(), "social-care"));
        return new PolicyPack(housing.id(), housing.version(), housing.title(), housing.organisation(), lines, housing.roles(),
                housing.recordTypes(), housing.stages(), housing.admission(), housing.exclusions(), housing.steps(), housing.ombudsmen(),
                housing.compensation(), housing.assumptions(), housing.sources(), List.of(), List.of(), List.of(socialCare), List.of());
    }

    private static PolicyPack pack(String id, List<Stage> stages, List<StepRule> steps, List<AdmissionRule> admission) {
        RecordType complaint = new RecordType("complaint", "Complaint", Handling.STAGED, List.of(), List.of(), "R-1");
        RecordType request = new RecordType("service-request", "Service request", Handling.CLOCKED,
                List.of(clock("contact", Milestone.RECEIVED, 3, Milestone.CONTACTED, "T-5")), List.of("complaint"), "T-5");
        RecordType compliment = new RecordType("compliment", "Compliment", Handling.RECORDED, List.of(), List.of(), "F-1");
        return new PolicyPack(id, 1, id, new PackOrganisation(id, id, Jurisdiction.ENGLAND_AND_WALES, true, List.of()),
                List.of(new ServiceLine("housing", "Housing", "housing-ombudsman", List.of("Repairs"))),
                List.of(new Role("complaints-officer", "Complaints officer", null), new Role("chief-executive", "Group Chief Executive", null)),
                List.of(complaint, request, compliment), stages, admission,
                List.of(new Exclusion("employment", "staff employment concerns", "HR grievance procedure", "S0-3")), steps,
                List.of(new OmbudsmanRoute("housing-ombudsman", "Housing Ombudsman Service", "0300 111 3000",
                        "info@housing-ombudsman.org.uk", "www.housing-ombudsman.org.uk", null, null, "A-10")),
                List.of(new CompensationAuthority("director", "compensation", BigDecimal.valueOf(1000), "F-13")), List.of(), List.of());
    }

    private TestPacks() {
    }
}
