package org.redress.web;

import java.time.Duration;

/** A PDF that could not be made now (too many being made, or past the time limit); answered 503 with Retry-After. */
public class PdfBusyException extends RuntimeException {

    private final Duration retryAfter;

    public PdfBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
