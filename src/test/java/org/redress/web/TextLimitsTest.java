package org.redress.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one set of text sizes: each field over its size named by its path, once, with its size; at the size, accepted. */
class TextLimitsTest {

    record Person(@Size(max = TextLimits.NAME) @Nullable String name, @Size(max = TextLimits.LINE) @Nullable String address) {
    }

    record Decision(@Size(max = TextLimits.TEXT) @Nullable String reasons) {
    }

    record Request(@Valid @Nullable Person person, @Size(max = TextLimits.TEXT) @Nullable String description,
                   @Nullable List<@Size(max = TextLimits.TEXT) String> points, @Nullable List<@Valid Decision> decisions) {
    }

    @Test
    void everyFieldOverItsLimitIsNamedByItsPathWithTheLimitOnceInTheOrderTheRequestDeclaresThem() {
        String megabyte = "x".repeat(1_000_000);
        Request request = new Request(new Person(megabyte, "y".repeat(501)), "z".repeat(TextLimits.TEXT + 1),
                List.of("fine", megabyte), List.of(new Decision("ok"), new Decision(megabyte)));
        assertThat(TextLimits.errorsIn(request)).containsExactly(
                new FieldError("person.address", "must be 500 characters or fewer"),
                new FieldError("person.name", "must be 200 characters or fewer"),
                new FieldError("description", "must be 10,000 characters or fewer"),
                new FieldError("points[1]", "must be 10,000 characters or fewer"),
                new FieldError("decisions[1].reasons", "must be 10,000 characters or fewer"));
    }

    @Test
    void textAtExactlyTheLimitIsAccepted() {
        Request request = new Request(new Person("n".repeat(TextLimits.NAME), "a".repeat(TextLimits.LINE)), "d".repeat(TextLimits.TEXT),
                List.of("p".repeat(TextLimits.TEXT)), List.of(new Decision("r".repeat(TextLimits.TEXT))));
        assertThat(TextLimits.errorsIn(request)).isEmpty();
        TextLimits.check(request);
    }

    @Test
    void aTooLongRequestIsRefusedAsInvalidInput() {
        assertThatThrownBy(() -> TextLimits.check(new Decision("r".repeat(TextLimits.TEXT + 1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reasons: must be 10,000 characters or fewer");
        assertThatThrownBy(() -> TextLimits.check("name", "n".repeat(201), TextLimits.NAME))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("name: must be 200 characters or fewer");
    }

    record ComplaintForm(@Size(max = TextLimits.TEXT) @Nullable String whatHappened,
                         @Nullable List<@Size(max = TextLimits.NAME) String> pointReasons) {
    }

    @Test
    void aPageFormsErrorsNameTheFieldInWordsForTheErrorSummary() {
        assertThat(TextLimits.formErrorsIn(new ComplaintForm("w".repeat(10_001), List.of("r".repeat(201))))).containsExactly(
                new FieldError("whatHappened", "What happened must be 10,000 characters or fewer"),
                new FieldError("pointReasons[0]", "Point reasons must be 200 characters or fewer"));
        assertThatThrownBy(() -> TextLimits.checkFormField("receivedOn", "2".repeat(201), TextLimits.NAME))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("receivedOn: Received on must be 200 characters or fewer");
    }
}
