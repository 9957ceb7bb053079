package org.redress.policy;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.stream.Collectors;

/** A refused pack file, for both pack APIs: 400 with every error and its line. */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {PolicyController.class, OrganisationPolicyController.class})
class PolicyProblems {

    @ExceptionHandler(PackRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(PackRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Invalid policy pack");
        problem.setDetail(e.packErrors().stream().map(PackError::toString).collect(Collectors.joining("; ")));
        problem.setProperty("errors", e.packErrors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
