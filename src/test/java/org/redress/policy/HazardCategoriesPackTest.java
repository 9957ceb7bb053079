package org.redress.policy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Awaab's Law's hazard categories as data in the reference pack (issue 23, item 2; R-3; SI 2025/1042): each with the day
 * the law applies to it from, read from the pack and checked, every error naming its field.
 */
class HazardCategoriesPackTest {

    private static final String LAW = PackFixtures.shippedText("awaabs-law-2025");

    @Test
    void theReferencePackGivesEachCategoryTheDayTheLawAppliesToItFrom() { // R-3, SI 2025/1042
        PolicyPack law = PackFixtures.shipped("awaabs-law-2025");
        assertThat(law.hazardCategories()).extracting(c -> c.id() + " " + c.from() + (c.confirmed() ? "" : " [?]"))
                .containsExactly("emergency-hazards 2025-10-27", "damp-and-mould 2025-10-27", "excess-cold-and-heat 2026-10-27 [?]",
                        "falls 2026-10-27 [?]", "structural-collapse 2026-10-27 [?]", "fire-and-electrical 2026-10-27 [?]",
                        "domestic-hygiene 2026-10-27 [?]", "remaining-hhsrs 2027-10-27 [?]", "crowding-and-space null [?]");
        assertThat(law.hazardCategories().get(0).emergencies()).isTrue();
        assertThat(law.hazardCategories().get(7).coversTheRest()).isTrue();
        assertThat(law.hazardCategories().get(5).names("Fire safety")).isTrue();
        assertThat(law.recordType("further-works").orElseThrow().clocks()).extracting(c -> c.id() + " " + c.unit().describe(c.amount()))
                .containsExactly("further-works 5 working days", "further-works-longest 12 weeks");
        assertThat(law.recordType("alternative-accommodation").orElseThrow().clocks()).extracting(c -> c.unit().describe(c.amount()))
                .containsExactly("24 hours");
    }

    @Test
    void aCategorysDateIsChangedInTheFileAndAPackWithoutCategoriesStillReads() { // the 2026 date is configurable
        PolicyPack moved = PackReader.read(LAW.replaceFirst("from: 2026-10-27", "from: 2026-06-01"), 2).pack();
        assertThat(moved.hazardCategories().get(2).from()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(PackFixtures.shipped("alliance-homes").hazardCategories()).isEmpty();
    }

    @Test
    void eachMistakeInTheCategoriesIsAnErrorNamingItsField() {
        assertThat(PackFixtures.read(LAW.replace("from: 2027-10-27", "from: next October")).errors())
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo("hazardCategories[7].from");
                    assertThat(e.message()).contains("YYYY-MM-DD");
                });
        assertThat(PackFixtures.read(LAW.replace("    name: falls\n", "    name: falls\n    when: soon\n")).errors())
                .anySatisfy(e -> assertThat(e.field()).isEqualTo("hazardCategories[3].when"));
        assertThat(PackFixtures.read(LAW.replace("    name: falls\n", "    name: damp and mould\n")).errors())
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo("hazardCategories[3].name");
                    assertThat(e.message()).contains("already names hazardCategories[1]");
                });
        assertThat(PackFixtures.read(LAW.replace("    name: falls\n", "    name: falls\n    emergencies: true\n")).errors())
                .anySatisfy(e -> assertThat(e.field()).isEqualTo("hazardCategories[3].emergencies"));
        assertThat(PackFixtures.read(LAW.replace("    coversTheRest: true\n    from: 2027-10-27\n", "    coversTheRest: true\n")
                        .replace("    name: falls\n", "    name: falls\n    coversTheRest: true\n")).errors())
                .anySatisfy(e -> assertThat(e.field()).isEqualTo("hazardCategories[7].coversTheRest"));
        assertThat(PackFixtures.read(LAW.replace("    emergencies: true\n    from: 2025-10-27\n", "    emergencies: true\n")).errors())
                .anySatisfy(e -> assertThat(e.field()).isEqualTo("hazardCategories[0].from"));
        assertThat(PackFixtures.read(LAW).errors()).isEmpty();
    }
}
