package org.redress.correspondence;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T-10: correspondence is in plain language. Every shipped letter template (and any organisation's own, under
 * {@code letters/<organisation>/}) is read as a complainant would read it: short sentences, and none of the stock
 * phrases plain-English guidance replaces with everyday words (GOV.UK's style guide: sentences of 25 words at most).
 */
class PlainLanguageTest {

    static final int LONGEST_SENTENCE = 25;
    static final double LONGEST_AVERAGE = 15;
    /** A value filled in (a name, a date, a reference) counts as this many words. */
    static final int WORDS_PER_VALUE = 3;

    static final List<String> JARGON = List.of("aforementioned", "herewith", "hereby", "heretofore", "hereinafter", "pursuant",
            "notwithstanding", "forthwith", "in accordance with", "endeavour", "utilise", "commence", "facilitate",
            "in the event that", "prior to", "with regard to", "in respect of", "whilst", "expedite", "ascertain", "per annum",
            "the undersigned", "do not hesitate", "please find enclosed", "at your earliest convenience", "in receipt of");

    private static final Pattern VALUE = Pattern.compile("\\[\\(\\$\\{[^}]*}\\)]");
    private static final Pattern TEMPLATE_TAG = Pattern.compile("\\[#[^\\]]*]|\\[/]");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n");

    record Template(String name, String text) {
    }

    static List<Template> templates() throws IOException {
        List<Template> found = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:letters/**/*.txt")) {
            found.add(new Template(r.getURL().getPath().replaceAll(".*/letters/", "letters/"),
                    r.getContentAsString(StandardCharsets.UTF_8)));
        }
        return found;
    }

    /** The sentences a reader meets, with each value filled in counted as {@link #WORDS_PER_VALUE} words. */
    static List<String> sentences(String template) {
        String text = VALUE.matcher(template).replaceAll(" value ".repeat(WORDS_PER_VALUE));
        text = TEMPLATE_TAG.matcher(text).replaceAll("");
        return Arrays.stream(SENTENCE_END.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static int words(String sentence) {
        return sentence.split("\\s+").length;
    }

    @Test
    void everyLetterIsFoundSoTheCheckCoversThemAll() throws IOException {
        assertThat(templates()).extracting(Template::name).contains("letters/acknowledgement.txt", "letters/final-response.txt",
                "letters/disp-final-response.txt", "letters/escalation-refusal.txt", "letters/decline.txt");
        assertThat(templates()).hasSizeGreaterThanOrEqualTo(LetterKind.values().length);
    }

    @Test
    void noSentenceOfAnyLetterIsLongerThanTwentyFiveWords() throws IOException {
        for (Template t : templates()) {
            assertThat(sentences(t.text())).as(t.name()).allSatisfy(s -> assertThat(words(s)).as(s).isLessThanOrEqualTo(LONGEST_SENTENCE));
        }
    }

    @Test
    void eachLetterAveragesShortSentences() throws IOException {
        for (Template t : templates()) {
            List<String> sentences = sentences(t.text());
            double average = sentences.stream().mapToInt(PlainLanguageTest::words).average().orElse(0);
            assertThat(average).as(t.name()).isLessThanOrEqualTo(LONGEST_AVERAGE);
        }
    }

    @Test
    void noLetterUsesAStockPhrasePlainEnglishReplaces() throws IOException {
        for (Template t : templates()) {
            String lower = VALUE.matcher(t.text()).replaceAll("").toLowerCase(Locale.UK);
            assertThat(JARGON).as(t.name()).noneMatch(phrase -> Pattern.compile("\\b" + phrase + "\\b").matcher(lower).find());
        }
    }

    @Test
    void theCheckCatchesALongSentenceAndJargon() {
        String legalese = "Pursuant to the aforementioned complaint we hereby confirm that the matters raised by [(${name})] "
                + "have been considered in full by the relevant officers of the organisation and that a response will follow.";
        assertThat(sentences(legalese)).hasSize(1);
        assertThat(words(sentences(legalese).get(0))).isGreaterThan(LONGEST_SENTENCE);
        assertThat(JARGON).anyMatch(phrase -> legalese.toLowerCase(Locale.UK).contains(phrase));
    }
}
