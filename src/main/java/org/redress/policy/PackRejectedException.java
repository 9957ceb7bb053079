package org.redress.policy;

import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;

import java.util.List;

/**
 * A pack file that cannot be stored, with every error and its line. It is an {@link InvalidInputException}, so
 * a caller outside the policy API still gets a 400 naming the fields; the policy API adds the lines.
 */
class PackRejectedException extends InvalidInputException {

    private final List<PackError> packErrors;

    PackRejectedException(List<PackError> errors) {
        super(errors.stream().map(e -> new FieldError(e.field(), "line " + e.line() + ": " + e.message())).toList());
        this.packErrors = List.copyOf(errors);
    }

    List<PackError> packErrors() {
        return packErrors;
    }
}
