package org.redress.publicweb;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most a number of public requests of one kind per address in a sliding window. Kept in memory on each node on
 * purpose: losing the counts on a restart only lets a few more attempts through; the one-time codes' own attempt
 * counts are in the database.
 */
@Component
class RateLimiter {

    enum Kind {
        COMPLAINT(5, Duration.ofMinutes(10)), CODE_REQUEST(5, Duration.ofMinutes(10)), CODE_CHECK(10, Duration.ofMinutes(10));

        final int limit;
        final Duration window;

        Kind(int limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }
    }

    private final Clock clock;
    private final Map<String, Deque<Instant>> seen = new ConcurrentHashMap<>();

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts one request; false when the address has used up its allowance for now. */
    boolean allow(Kind kind, String address) {
        Instant now = clock.instant();
        Deque<Instant> times = seen.computeIfAbsent(kind + "|" + address, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(kind.window))) {
                times.pollFirst();
            }
            if (times.size() >= kind.limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** Whether the address has room for one more now, without counting it (see {@link #count}). */
    boolean hasRoom(Kind kind, String address) {
        Deque<Instant> times = seen.get(kind + "|" + address);
        if (times == null) {
            return true;
        }
        Instant now = clock.instant();
        synchronized (times) {
            times.removeIf(t -> !t.isAfter(now.minus(kind.window)));
            return times.size() < kind.limit;
        }
    }

    /** Counts one request that was accepted. */
    void count(Kind kind, String address) {
        Deque<Instant> times = seen.computeIfAbsent(kind + "|" + address, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    /** Forgets every count (tests that submit many forms from one address). */
    void reset() {
        seen.clear();
    }
}
