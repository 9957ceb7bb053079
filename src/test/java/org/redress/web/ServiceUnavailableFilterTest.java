package org.redress.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 27, items 3 and 4: quick 503s with Retry-After, never a hang or a 500, when the database is away or Redress is full. */
class ServiceUnavailableFilterTest {

    private final ServiceUnavailableFilter filter = new ServiceUnavailableFilter(2, Duration.ofSeconds(5));

    private MockHttpServletResponse run(String uri, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setRequestURI(uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aRequestThatCannotGetAConnectionIsAnswered503WithRetryAfterAsAProblem() throws Exception {
        MockHttpServletResponse response = run("/api/v1/organisations/the-trust/cases", (req, res) -> {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("redress-embedded - Connection is not available, request timed out after 2000ms"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Database unavailable\","
                + "\"status\":503,\"detail\":\"Redress cannot reach its database just now. Try again in a few seconds.\"}");
    }

    @Test
    void aLostOrRefusedConnectionIsA503AndAnyOtherErrorIsLeftAlone() throws Exception {
        assertThat(run("/cases", (req, res) -> {
            throw new CannotGetJdbcConnectionException("no", new SQLException("Connection refused", "08001"));
        }).getStatus()).isEqualTo(503);
        assertThat(run("/cases", (req, res) -> {
            throw new jakarta.servlet.ServletException(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")));
        }).getStatus()).isEqualTo(503);
        assertThat(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThatThrownBy(() -> run("/cases", (req, res) -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneRequestMoreThanTheLimitIsAnswered503AtOnceAndHealthIsNeverCounted() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (req, res) -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> quietly(slow));
        CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() -> quietly(slow));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        MockHttpServletResponse third = run("/cases", (req, res) -> { });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("5");
        assertThat(third.getContentAsString()).contains("\"title\":\"Too many requests\"",
                "Redress is answering 2 requests already. Try again in a few seconds.");
        assertThat(run("/actuator/health/readiness", (req, res) -> { }).getStatus()).isEqualTo(200);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(run("/cases", (req, res) -> { }).getStatus()).as("room again").isEqualTo(200);
    }

    private MockHttpServletResponse quietly(FilterChain chain) {
        try {
            return run("/cases", chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
