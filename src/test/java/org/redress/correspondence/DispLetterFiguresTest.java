package org.redress.correspondence;

import org.junit.jupiter.api.Test;
import org.redress.policy.PolicyPacks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Issue 26, item 6: the DISP final response gives the time to refer that the DISP reference pack sets, in words. */
class DispLetterFiguresTest {

    private final LetterComposer composer = new LetterComposer(mock(PolicyPacks.class));

    @Test
    void monthsAreWrittenInWordsUpToTwelve() {
        assertThat(LetterComposer.monthsInWords(6)).isEqualTo("six months");
        assertThat(LetterComposer.monthsInWords(1)).isEqualTo("one month");
        assertThat(LetterComposer.monthsInWords(12)).isEqualTo("twelve months");
        assertThat(LetterComposer.monthsInWords(18)).isEqualTo("18 months");
    }

    @Test
    void theFinalResponseGivesTheTimeToReferItIsGiven() {
        Map<String, Object> ombudsman = new HashMap<>(Map.of("name", "Financial Ombudsman Service"));
        for (String absent : List.of("phone", "email", "website", "address")) {
            ombudsman.put(absent, null);
        }
        Map<String, Object> vars = Map.of("name", "Sam Slow", "reference", "DAS-2026-000001", "points", List.of(),
                "summary", "Corrected.", "ombudsman", ombudsman, "organisation", "Debt Advice Service",
                "referWithin", LetterComposer.monthsInWords(9));

        String letter = composer.render("fca-disp", LetterKind.DISP_FINAL_RESPONSE.template(), vars);

        assertThat(letter).contains("You must do so within nine months of the date of this letter.")
                .doesNotContain("six months");
    }
}
