package org.redress.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two answers of 503 with {@code Retry-After} instead of a hang, a 500 or an out-of-memory death (issue 27):
 * <ul>
 *   <li><b>Too many requests in flight.</b> At most {@code redress.requests.max-in-flight} requests are worked on at
 *   once; one more is answered 503 at once. With virtual threads nothing else bounds them: while the database was away,
 *   requests arriving at 200 a second each waited for a connection holding about 100 KB, until the 512 MB heap ran out.
 *   The health and info endpoints are not counted, so a load balancer can always ask.</li>
 *   <li><b>The database cannot be reached.</b> A request that could not get a connection within the pool's short wait
 *   ({@code spring.datasource.hikari.connection-timeout}, 2 s), or whose connection was lost, is answered 503 with
 *   {@code Retry-After} ({@code redress.requests.retry-after}). A request that could not get a connection did nothing;
 *   one whose connection was lost mid-way may or may not have committed, so a create is sent again with its
 *   idempotency key, which never makes it twice. For {@code redress.requests.database-away-window} (1 s) after such an
 *   answer, requests are answered 503 at once; then one at a time tries the database again.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ServiceUnavailableFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

    private static final String BUSY = "Too many requests";
    private static final String DATABASE = "Database unavailable";
    private static final String DATABASE_DETAIL = "Redress cannot reach its database just now. Try again in a few seconds.";

    private final Semaphore inFlight;
    private final int maxInFlight;
    private final Duration retryAfter;
    private final long awayWindowNanos;
    /** The database was found away: until {@link #awayUntil}, requests are answered 503 without waiting for it. */
    private volatile boolean away;
    private volatile long awayUntil;
    private final AtomicBoolean probing = new AtomicBoolean();

    ServiceUnavailableFilter(int maxInFlight, Duration retryAfter) {
        this(maxInFlight, retryAfter, Duration.ZERO);
    }

    @Autowired
    ServiceUnavailableFilter(@Value("${redress.requests.max-in-flight:200}") int maxInFlight,
                             @Value("${redress.requests.retry-after:5s}") Duration retryAfter,
                             @Value("${redress.requests.database-away-window:1s}") Duration awayWindow) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("redress.requests.max-in-flight must be at least 1, not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.retryAfter = retryAfter;
        this.awayWindowNanos = awayWindow.toNanos();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
            chain.doFilter(request, response);
            return;
        }
        // The database was away a moment ago: answer at once rather than let every request wait the pool's 2 s. Measured
        // (bench/outage.sh): at 200 creates a second on JDK 17, Tomcat's 200 threads each waiting 2 s served 100 a second
        // and the rest queued for more than a minute. Once the window has passed, one request at a time tries the
        // database; when one gets through, every request does again.
        boolean probe = false;
        if (away) {
            if (System.nanoTime() - awayUntil < 0 || !probing.compareAndSet(false, true)) {
                unavailable(request, response, DATABASE, DATABASE_DETAIL);
                return;
            }
            probe = true;
        }
        if (!inFlight.tryAcquire()) {
            if (probe) {
                probing.set(false);
            }
            unavailable(request, response, BUSY, "Redress is answering " + maxInFlight
                    + " requests already. Try again in a few seconds.");
            return;
        }
        try {
            chain.doFilter(request, response);
            if (probe) {
                away = false;
                LOG.info("The database can be reached again");
            }
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            if (awayWindowNanos > 0 && DatabaseUnavailable.unreachable(e)) {
                awayUntil = System.nanoTime() + awayWindowNanos;
                if (!away) {
                    away = true;
                    LOG.warn("The database cannot be reached: requests are answered 503 at once, and one a time tries it "
                            + "again after {} ms", awayWindowNanos / 1_000_000);
                }
            }
            if (!probe) {
                LOG.warn("Answered 503 to {} {}: the database cannot be reached ({})", request.getMethod(),
                        request.getRequestURI(), rootMessage(e));
            }
            response.reset();
            unavailable(request, response, DATABASE, DATABASE_DETAIL);
        } finally {
            inFlight.release();
            if (probe) {
                probing.set(false);
            }
        }
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response, String title, String detail) throws IOException {
        answer(request, response, retryAfter, title, detail, title.equals(BUSY));
    }

    /** A 503 with {@code Retry-After}: a page in plain English for a browser, problem+json otherwise. */
    static void answer(HttpServletRequest request, HttpServletResponse response, Duration retryAfter, String title, String detail,
                       boolean busy) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        if (wantsAPage(request)) {
            UnavailablePage.write(response, busy);
            return;
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":503,\"detail\":\""
                + detail + "\"}");
    }

    /**
     * A browser asking for a page (not the API) is answered with a page in plain English rather than JSON (issue 27): a
     * staff page, the public form, or the sign-in form posted while the database is away.
     */
    static boolean wantsAPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html")
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
