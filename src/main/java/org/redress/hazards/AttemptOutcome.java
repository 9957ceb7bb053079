package org.redress.hazards;

/** What happened when someone tried to get into the home ("all reasonable endeavours": every attempt counts). */
public enum AttemptOutcome {
    ACCESS_GIVEN,
    NO_ACCESS,
    REFUSED
}
