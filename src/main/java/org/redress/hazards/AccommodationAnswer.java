package org.redress.hazards;

/** What the household said to the offer of alternative accommodation (R-3, issue 23). */
public enum AccommodationAnswer {
    ACCEPTED,
    DECLINED
}
