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

/** A refused verb is 422 naming the rule (and the field, when there is one); a stale edit is 409. */
@RestControllerAdvice(assignableTypes = CaseController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseworkProblems {

    @ExceptionHandler(CaseRefusedException.class)
    ProblemDetail refused(CaseRefusedException e) {
        Refusal r = e.refusal();
        ProblemDetail problem = r.field() == null
                ? Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by the policy", r.describe())
                : Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by the policy", List.of(new FieldError(r.field(), r.describe())));
        problem.setDetail(r.describe());
        if (r.cite() != null) {
            problem.setProperty("rule", r.cite());
        }
        return problem;
    }

    @ExceptionHandler(StaleCaseException.class)
    ProblemDetail stale(StaleCaseException e) {
        return Problems.of(HttpStatus.CONFLICT, "The case has changed", e.getMessage());
    }
}
