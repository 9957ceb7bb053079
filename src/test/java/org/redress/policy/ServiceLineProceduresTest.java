package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack.Milestone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F-8 (issue 23): a service line may run a procedure of its own inside its organisation's pack (home care under the
 * social care rules, SI 2009/309; debt advice under FCA DISP), chosen by the case's service line; a pack without
 * procedures runs as before.
 */
class ServiceLineProceduresTest {

    private static final String PACK = """
            id: test-pack
            title: Test
            organisation:
              code: test-pack
              name: Test
              jurisdiction: england-and-wales
            serviceLines:
              - {id: housing, name: Housing, ombudsman: housing-ombudsman}
              - {id: home-care, name: Home care, ombudsman: lgsco, procedure: social-care}
            roles:
              - {id: manager, name: Manager}
            recordTypes:
              - {id: complaint, name: Complaint, handling: staged}
            ombudsmen:
              - {id: housing-ombudsman, name: Housing Ombudsman Service}
              - {id: lgsco, name: Local Government and Social Care Ombudsman}
            stages:
              - id: stage-1
                name: Stage 1
                owner: manager
                clocks:
                  - {id: respond, name: Response, within: 10 working days, from: received, until: responded}
              - id: stage-2
                name: Stage 2
                owner: manager
                clocks:
                  - {id: respond, name: Response, within: 20 working days, from: received, until: responded}
            procedures:
              - id: social-care
                name: Home care (social care rules)
                regulators: [social-care-2009]
                stages:
                  - id: home-care-response
                    name: Home care complaint
                    owner: manager
                    clocks:
                      - {id: acknowledge, name: Acknowledge, within: 3 working days, from: received, until: acknowledged}
                      - {id: respond, name: Response, within: 6 months, from: received, until: responded}
            """;

    @Test
    void aServiceLineNamingAProcedureRunsItsStagesAndTheOthersRunThePacksF8() {
        PolicyPack pack = PackFixtures.read(PACK).pack();

        PolicyPack homeCare = pack.forServiceLine("home-care");
        assertThat(homeCare.stages()).extracting(PolicyPack.Stage::id).containsExactly("home-care-response");
        assertThat(homeCare.finalStage()).isEqualTo(1);
        assertThat(homeCare.stagesAfter(1)).isEmpty();
        PolicyPack.ClockRule respond = homeCare.stage(1).orElseThrow().clock("respond").orElseThrow();
        assertThat(respond.amount()).isEqualTo(6);
        assertThat(respond.unit()).isEqualTo(ClockUnit.CALENDAR_MONTHS);
        assertThat(respond.starts()).isEqualTo(Milestone.RECEIVED);
        assertThat(homeCare.id()).isEqualTo("test-pack");
        assertThat(homeCare.version()).isEqualTo(pack.version());

        assertThat(pack.forServiceLine("housing")).isSameAs(pack);
        assertThat(pack.forServiceLine(null)).isSameAs(pack);
        assertThat(pack.forServiceLine("no-such-line")).isSameAs(pack);
        assertThat(homeCare.forServiceLine("home-care")).isSameAs(homeCare);
        assertThat(pack.procedureFor("home-care").orElseThrow().regulators()).containsExactly("social-care-2009");
    }

    @Test
    void aServiceLineNamingAProcedureThatIsNotDeclaredIsRefusedNamingTheField() { // F-8
        PackReader.Reading reading = PackFixtures.read(PACK.replace("procedure: social-care}", "procedure: social-kare}"));

        assertThat(reading.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("serviceLines[1].procedure");
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.message()).isEqualTo("names 'social-kare', which is not declared under procedures (social-care); "
                    + "leave it out for the pack's own stages");
        });
    }

    @Test
    void aProceduresStagesAreCheckedAsThePacksAre() { // F-8, H-10
        PackReader.Reading reading = PackFixtures.read(PACK.replace("from: received, until: acknowledged}", "from: contacted, until: acknowledged}")
                .replace("name: Home care complaint\n        owner: manager", "name: Home care complaint\n        owner: carer"));

        assertThat(reading.errors()).extracting(PackError::field)
                .containsExactly("procedures[0].stages[0].owner", "procedures[0].stages[0].clocks[0].from",
                        "procedures[0].stages[0].clocks[0].until");
        assertThat(reading.errors().get(0).message()).contains("'carer'", "not declared under roles");
    }

    @Test
    void aProcedureWithoutStagesIsRefusedAndOneNoLineNamesIsAWarning() { // F-8
        PackReader.Reading empty = PackFixtures.read(PACK.substring(0, PACK.indexOf("    stages:\n      - id: home-care"))
                + "    stages: []\n");
        assertThat(empty.errors()).extracting(PackError::field).containsExactly("procedures[0].stages");

        PackReader.Reading unused = PackFixtures.read(PACK.replace(", procedure: social-care}", "}"));
        assertThat(unused.errors()).isEmpty();
        assertThat(unused.warnings()).extracting(PackError::field).contains("procedures[0]");
    }

    @Test
    void allianceHomesRunsTheHousingCodeForHousingTheSocialCareRulesForHomeCareAndDispForDebtAdvice() { // F-8, R-4, R-5
        PolicyPack alliance = PackFixtures.shipped("alliance-homes");

        assertThat(alliance.forServiceLine("housing").stages()).extracting(PolicyPack.Stage::id).containsExactly("stage-1", "stage-2");
        PolicyPack homeCare = alliance.forServiceLine("home-care");
        assertThat(homeCare.stages()).extracting(PolicyPack.Stage::id).containsExactly("home-care-response");
        PolicyPack.Stage care = homeCare.stage(1).orElseThrow();
        assertThat(care.clock("acknowledge").orElseThrow()).satisfies(c -> {
            assertThat(c.amount()).isEqualTo(3);
            assertThat(c.unit()).isEqualTo(ClockUnit.WORKING_DAYS);
            assertThat(c.cite()).contains("SI 2009/309");
        });
        assertThat(care.clock("respond").orElseThrow()).satisfies(c -> {
            assertThat(c.amount()).isEqualTo(6);
            assertThat(c.unit()).isEqualTo(ClockUnit.CALENDAR_MONTHS);
            assertThat(c.extensions()).singleElement().satisfies(x -> assertThat(x.needsAgreement()).isTrue());
        });
        assertThat(alliance.procedureFor("home-care").orElseThrow().regulators()).containsExactly("social-care-2009", "cqc-regulation-16");

        // the debt advice stage is the reference pack fca-disp's, as it stands
        PolicyPack.Stage disp = PackFixtures.shipped("fca-disp").stage(1).orElseThrow();
        PolicyPack.Stage debt = alliance.forServiceLine("debt-advice").stage(1).orElseThrow();
        assertThat(debt.clocks()).usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(disp.clocks());
        // the final response first: the stage's response deadline, which the reports and the acknowledgement read
        assertThat(debt.clocks().get(0).id()).isEqualTo("final-response");
        assertThat(alliance.ombudsman("financial-ombudsman").orElseThrow().referWithin()).isNotNull();
        // the Code check still judges the housing stages
        assertThat(PackFixtures.compliance("alliance-homes").findings()).isNotEmpty();
    }

    private static final String WITH_STEPS = PACK.replace("""
            procedures:
            """, """
            steps:
              - {id: case-conference, kind: case-conference, stages: [2], beforeResponse: true}
              - {id: mediation, kind: mediation-offer, stages: [1, 2]}
            procedures:
            """) + """
                steps:
                  - {id: holding-response, kind: holding-response, stages: [1]}
            """;

    @Test
    void aProcedureCarriesStepsOfItsOwnAndTheLinesRunningThePacksStagesKeepThePacksStepsF8R5() {
        PolicyPack pack = PackFixtures.read(WITH_STEPS).pack();

        PolicyPack homeCare = pack.forServiceLine("home-care");
        assertThat(homeCare.steps()).extracting(PolicyPack.StepRule::id).containsExactly("holding-response");
        assertThat(homeCare.stepsAt(1)).extracting(PolicyPack.StepRule::kind).containsExactly(PolicyPack.StepKind.HOLDING_RESPONSE);
        assertThat(homeCare.forServiceLine("home-care")).isSameAs(homeCare);
        // the procedure's step belongs to the procedure: a housing case at stage 1 is not offered it
        assertThat(pack.forServiceLine("housing")).isSameAs(pack);
        assertThat(pack.forServiceLine("housing").stepsAt(1)).extracting(PolicyPack.StepRule::id).containsExactly("mediation");
        assertThat(pack.forServiceLine(null).stepsAt(2)).extracting(PolicyPack.StepRule::id).containsExactly("case-conference", "mediation");
        assertThat(pack.procedureFor("home-care").orElseThrow().steps()).hasSize(1);
    }

    @Test
    void aProcedureThatLeavesOutStepsTakesThePacksByStageNumberAsBeforeAndAnEmptyListMeansNoneF8() {
        PolicyPack inherits = PackFixtures.read(WITH_STEPS.substring(0, WITH_STEPS.lastIndexOf("    steps:\n"))).pack();
        assertThat(inherits.procedureFor("home-care").orElseThrow().steps()).isNull();
        assertThat(inherits.forServiceLine("home-care").stepsAt(1)).extracting(PolicyPack.StepRule::id).containsExactly("mediation");

        PolicyPack none = PackFixtures.read(WITH_STEPS.substring(0, WITH_STEPS.lastIndexOf("    steps:\n")) + "    steps: []\n").pack();
        assertThat(none.forServiceLine("home-care").steps()).isEmpty();
        assertThat(none.forServiceLine("housing").steps()).hasSize(2);
    }

    @Test
    void aProceduresStepsAreCheckedAgainstItsOwnStagesAndTheDeclaredRoles() { // F-8
        PackReader.Reading reading = PackFixtures.read(WITH_STEPS.replace("{id: holding-response, kind: holding-response, stages: [1]}",
                "{id: holding-response, kind: holding-response, stages: [2], role: panel}\n      - {id: holding-response, kind: holding-response, stages: [1]}"));

        assertThat(reading.errors()).extracting(PackError::field).containsExactlyInAnyOrder("procedures[0].steps[1].id",
                "procedures[0].steps[0].role", "procedures[0].steps[0].stages[0]");
        assertThat(reading.errors()).filteredOn(e -> e.field().equals("procedures[0].steps[0].stages[0]")).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("is stage 2, but the procedure has 1 stage"));
        assertThat(PackFixtures.read(WITH_STEPS.replace("kind: holding-response", "kind: holding-reply")).errors())
                .extracting(PackError::field).containsExactly("procedures[0].steps[0].kind");
    }

    @Test
    void allianceHomesDebtAdviceHasDispsHoldingResponseAndNeitherHousingNorHomeCareHasItF8R4R5() {
        PolicyPack alliance = PackFixtures.shipped("alliance-homes");

        PolicyPack debt = alliance.forServiceLine("debt-advice");
        assertThat(debt.stepsAt(1)).extracting(PolicyPack.StepRule::id).containsExactly("holding-response", "mediation");
        // DISP 1.6.2: the holding response step as the reference pack fca-disp has it
        PolicyPack.StepRule disp = PackFixtures.shipped("fca-disp").steps().get(0);
        assertThat(debt.stepsAt(1).get(0)).usingRecursiveComparison().isEqualTo(disp);

        // SI 2009/309: one stage, mediation may be offered (002 2.2.4), no stage 2 steps of the Code's procedure
        assertThat(alliance.forServiceLine("home-care").steps()).extracting(PolicyPack.StepRule::id).containsExactly("mediation");
        assertThat(alliance.forServiceLine("home-care").stepsAt(1)).extracting(PolicyPack.StepRule::kind)
                .containsExactly(PolicyPack.StepKind.MEDIATION_OFFER);

        PolicyPack housing = alliance.forServiceLine("housing");
        assertThat(housing.stepsAt(1)).extracting(PolicyPack.StepRule::id).containsExactly("mediation");
        assertThat(housing.stepsAt(2)).extracting(PolicyPack.StepRule::id).containsExactly("case-conference", "adverse-findings", "mediation");
        assertThat(housing.steps()).noneMatch(s -> s.kind() == PolicyPack.StepKind.HOLDING_RESPONSE);
    }
}
