package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.calendar.ClockUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed or inconsistent packs are refused with every error and its line; nothing is half-read. */
class PackReaderTest {

    private static final String VALID = """
            id: test-pack
            title: Test
            organisation:
              code: test-pack
              name: Test
              jurisdiction: england-and-wales
            serviceLines:
              - {id: housing, name: Housing, ombudsman: housing-ombudsman}
            roles:
              - {id: manager, name: Manager}
            recordTypes:
              - {id: complaint, name: Complaint, handling: staged}
            ombudsmen:
              - {id: housing-ombudsman, name: Housing Ombudsman Service}
            stages:
              - id: stage-1
                name: Stage 1
                owner: manager
                clocks:
                  - {id: respond, name: Response, within: 10 working days, from: received, until: responded}
            """;

    private static PackReader.Reading read(String yaml) {
        return PackFixtures.read(yaml);
    }

    @Test
    void aValidPackReadsWithItsFigures() {
        PackReader.Reading reading = read(VALID);

        assertThat(reading.errors()).isEmpty();
        PolicyPack.ClockRule respond = reading.pack().stage(1).orElseThrow().clock("respond").orElseThrow();
        assertThat(respond.unit()).isEqualTo(ClockUnit.WORKING_DAYS);
        assertThat(respond.amount()).isEqualTo(10);
    }

    @Test
    void theOrganisationsPhoneNumberForComplainantsIsReadAndMayBeLeftOutA2() {
        PackReader.Reading withPhone = read(VALID.replace("  jurisdiction: england-and-wales\n",
                "  jurisdiction: england-and-wales\n  phone: \"0300 555 0100\"\n"));

        assertThat(withPhone.errors()).isEmpty();
        assertThat(withPhone.pack().organisation().phone()).isEqualTo("0300 555 0100");
        assertThat(read(VALID).pack().organisation().phone()).isNull();
    }

    @Test
    void anUnknownUnitIsRefusedOnItsLine() {
        PackReader.Reading reading = read(VALID.replace("10 working days", "10 fortnights"));

        assertThat(reading.pack()).isNull();
        assertThat(reading.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("stages[0].clocks[0].within");
            assertThat(e.line()).isEqualTo(20);
            assertThat(e.message()).contains("unknown unit 'fortnights'");
        });
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThat(read(VALID.replace("10 working days", "-3 working days")).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("more than zero"));
    }

    @Test
    void aBareDayIsRefusedBecauseWorkingAndCalendarDaysDiffer() {
        assertThat(read(VALID.replace("10 working days", "10 days")).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("unknown unit 'days'"));
    }

    @Test
    void aStageOwnedByAnUndeclaredRoleIsRefused() {
        assertThat(read(VALID.replace("owner: manager", "owner: chief-executive")).errors())
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("stages[0].owner");
                    assertThat(e.line()).isEqualTo(18);
                    assertThat(e.message()).contains("'chief-executive'", "(manager)");
                });
    }

    @Test
    void aServiceLinePointingToAnUndeclaredOmbudsmanIsRefused() { // F-8
        assertThat(read(VALID.replace("ombudsman: housing-ombudsman}", "ombudsman: financial-ombudsman}")).errors())
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("serviceLines[0].ombudsman");
                    assertThat(e.line()).isEqualTo(8);
                });
    }

    @Test
    void aClockAnchoredOnAnAcknowledgementThatNeverHappensIsRefused() {
        PackReader.Reading reading = read(VALID.replace("from: received, until: responded", "from: acknowledged, until: responded"));

        assertThat(reading.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("stages[0].clocks[0].from");
            assertThat(e.message()).contains("never happens in stage 1", "no clock there stops at 'acknowledged'");
        });
    }

    @Test
    void aRecordedTypeIsNeverAnsweredSoAClockCannotWaitForItsResponse() { // F-1
        String yaml = VALID.replace("  - {id: complaint, name: Complaint, handling: staged}", """
                  - {id: complaint, name: Complaint, handling: staged}
                  - id: compliment
                    name: Compliment
                    handling: recorded
                    clocks: [{id: reply, name: Reply, within: 5 working days, from: received, until: responded}]""");

        assertThat(read(yaml).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("recordTypes[1].clocks[0].until");
            assertThat(e.message()).contains("never stop");
        });
    }

    @Test
    void aClockCannotStopBeforeItStarts() {
        assertThat(read(VALID.replace("from: received, until: responded", "from: responded, until: logged")).errors())
                .anySatisfy(e -> assertThat(e.message()).contains("does not come after 'responded'"));
    }

    @Test
    void duplicateIdsAreRefusedNamingTheFirstLine() {
        String yaml = VALID.replace("  - {id: manager, name: Manager}", "  - {id: manager, name: Manager}\n  - {id: manager, name: Other}");

        assertThat(read(yaml).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("roles[1].id");
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.message()).contains("already used on line 10");
        });
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThat(read(VALID.replace("title: Test\n", "title: Test\ntitle: Again\n")).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("appears twice", "line 2"));
    }

    @Test
    void aYamlSyntaxErrorIsRefusedWithItsLine() {
        PackReader.Reading reading = read(VALID.replace("    owner: manager", "    owner: [manager"));

        assertThat(reading.pack()).isNull();
        assertThat(reading.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("yaml");
            assertThat(e.line()).isGreaterThanOrEqualTo(18);
            assertThat(e.message()).startsWith("is not valid YAML");
        });
    }

    @Test
    void aMisspelledKeyIsAnErrorNotASilentlyDroppedRule() {
        assertThat(read(VALID.replace("owner: manager", "ownr: manager")).errors())
                .extracting(PackError::field).containsExactlyInAnyOrder("stages[0].ownr", "stages[0].owner");
    }

    @Test
    void everyErrorIsListedInLineOrderNotJustTheFirst() {
        String yaml = VALID.replace("jurisdiction: england-and-wales", "jurisdiction: wales")
                .replace("handling: staged", "handling: staged-ish")
                .replace("owner: manager", "owner: nobody")
                .replace("10 working days", "0 working days");

        assertThat(read(yaml).errors()).extracting(PackError::line).containsExactly(6, 12, 18, 20);
    }

    @Test
    void onlyALaterStageHasAnEscalationRuleAndItsWindowRunsFromTheResponse() { // T-8
        String yaml = VALID.replace("    owner: manager\n", """
                    owner: manager
                    entry: {window: {within: 10 working days, from: responded}}
                """) + """
                  - id: stage-2
                    name: Stage 2
                    owner: manager
                    entry: {window: {within: 10 working days, from: received}}
                """;

        assertThat(read(yaml).errors()).extracting(PackError::field)
                .containsExactly("stages[0].entry", "stages[1].entry.window.from");
    }

    @Test
    void aProcedureHasAtMostThreeStages() { // H-10
        String extra = """
                  - {id: stage-%d, name: Stage %d, owner: manager, entry: {refusalGrounds: []}}
                """;
        String yaml = VALID + extra.formatted(2, 2) + extra.formatted(3, 3) + extra.formatted(4, 4);

        assertThat(read(yaml).errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("one, two or three"));
    }

    @Test
    void anOptionalStageComesAfterTheOthersAndOneNotKeptIsReadButNotRun() { // F-5
        String yaml = VALID + """
                  - {id: stage-2, name: Stage 2, owner: manager, entry: {refusalGrounds: []}}
                  - {id: panel, name: Review panel, owner: manager, optional: true, kept: false, entry: {refusalGrounds: []}}
                """;
        PackReader.Reading reading = read(yaml);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.pack().stages()).extracting(PolicyPack.Stage::id).containsExactly("stage-1", "stage-2");
        assertThat(reading.pack().stagesNotKept()).extracting(PolicyPack.Stage::id).containsExactly("panel");
        assertThat(read(yaml.replace("id: panel", "id: stage-2")).errors()).extracting(PackError::field).containsExactly("stages[2].id");

        String misplaced = VALID.replace("    owner: manager\n", "    owner: manager\n    optional: true\n") + """
                  - {id: stage-2, name: Stage 2, owner: manager, kept: false, entry: {refusalGrounds: []}}
                """;
        assertThat(read(misplaced).errors()).extracting(PackError::field)
                .containsExactly("stages[0].optional", "stages[1].kept", "stages[1].optional");
    }

    @Test
    void aStageEnteredFromSeveralEarlierStagesNamesStagesThatComeBeforeIt() { // H-10
        String yaml = VALID + """
                  - {id: stage-2, name: Stage 2, owner: manager, entry: {refusalGrounds: []}}
                  - {id: review, name: Review, owner: manager, entry: {from: [stage-1, stage-2], refusalGrounds: []}}
                """;
        PolicyPack pack = read(yaml).pack();

        assertThat(pack.stagesAfter(1)).extracting(PolicyPack.Stage::id).containsExactly("stage-2", "review");
        assertThat(pack.stagesAfter(2)).extracting(PolicyPack.Stage::id).containsExactly("review");
        assertThat(read(yaml.replace("from: [stage-1, stage-2]", "from: [stage-1, review, stage-9]")).errors())
                .extracting(PackError::field).containsExactly("stages[2].entry.from[1]", "stages[2].entry.from[2]");
    }

    @Test
    void stepsAndReclassificationsMustNameThingsThatExist() {
        String yaml = VALID.replace("  - {id: complaint, name: Complaint, handling: staged}",
                "  - {id: complaint, name: Complaint, handling: staged}\n  - {id: service-request, name: Request, handling: recorded, becomes: [complant]}")
                + "steps:\n  - {id: conference, kind: case-conference, stages: [2], role: panel}\n";

        assertThat(read(yaml).errors()).extracting(PackError::field)
                .containsExactlyInAnyOrder("recordTypes[1].becomes[0]", "steps[0].role", "steps[0].stages[0]");
    }

    @Test
    void aVersionInTheFileIsIgnoredWithAWarning() {
        PackReader.Reading reading = read("version: 7\n" + VALID);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.pack().version()).isEqualTo(1);
        assertThat(reading.warnings()).singleElement().satisfies(w -> assertThat(w.field()).isEqualTo("version"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(read("").errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("empty"));
        assertThat(read("- just\n- a list\n").errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("yaml"));
    }

    @Test
    void aSecondYamlDocumentInTheFileIsRefused() {
        assertThat(read(VALID + "---\nid: another\n").errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("one YAML document"));
    }

    @Test
    void aPackWithoutRecordTypesOrWithAnOrganisationThatIsNotABlockIsRefused() {
        String yaml = VALID.replace("""
                organisation:
                  code: test-pack
                  name: Test
                  jurisdiction: england-and-wales
                """, "organisation: Test\n").replace("  - {id: complaint, name: Complaint, handling: staged}\n", "");

        assertThat(read(yaml.replace("recordTypes:\n", "recordTypes: []\n")).errors()).extracting(PackError::field)
                .contains("organisation", "recordTypes");
    }
}
