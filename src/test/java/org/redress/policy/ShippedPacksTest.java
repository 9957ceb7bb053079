package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedPacksTest {

    @ParameterizedTest
    @ValueSource(strings = {"247-alliance", "alliance-homes", "helping-our-future", "the-trust",
            "housing-ombudsman-code-2024", "adult-social-care-2009", "fca-disp", "awaabs-law-2025"})
    void everyShippedPackLoadsWithoutErrorsOrWarnings(String id) {
        PackReader.Reading reading = PackFixtures.read(PackFixtures.shippedText(id));

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.warnings()).isEmpty();
        assertThat(reading.pack().id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"247-alliance", "alliance-homes", "helping-our-future", "the-trust"})
    void theFourOrganisationsUseTheirPackIdAsTheirOrganisationCode(String id) {
        assertThat(PackFixtures.shipped(id).organisation().code()).isEqualTo(id);
    }

    /** Data (Use and Access) Act 2025 (UK GDPR art. 77A, from 19 June 2026): every organisation can take one. */
    @ParameterizedTest
    @ValueSource(strings = {"247-alliance", "alliance-homes", "helping-our-future", "the-trust"})
    void everyOrganisationsPackTakesADataProtectionComplaintAcknowledgedWithinThirtyDays(String id) {
        PolicyPack.RecordType type = PackFixtures.shipped(id).recordType("data-protection-complaint").orElseThrow();

        assertThat(type.clocks()).singleElement().satisfies(clock -> {
            assertThat(clock.unit()).isEqualTo(org.redress.calendar.ClockUnit.CALENDAR_DAYS);
            assertThat(clock.amount()).isEqualTo(30);
            assertThat(clock.stops()).isEqualTo(PolicyPack.Milestone.ACKNOWLEDGED);
        });
    }

    @Test
    void theAnnotatedExampleInTheDocsIsAValidPack() throws IOException {
        String doc = Files.readString(Path.of("docs/policy-packs.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        PackReader.Reading reading = PackFixtures.read(example);

        assertThat(reading.errors()).isEmpty();
        assertThat(reading.pack().stages()).hasSize(2);
    }
}
