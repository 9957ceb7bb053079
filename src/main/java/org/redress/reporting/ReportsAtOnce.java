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

/**
 * How many report requests are worked out at once (issue 28). A report page reads tens of thousands of rows of the
 * read model and keeps a core busy for a few hundred milliseconds; four people reading the dashboard at once took both
 * cores of a small server, and reading one case then waited seconds. Report requests (the API's and the staff pages'
 * {@code /reports/} routes, matched by Spring's path patterns) therefore take turns: at most
 * {@code redress.reporting.at-once} at a time (by default half the cores, at least one), the others wait in the order
 * they came, for at most {@code redress.reporting.wait} (then 503 with {@code Retry-After}). Everything else (cases,
 * lists, intake) never waits for a report.
 */
@Configuration(proxyBeanMethods = false)
class ReportsAtOnce implements WebMvcConfigurer, HandlerInterceptor {

    private static final String HOLDS_A_TURN = ReportsAtOnce.class.getName() + ".turn";

    static final String[] PATTERNS = {"/api/v1/organisations/*/reports/**", "/staff/*/reports/**"};
    static final String[] NOT_REPORTS = {"/api/v1/organisations/*/reports/read-model/**", "/staff/*/reports/read-model/**"};

    private final Semaphore turns;
    private final Duration wait;

    ReportsAtOnce(@Value("${redress.reporting.at-once:0}") int atOnce, @Value("${redress.reporting.wait:60s}") Duration wait) {
        if (atOnce < 0) {
            throw new IllegalArgumentException("redress.reporting.at-once must be 0 (half the cores) or more, not " + atOnce);
        }
        this.turns = new Semaphore(atOnce == 0 ? defaultFor(Runtime.getRuntime().availableProcessors()) : atOnce, true);
        this.wait = wait;
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
        boolean turn;
        try {
            turn = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "10");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Reports are busy\",\"status\":503,"
                    + "\"detail\":\"Other reports are being worked out. Try again in a few seconds.\"}");
            return false;
        }
        request.setAttribute(HOLDS_A_TURN, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
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
