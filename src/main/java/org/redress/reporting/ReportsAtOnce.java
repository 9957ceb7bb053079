package org.redress.reporting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many report requests are worked out at once (issue 28). A report page reads tens of thousands of rows of the
 * read model and keeps a core busy for a few hundred milliseconds; four people reading the dashboard at once took both
 * cores of a small server, and reading one case then waited seconds. Report requests (the API's and the staff pages'
 * {@code /reports/} routes, matched by Spring's path patterns) therefore take turns: at most
 * {@code redress.reporting.at-once} at a time (by default half the cores, at least one), the others wait in the order
 * they came, for at most {@code redress.reporting.wait} (then 503 with {@code Retry-After}). At most
 * {@code redress.reporting.waiting} wait at once (0: four for each turn); one more is answered 503 with {@code Retry-After}
 * at once rather than join a queue it would only leave by timing out. A request waits here before it has a connection
 * of any pool, and a report reads through connections of its own ({@link ReportConnections}), so everything else (cases,
 * lists, intake) never waits for a report.
 */
@Configuration(proxyBeanMethods = false)
class ReportsAtOnce implements WebMvcConfigurer, HandlerInterceptor {

    private static final String HOLDS_A_TURN = ReportsAtOnce.class.getName() + ".turn";

    static final String[] PATTERNS = {"/api/v1/organisations/*/reports/**", "/staff/*/reports/**"};
    static final String[] NOT_REPORTS = {"/api/v1/organisations/*/reports/read-model/**", "/staff/*/reports/read-model/**"};

    private final Semaphore turns;
    private final Duration wait;
    private final int mayWait;
    private final AtomicInteger waiting = new AtomicInteger();

    ReportsAtOnce(int atOnce, Duration wait) {
        this(atOnce, wait, 0);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ReportsAtOnce(@Value("${redress.reporting.at-once:0}") int atOnce, @Value("${redress.reporting.wait:60s}") Duration wait,
                  @Value("${redress.reporting.waiting:0}") int mayWait) {
        if (atOnce < 0) {
            throw new IllegalArgumentException("redress.reporting.at-once must be 0 (half the cores) or more, not " + atOnce);
        }
        if (mayWait < 0) {
            throw new IllegalArgumentException("redress.reporting.waiting must be 0 (four for each turn) or more, not " + mayWait);
        }
        int turns = atOnce == 0 ? defaultFor(Runtime.getRuntime().availableProcessors()) : atOnce;
        this.turns = new Semaphore(turns, true);
        this.wait = wait;
        this.mayWait = mayWait == 0 ? 4 * turns : mayWait;
    }

    /** Half the cores, at least one. */
    static int defaultFor(int cores) {
        return Math.max(1, cores / 2);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // a rebuild of the read model runs for minutes and is not a report: it does not take a turn
        registry.addInterceptor(this).addPathPatterns(PATTERNS).excludePathPatterns(NOT_REPORTS);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        boolean turn = false;
        try {
            // a free turn at once, in the order requests came (tryAcquire() alone would jump the queue)
            turn = turns.tryAcquire(0, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!turn && !Thread.currentThread().isInterrupted()) {
            if (waiting.incrementAndGet() > mayWait) {
                waiting.decrementAndGet();
                return busy(response, "Reports are busy", "Too many reports are waiting to be worked out. Try again in a few seconds.");
            }
            try {
                turn = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
        if (!turn) {
            return busy(response, "Reports are busy", "Other reports are being worked out. Try again in a few seconds.");
        }
        request.setAttribute(HOLDS_A_TURN, Boolean.TRUE);
        return true;
    }

    private static boolean busy(HttpServletResponse response, String title, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":503,"
                + "\"detail\":\"" + detail + "\"}");
        return false;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        if (request.getAttribute(HOLDS_A_TURN) != null) {
            request.removeAttribute(HOLDS_A_TURN);
            turns.release();
        }
    }

    /** Requests waiting for a turn now (for tests). */
    int waiting() {
        return waiting.get();
    }

    /** Turns free now (for tests). */
    int free() {
        return turns.availablePermits();
    }
}
