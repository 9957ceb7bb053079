package org.redress.equality;

import java.util.List;
import java.util.Optional;

/**
 * The monitoring questions and their groups, after the Office for National Statistics' 2021 Census groupings (high-level
 * categories). Every question is optional and offers "Prefer not to say".
 */
public enum Question {
    AGE_BAND("age_band", "Age", "How old are you?", List.of(
            new Answer("under-16", "Under 16"), new Answer("16-24", "16 to 24"), new Answer("25-34", "25 to 34"),
            new Answer("35-44", "35 to 44"), new Answer("45-54", "45 to 54"), new Answer("55-64", "55 to 64"),
            new Answer("65-74", "65 to 74"), new Answer("75-plus", "75 or over"))),
    DISABILITY("disability", "Disability",
            "Do you have a physical or mental health condition or illness that has lasted, or is expected to last, 12 months or more?",
            List.of(new Answer("yes", "Yes"), new Answer("no", "No"))),
    ETHNICITY("ethnicity", "Ethnic group", "What is your ethnic group?", List.of(
            new Answer("asian", "Asian or Asian British"), new Answer("black", "Black, Black British, Caribbean or African"),
            new Answer("mixed", "Mixed or multiple ethnic groups"), new Answer("white", "White"),
            new Answer("other", "Other ethnic group"))),
    SEX("sex", "Sex", "What is your sex?", List.of(new Answer("female", "Female"), new Answer("male", "Male"))),
    RELIGION("religion", "Religion", "What is your religion?", List.of(
            new Answer("none", "No religion"), new Answer("christian", "Christian"), new Answer("buddhist", "Buddhist"),
            new Answer("hindu", "Hindu"), new Answer("jewish", "Jewish"), new Answer("muslim", "Muslim"), new Answer("sikh", "Sikh"),
            new Answer("other", "Any other religion"))),
    SEXUAL_ORIENTATION("sexual_orientation", "Sexual orientation", "Which of the following best describes your sexual orientation?",
            List.of(new Answer("straight", "Straight or heterosexual"), new Answer("gay-lesbian", "Gay or lesbian"),
                    new Answer("bisexual", "Bisexual"), new Answer("other", "Another sexual orientation")));

    public static final String PREFER_NOT_TO_SAY = "prefer-not-to-say";

    /** One group a person can choose. */
    public record Answer(String code, String label) {
    }

    private final String code;
    private final String label;
    private final String wording;
    private final List<Answer> groups;

    Question(String code, String label, String wording, List<Answer> groups) {
        this.code = code;
        this.label = label;
        this.wording = wording;
        this.groups = groups;
    }

    /** The question's code: its field in forms and the API, and its column. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String wording() {
        return wording;
    }

    /** The groups a customer profile can give a share for. */
    public List<Answer> groups() {
        return groups;
    }

    /** Every choice on the form: the groups, then "Prefer not to say". */
    public List<Answer> choices() {
        return java.util.stream.Stream.concat(groups.stream(), java.util.stream.Stream.of(new Answer(PREFER_NOT_TO_SAY, "Prefer not to say"))).toList();
    }

    public boolean accepts(String answer) {
        return choices().stream().anyMatch(a -> a.code().equals(answer));
    }

    public static Optional<Question> byCode(String code) {
        for (Question q : values()) {
            if (q.code.equals(code)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
