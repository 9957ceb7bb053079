package org.redress.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one email rule, and a declared rule's own message kept whole on a page form (only a size is put in words). */
class EmailAddressTest {

    record Contact(@NotBlank(message = "Enter your full name") @Nullable String name,
                   @EmailAddress(message = "Enter an email address in the correct format, like name@example.com") @Nullable String email) {
    }

    record ApiContact(@EmailAddress @Nullable String email) {
    }

    @Test
    void anEmptyAddressIsNoAddressAndPasses() {
        assertThat(TextLimits.errorsIn(new ApiContact(null))).isEmpty();
        assertThat(TextLimits.errorsIn(new ApiContact("  "))).isEmpty();
        assertThat(TextLimits.errorsIn(new ApiContact(" sam@example.org "))).isEmpty();
    }

    @Test
    void anAddressWithoutADomainIsRefusedWithTheFieldsOwnMessage() {
        assertThat(TextLimits.errorsIn(new ApiContact("not-an-email")))
                .containsExactly(new FieldError("email", "is not an email address"));
        assertThat(TextLimits.errorsIn(new ApiContact("sam@example")))
                .containsExactly(new FieldError("email", "is not an email address"));
    }

    @Test
    void aPageFormShowsEachDeclaredRulesSentenceAsItIs() {
        assertThat(TextLimits.formErrorsIn(new Contact(" ", "sam at home"))).containsExactly(
                new FieldError("name", "Enter your full name"),
                new FieldError("email", "Enter an email address in the correct format, like name@example.com"));
    }
}
