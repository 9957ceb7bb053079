package org.redress.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An email address as Redress accepts one everywhere: something, an at sign, a domain with a dot, no spaces (leading
 * and trailing spaces are ignored). Empty is no address, so it passes: say {@code @NotBlank} as well where one is
 * required. The message is the field's own, in the words of its page or API.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default "is not an email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The one pattern of an email address. */
    Pattern PATTERN = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    class Check implements ConstraintValidator<EmailAddress, CharSequence> {

        /** True when the value, stripped, is an email address. */
        public static boolean matches(String value) {
            return PATTERN.matcher(value.strip()).matches();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.toString().isBlank() || matches(value.toString());
        }
    }
}
