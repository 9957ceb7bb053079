package org.redress.policy;

import org.redress.policy.PolicyPack.Milestone;

import java.util.Locale;

/** How pack terms read in sentences (compliance reasons, error messages). */
final class PackText {

    private PackText() {
    }

    static String milestone(Milestone milestone) {
        return switch (milestone) {
            case RECEIVED -> "receipt";
            case LOGGED -> "logging";
            case ACKNOWLEDGED -> "acknowledgement";
            case CONTACTED -> "first contact";
            case RESPONDED -> "the response";
            case CLOSED -> "closure";
        };
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
