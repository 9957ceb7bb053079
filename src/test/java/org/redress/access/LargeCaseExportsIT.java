package org.redress.access;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case with every text field at its largest (issue 19): every PDF and export of it is made, two of each at once, while
 * the health check is asked every 200 ms and answers each time within a second; every PDF comes within the time limit.
 * Many information packs asked for at once are answered "busy" (503 with Retry-After), not queued without end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ReachedHandler.class})
class LargeCaseExportsIT {

    static final String ORG = "alliance-homes";
    static final Duration PDF_TIME_LIMIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyPdfAndExportOfACaseFilledToTheLimitsIsMadeTwiceAtOnceWhileTheHealthCheckAnswersWithinASecond() throws Exception {
        LargeCase large = LargeCase.fill(port, clock, ORG);
        String org = "/api/v1/organisations/" + ORG;
        List<String> files = new ArrayList<>(List.of(
                large.path() + "/ombudsman/information-pack.pdf",
                large.path() + "/ombudsman/information-pack.zip",
                org + "/subject-access/" + large.subjectAccessId() + "/export.zip",
                org + "/reports/dashboard/export.csv", org + "/reports/dashboard/export.xlsx",
                org + "/reports/returns/export.csv", org + "/reports/returns/export.xlsx",
                org + "/reports/board-report.pdf", org + "/reports/annual-report.pdf"));
        for (JsonNode letter : large.api().get(large.path() + "/letters").json()) {
            files.add(org + "/letters/" + letter.get("id").asString() + "/pdf");
        }
        // the nine files of the case and the organisation, and the PDF of each of its five letters (acknowledgement, extension,
        // stage 1 response, escalation acknowledgement, final response)
        assertThat(files).hasSize(14);

        List<String> slowHealth = Collections.synchronizedList(new ArrayList<>());
        List<Long> healthTimes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean exporting = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        Future<?> health = threads.submit(() -> {
            while (exporting.get()) {
                long started = System.nanoTime();
                String outcome;
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    outcome = answer.statusCode() + " " + answer.body();
                } catch (Exception e) {
                    outcome = e.toString();
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                healthTimes.add(millis);
                if (millis > 1_000 || !outcome.startsWith("200")) {
                    slowHealth.add(millis + " ms: " + outcome);
                }
                sleep(200);
            }
        });
        List<String> report = new ArrayList<>();
        try {
            for (String file : files) {
                long started = System.nanoTime();
                Future<HttpResponse<byte[]>> first = threads.submit(() -> get(file));
                Future<HttpResponse<byte[]>> second = threads.submit(() -> get(file));
                for (HttpResponse<byte[]> answer : List.of(first.get(), second.get())) {
                    assertThat(answer.statusCode()).as(file + ": " + new String(answer.body())).isEqualTo(200);
                    assertThat(answer.body().length).as(file).isGreaterThan(100);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                report.add(file.substring(file.lastIndexOf('/', file.lastIndexOf('/') - 1)) + ": two in " + took.toMillis() + " ms");
                if (file.endsWith(".pdf")) {
                    assertThat(took).as("two copies of " + file + ", one after the other on the PDF thread").isLessThan(PDF_TIME_LIMIT);
                }
            }
        } finally {
            exporting.set(false);
            health.get();
            threads.shutdown();
        }
        System.out.println("Largest case's files, two of each at once: " + report);
        System.out.println("Health check answered " + healthTimes.size() + " times, slowest " + healthTimes.stream().mapToLong(l -> l).max().orElse(0) + " ms");
        assertThat(healthTimes).hasSizeGreaterThan(5);
        assertThat(slowHealth).as("health check answers slower than a second, or not up").isEmpty();
    }

    @Test
    void manyInformationPacksAskedForAtOnceAreAnsweredBusyWithRetryAfterInsteadOfWaitingWithoutEnd() throws Exception {
        LargeCase large = LargeCase.fill(port, clock, ORG);
        Caller staff = Caller.signedIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        String page = "/staff/" + ORG + "/cases/" + large.reference() + "/ombudsman/information-pack.pdf";
        ExecutorService threads = Executors.newFixedThreadPool(10);
        long started = System.nanoTime();
        List<Future<Map.Entry<String, HttpResponse<?>>>> asked = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean api = i % 2 == 0;
            asked.add(threads.submit(() -> api ? Map.entry("api", (HttpResponse<?>) get(large.path() + "/ombudsman/information-pack.pdf"))
                    : Map.entry("page", (HttpResponse<?>) staff.page("GET", page, Map.of(), "", null).raw())));
        }
        int made = 0;
        int busy = 0;
        for (Future<Map.Entry<String, HttpResponse<?>>> f : asked) {
            HttpResponse<?> answer = f.get().getValue();
            if (answer.statusCode() == 200) {
                made++;
                continue;
            }
            busy++;
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("20");
            String body = answer.body() instanceof byte[] bytes ? new String(bytes) : String.valueOf(answer.body());
            if (f.get().getKey().equals("api")) {
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(body).contains("\"title\":\"PDF busy\"");
            } else {
                assertThat(body).contains("The file is not ready");
            }
            assertThat(body).containsAnyOf("Too many PDFs are being made just now", "could not be made within 20 seconds");
        }
        threads.shutdown();
        assertThat(busy).as("refused at once rather than queued").isGreaterThan(0);
        assertThat(made).isGreaterThan(0);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PDF_TIME_LIMIT.plusSeconds(10));
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", Api.ADMIN_AUTHORIZATION)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
