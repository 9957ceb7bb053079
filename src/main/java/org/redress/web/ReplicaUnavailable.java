package org.redress.web;

/**
 * The reports' replica ({@code redress.reporting.datasource}) cannot be reached: still answered 503 with Retry-After,
 * but it says nothing of the primary, so it never makes {@link ServiceUnavailableFilter} answer other requests (cases,
 * intake) 503 at once (issue 24 with issue 27).
 */
public class ReplicaUnavailable extends RuntimeException {

    public ReplicaUnavailable(RuntimeException cause) {
        super("the reports' replica cannot be reached", cause);
    }
}
