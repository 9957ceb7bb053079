package org.redress.web;

import jakarta.validation.ConstraintViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

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

    /** A PDF that cannot be made now: 503, and when to ask again. */
    @ExceptionHandler(PdfBusyException.class)
    ResponseEntity<ProblemDetail> busy(PdfBusyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "PDF busy", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                List.of(new FieldError(e.getParameterName(), "is required")));
    }

    /** A query parameter or path variable that is not of its type, or a date outside the calendar's years (RequestDates). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        String message = e.getMostSpecificCause() instanceof RequestDates.OutsideTheCalendar outside
                ? outside.getMessage() + ", not '" + e.getValue() + "'"
                : describeExpected(e.getRequiredType(), e.getValue());
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", List.of(new FieldError(e.getName(), message)));
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

    /**
     * Malformed JSON names the body; well-formed JSON with a value of the wrong type (an unknown enum constant, text for
     * a number) or a number too large for its field names the field by its path, e.g. {@code complainant.tenure}, with
     * what it must be.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getMostSpecificCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch.getPath());
            if (!field.isEmpty()) {
                return problem(HttpStatus.BAD_REQUEST, "Invalid input", List.of(new FieldError(field, expected(mismatch.getTargetType()))));
            }
        }
        // a number too large for its field ({"homes": 99999999999}) is well-formed JSON: name the field, not the body
        if (e.getMostSpecificCause() instanceof InputCoercionException tooLarge && !tooLarge.getPath().isEmpty()) {
            String field = path(tooLarge.getPath());
            if (!field.isEmpty()) {
                return problem(HttpStatus.BAD_REQUEST, "Invalid input", List.of(new FieldError(field, "is a number out of range for this field")));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid input",
                List.of(new FieldError("body", "is not valid JSON for this request")));
    }

    /** A JSON path as the API's field names write it: {@code complainant.tenure}, {@code points[0]}. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.length() > 200 ? out.substring(0, 200) : out.toString();
    }

    /** What a JSON value of this type must be; the value itself is not repeated (it may be anything a client sent). */
    private static String expected(@org.jspecify.annotations.Nullable Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == LocalDate.class) {
            return "must be a date written YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "must be an instant written like 2026-11-23T09:30:00Z";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "has a value of the wrong type";
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
        if (type == java.util.UUID.class) {
            return "must be an id like 3f2b6c1e-8d4a-4b7e-9c2f-1a5d7e9b0c3d, not '" + value + "'";
        }
        return "has an invalid value '" + value + "'";
    }
}
