package org.redress.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many requests are worked on at once (issue 27): at most {@code redress.requests.at-once} handlers run at a time
 * (0: the database pool's connections plus the cores), the others wait their turn in the order they came, for at most
 * {@code redress.requests.wait}, and are then answered 503 with {@code Retry-After}.
 * <p>
 * Why: on JDK 21 and later every request has a virtual thread, and virtual threads are not time-sliced. With 200
 * requests in flight on two cores, a request that held one of the pool's connections waited for a core behind all the
 * others, held its connection longer, and the pool's 2 s wait ran out for the rest: at 200 creates a second JDK 25
 * acknowledged 80 a second and answered 215 a second 503 (bench/outage.sh), while JDK 17's time-sliced threads
 * acknowledged 200. Taking turns here, before a handler asks for a connection, keeps the few requests being worked on
 * moving. {@link ServiceUnavailableFilter}'s limit on requests in flight still bounds the memory that waiting requests
 * hold. The turn is taken after the filters (sign-in, the body read and checked) and after a report has its own turn
 * ({@code ReportsAtOnce}), so neither a slow client nor a report waiting its turn holds one.
 */
@Configuration(proxyBeanMethods = false)
class RequestsAtOnce implements WebMvcConfigurer, AsyncHandlerInterceptor {

    private static final String HOLDS_A_TURN = RequestsAtOnce.class.getName() + ".turn";

    private final Semaphore turns;
    private final int atOnce;
    private final Duration wait;
    private final Duration retryAfter;

    RequestsAtOnce(int atOnce, Duration wait, Duration retryAfter) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("redress.requests.at-once must be 0 (the pool's connections and the cores) or more, not " + atOnce);
        }
        this.atOnce = atOnce;
        this.turns = new Semaphore(atOnce, true);
        this.wait = wait;
        this.retryAfter = retryAfter;
    }

    @Autowired
    RequestsAtOnce(@Value("${redress.requests.at-once:0}") int atOnce, @Value("${redress.requests.wait:2s}") Duration wait,
                   @Value("${redress.requests.retry-after:5s}") Duration retryAfter,
                   @Value("${spring.datasource.hikari.maximum-pool-size:10}") int connections) {
        this(atOnce == 0 ? defaultFor(connections, Runtime.getRuntime().availableProcessors()) : atOnce, wait, retryAfter);
    }

    /** The database pool's connections plus the cores: enough to keep every connection and every core busy. */
    static int defaultFor(int connections, int cores) {
        return Math.max(1, connections) + Math.max(1, cores);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // last of the interceptors: access is decided and a report has its own turn before this one is taken
        registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        // only a request's own dispatch takes a turn: the dispatch that completes a streamed or deferred answer has
        // already begun its response, and an error page or a forward is part of a request that had its turn
        if (request.getDispatcherType() != DispatcherType.REQUEST || request.getAttribute(HOLDS_A_TURN) != null) {
            return true;
        }
        boolean turn = false;
        try {
            // a free turn at once in the order requests came (tryAcquire() alone would jump the queue), or wait for one
            turn = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!turn) {
            ServiceUnavailableFilter.answer(request, response, retryAfter, "Too many requests",
                    "Redress is working on " + atOnce + " requests already. Try again in a few seconds.", true);
            return false;
        }
        request.setAttribute(HOLDS_A_TURN, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // a streamed answer goes on without holding a turn: it writes, it does not wait for a connection
        release(request);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        release(request);
    }

    private void release(HttpServletRequest request) {
        if (request.getAttribute(HOLDS_A_TURN) != null) {
            request.removeAttribute(HOLDS_A_TURN);
            turns.release();
        }
    }

    /** Turns free now (for tests). */
    int free() {
        return turns.availablePermits();
    }
}
