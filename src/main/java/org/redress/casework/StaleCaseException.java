package org.redress.casework;

/** Someone else changed the case since this edit was prepared; answered with 409 so nothing is overwritten. */
public class StaleCaseException extends RuntimeException {

    StaleCaseException(String reference, long expected, long actual) {
        super("case %s has changed since you opened it (you had version %d, it is now at %d); reload it and try again"
                .formatted(reference, expected, actual));
    }
}
