package org.redress.web;

import jakarta.validation.ConstraintViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;

/** Turns bad input anywhere in the REST API into a problem document naming each field. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.errors());
    }

    @ExceptionHandler(RefusedException.class)
    ProblemDetail refused(RefusedException e) {
        ProblemDetail problem = e.field() == null
                ? Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by the policy", e.getMessage())
                : problem(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by the policy", List.of(new FieldError(e.field(), e.getMessage())));
        problem.setDetail(e.getMessage());
        if (e.rule() != null) {
            problem.setProperty("rule", e.rule());
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                List.of(new FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                List.of(new FieldError(e.getName(), describeExpected(e.getRequiredType(), e.getValue()))));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail notValid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail violated(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                List.of(new FieldError("body", "is not valid JSON for this request")));
    }

    static ProblemDetail problem(HttpStatus status, String title, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title);
        problem.setDetail(errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse(title));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String describeExpected(Class<?> type, Object value) {
        if (type == LocalDate.class) {
            return "must be a date written YYYY-MM-DD, not '" + value + "'";
        }
        if (type == Instant.class) {
            return "must be an instant written like 2026-11-23T09:30:00Z, not '" + value + "'";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number, not '" + value + "'";
        }
        if (type != null && type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'";
        }
        return "has an invalid value '" + value + "'";
    }
}
