package org.redress.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 27: on virtual threads a request holding a connection must not wait for a core behind two hundred others. */
class RequestsAtOnceTest {

    @Test
    void byDefaultAsManyRequestsAreWorkedOnAsThePoolHasConnectionsAndTheMachineCores() {
        assertThat(RequestsAtOnce.defaultFor(10, 2)).isEqualTo(12);
        assertThat(RequestsAtOnce.defaultFor(20, 8)).isEqualTo(28);
    }

    @Test
    void aRequestBeyondTheTurnsWaitsForOneAndGoesOnWhenItIsFree() throws Exception {
        RequestsAtOnce requests = new RequestsAtOnce(1, Duration.ofSeconds(30), Duration.ofSeconds(5));
        MockHttpServletRequest first = create();
        assertThat(requests.preHandle(first, new MockHttpServletResponse(), new Object())).isTrue();
        MockHttpServletRequest second = create();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return requests.preHandle(second, new MockHttpServletResponse(), new Object());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        requests.afterCompletion(first, new MockHttpServletResponse(), new Object(), null);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(requests.free()).isZero();
        requests.afterCompletion(second, new MockHttpServletResponse(), new Object(), null);
        assertThat(requests.free()).isEqualTo(1);
    }

    @Test
    void aRequestWhoseWaitRunsOutIsToldToTryAgainAndHoldsNoTurn() throws Exception {
        RequestsAtOnce requests = new RequestsAtOnce(1, Duration.ofMillis(20), Duration.ofSeconds(5));
        MockHttpServletRequest first = create();
        assertThat(requests.preHandle(first, new MockHttpServletResponse(), new Object())).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(requests.preHandle(create(), refused, new Object())).isFalse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("Redress is working on 1 requests already. Try again in a few seconds.");

        requests.afterCompletion(first, new MockHttpServletResponse(), new Object(), null);
        assertThat(requests.free()).isEqualTo(1);
    }

    @Test
    void aStreamedAnswerGivesItsTurnBackWhenItStartsAndIsNotCountedTwice() throws Exception {
        RequestsAtOnce requests = new RequestsAtOnce(1, Duration.ofMillis(20), Duration.ofSeconds(5));
        MockHttpServletRequest export = new MockHttpServletRequest("GET", "/api/v1/organisations/alliance-homes/cases/export");
        assertThat(requests.preHandle(export, new MockHttpServletResponse(), new Object())).isTrue();
        requests.afterConcurrentHandlingStarted(export, new MockHttpServletResponse(), new Object());
        assertThat(requests.free()).isEqualTo(1);
        requests.afterCompletion(export, new MockHttpServletResponse(), new Object(), null);
        assertThat(requests.free()).isEqualTo(1);
    }

    @Test
    void theDispatchThatCompletesAStreamedAnswerTakesNoTurnSoItNeverWritesA503IntoIt() throws Exception {
        RequestsAtOnce requests = new RequestsAtOnce(1, Duration.ofMillis(20), Duration.ofSeconds(5));
        MockHttpServletRequest busy = create();
        assertThat(requests.preHandle(busy, new MockHttpServletResponse(), new Object())).isTrue();

        MockHttpServletRequest completing = new MockHttpServletRequest("GET", "/api/v1/organisations/alliance-homes/cases/export");
        completing.setDispatcherType(jakarta.servlet.DispatcherType.ASYNC);
        MockHttpServletResponse streamed = new MockHttpServletResponse();
        assertThat(requests.preHandle(completing, streamed, new Object())).isTrue();
        assertThat(streamed.getStatus()).isEqualTo(200);
        requests.afterCompletion(completing, streamed, new Object(), null);
        assertThat(requests.free()).isZero();

        requests.afterCompletion(busy, new MockHttpServletResponse(), new Object(), null);
        assertThat(requests.free()).isEqualTo(1);
    }

    private static MockHttpServletRequest create() {
        return new MockHttpServletRequest("POST", "/api/v1/organisations/alliance-homes/cases");
    }
}
