package org.redress.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set and move, as Kill Bill's tests move their clock: the application reads it as "now". */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    /** Sets the clock to a UK local date-time, e.g. "2026-11-23T09:00". */
    public void setUk(String localDateTime) {
        this.now = LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
