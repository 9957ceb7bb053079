package org.redress.casework;

import org.redress.web.FieldError;
import org.redress.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** A stale edit is 409 (a refused verb is a {@link org.redress.web.RefusedException}: 422 naming the rule). */
@RestControllerAdvice(assignableTypes = CaseController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseworkProblems {

    @ExceptionHandler(StaleCaseException.class)
    ProblemDetail stale(StaleCaseException e) {
        return Problems.of(HttpStatus.CONFLICT, "The case has changed", e.getMessage());
    }
}
