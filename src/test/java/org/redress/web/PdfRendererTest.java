package org.redress.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PDF pool: a bounded number made at once, a bounded number waiting, a time limit, and "busy" (503 with Retry-After)
 * past any of them, never an endless queue. The drawing is replaced by one that blocks until released, except in the
 * last test, which lays out a real document too long for its time limit and sees the render stopped.
 */
class PdfRendererTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<PdfRenderer> renderers = new ArrayList<>();

    private PdfRenderer renderer(int threads, int waiting, Duration limit, PdfRenderer.Drawing drawing) {
        PdfRenderer renderer = new PdfRenderer(threads, waiting, limit, drawing);
        renderers.add(renderer);
        return renderer;
    }

    private byte[] blocked(String html, boolean charts, java.util.function.BooleanSupplier stopped) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return html.getBytes(StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        release.countDown();
        renderers.forEach(PdfRenderer::destroy);
    }

    @Test
    void withOneBeingMadeAndTheQueueFullTheNextIsToldBusyAtOnceAndAnsweredWith503AndRetryAfter() throws Exception {
        PdfRenderer pool = renderer(1, 1, Duration.ofSeconds(20), this::blocked);
        CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> pool.render("first"));
        CompletableFuture<byte[]> second = CompletableFuture.supplyAsync(() -> pool.render("second"));
        Thread.sleep(300); // both handed over: one drawing, one waiting

        long started = System.nanoTime();
        assertThatThrownBy(() -> pool.render("third"))
                .isInstanceOf(PdfBusyException.class)
                .hasMessage("Too many PDFs are being made just now. Try again in a minute.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

        ResponseEntity<ProblemDetail> answer = new ApiExceptionHandler().busy(new PdfBusyException("busy", pool.retryAfter()));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("20");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getTitle()).isEqualTo("PDF busy");

        release.countDown();
        assertThat(new String(first.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(new String(second.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(new String(pool.render("fourth"), StandardCharsets.UTF_8)).isEqualTo("fourth");
    }

    @Test
    void atStartOnePdfWithAChartIsMadeSoTheFirstPersonsPdfDoesNotLoadTheFontsAndTheChartDrawer() throws Exception { // issue 28
        CompletableFuture<String> made = new CompletableFuture<>();
        PdfRenderer pool = renderer(1, 1, Duration.ofSeconds(20), (html, charts, stopped) -> {
            try {
                byte[] pdf = PdfRenderer.layOut(html, charts, stopped);
                made.complete((charts ? "with charts: " : "without charts: ") + new String(pdf, 0, 5, StandardCharsets.US_ASCII)
                        + (html.contains("<svg") ? " and an SVG chart" : ""));
                return pdf;
            } catch (RuntimeException e) {
                made.complete("failed: " + e);
                throw e;
            }
        });

        pool.loadFonts();

        assertThat(made.get(30, TimeUnit.SECONDS)).isEqualTo("with charts: %PDF- and an SVG chart");
    }

    @Test
    void aPdfNotMadeWithinTheTimeLimitIsStoppedAndTheCallerToldBusy() {
        AtomicBoolean told = new AtomicBoolean();
        PdfRenderer pool = renderer(1, 1, Duration.ofMillis(300), (html, charts, stopped) -> {
            while (!stopped.getAsBoolean()) {
                Thread.onSpinWait();
            }
            told.set(true);
            return new byte[0];
        });
        long started = System.nanoTime();
        assertThatThrownBy(() -> pool.render("slow"))
                .isInstanceOf(PdfBusyException.class)
                .hasMessageStartingWith("The PDF could not be made within");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(2));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).untilTrue(told);
    }

    @Test
    void aRealRenderPastItsTimeLimitIsStoppedSoTheNextPdfIsMadeAtOnce() {
        renderer(1, 1, Duration.ofMinutes(1), PdfRenderer::layOut).render(page("Fonts loaded.")); // the first render loads fonts
        PdfRenderer pool = renderer(1, 1, Duration.ofSeconds(3), PdfRenderer::layOut);
        String words = "the mould in the bedroom came back after the repair ".repeat(20_000); // a megabyte in one paragraph
        long started = System.nanoTime();
        assertThatThrownBy(() -> pool.render(page(words))).isInstanceOf(PdfBusyException.class);
        byte[] small = pool.render(page("A short letter."));
        assertThat(new String(small, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the long render was stopped, not finished")
                .isLessThan(Duration.ofSeconds(8));
    }

    private static String page(String text) {
        return "<!DOCTYPE html><html><head><title>t</title></head><body><p>" + text + "</p></body></html>";
    }
}
