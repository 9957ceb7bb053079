package org.redress.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

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
    void aRollbackThatFailsAfterTheConnectionWasLostIsA503NotA500() throws Exception {
        // measured in the outage benchmark (bench/outage.sh): PostgreSQL stopped mid-transaction, the statement failed
        // with 57P01 and the rollback then failed on the pool's closed connection, hiding the first error
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(run("/api/v1/organisations/the-trust/cases", (req, res) -> {
            throw new jakarta.servlet.ServletException("Request processing failed", rollback);
        }).getStatus()).isEqualTo(503);
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC commit failed", new SQLException("Connection is closed"))))
                .isTrue();
        TransactionSystemException other = new TransactionSystemException("rollback failed", new SQLException("a bug", "XX000"));
        other.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseUnavailable.causedBy(other)).isFalse();
    }

    @Test
    void forAMomentAfterTheDatabaseWasFoundAwayRequestsAreAnswered503WithoutWaitingForIt() throws Exception {
        ServiceUnavailableFilter breaker = new ServiceUnavailableFilter(200, Duration.ofSeconds(5), Duration.ofMillis(300));
        java.util.concurrent.atomic.AtomicInteger reached = new java.util.concurrent.atomic.AtomicInteger();
        FilterChain busy = (req, res) -> {
            reached.incrementAndGet();
            throw new CannotGetJdbcConnectionException("no", new SQLTransientConnectionException("not available (total=10, active=10)"));
        };
        // a pool whose live connections were all busy: that request is answered 503, the next still tries
        assertThat(runThrough(breaker, busy).getStatus()).isEqualTo(503);
        assertThat(runThrough(breaker, busy).getStatus()).isEqualTo(503);
        assertThat(reached).hasValue(2);
        reached.set(0);
        FilterChain away = (req, res) -> {
            reached.incrementAndGet();
            throw new CannotGetJdbcConnectionException("no", new SQLTransientConnectionException("not available (total=0)",
                    new SQLException("Connection to localhost:5432 refused", "08001", new java.net.ConnectException("Connection refused"))));
        };
        FilterChain back = (req, res) -> reached.incrementAndGet();
        assertThat(runThrough(breaker, away).getStatus()).isEqualTo(503);
        assertThat(reached).hasValue(1);
        // within the window: answered at once, the database not tried
        assertThat(runThrough(breaker, back).getStatus()).isEqualTo(503);
        assertThat(reached).hasValue(1);
        Thread.sleep(400);
        // after it: one request tries the database, gets through, and every request does again
        assertThat(runThrough(breaker, back).getStatus()).isEqualTo(200);
        assertThat(runThrough(breaker, back).getStatus()).isEqualTo(200);
        assertThat(reached).hasValue(3);
    }

    @Test
    void aBusyPoolBehindATransactionIsNotTheDatabaseAwayButARefusedConnectionBehindOneIs() throws Exception {
        // as @Transactional reports them (CannotCreateTransactionException): the outage benchmark, with PostgreSQL up and
        // the pool busy, found every such wait opening the window, and Redress acknowledged about 30 creates a second
        ServiceUnavailableFilter breaker = new ServiceUnavailableFilter(200, Duration.ofSeconds(5), Duration.ofSeconds(30));
        java.util.concurrent.atomic.AtomicInteger reached = new java.util.concurrent.atomic.AtomicInteger();
        FilterChain busy = (req, res) -> {
            reached.incrementAndGet();
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms "
                            + "(total=10, active=10, idle=0, waiting=75)"));
        };
        FilterChain served = (req, res) -> reached.incrementAndGet();
        assertThat(runThrough(breaker, busy).getStatus()).isEqualTo(503);
        assertThat(runThrough(breaker, served).getStatus()).isEqualTo(200);
        assertThat(reached).hasValue(2);
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no",
                new SQLTransientConnectionException("not available")))).isTrue();
        assertThat(DatabaseUnavailable.unreachable(new CannotCreateTransactionException("no",
                new SQLTransientConnectionException("not available")))).isFalse();

        FilterChain refused = (req, res) -> {
            reached.incrementAndGet();
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("not available (total=0)",
                            new SQLException("Connection to localhost:5432 refused", "08001")));
        };
        assertThat(runThrough(breaker, refused).getStatus()).isEqualTo(503);
        assertThat(runThrough(breaker, served).getStatus()).as("within the window: answered at once").isEqualTo(503);
        assertThat(reached).hasValue(3);
    }

    private static MockHttpServletResponse runThrough(ServiceUnavailableFilter f, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/organisations/the-trust/cases");
        MockHttpServletResponse response = new MockHttpServletResponse();
        f.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aBrowserIsShownAPageInPlainEnglishNotJson() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/staff/the-trust");
        request.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new CannotGetJdbcConnectionException("no", new SQLTransientConnectionException("not available"));
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("<h1>Sorry, the service is not available just now</h1>")
                .contains("Please try again in a few minutes.");
        // the API keeps its problem+json, whatever the client accepts
        MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/v1/organisations/the-trust/cases");
        api.addHeader("Accept", "text/html");
        MockHttpServletResponse answer = new MockHttpServletResponse();
        filter.doFilter(api, answer, (req, res) -> {
            throw new CannotGetJdbcConnectionException("no", new SQLTransientConnectionException("not available"));
        });
        assertThat(answer.getContentType()).startsWith("application/problem+json");
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
