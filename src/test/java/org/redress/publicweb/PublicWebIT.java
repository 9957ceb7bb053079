package org.redress.publicweb;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.LocalOutboxCodes;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The public form and the complainant's view without JavaScript, and how they resist abuse. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class PublicWebIT {

    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">([A-Z0-9-]+)<");

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter limiter;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void fresh() {
        clock.setUk("2026-11-23T11:00");
        limiter.reset();
    }

    /** The application is shared with other test classes from the same address: leave them their allowance. */
    @AfterEach
    void forget() {
        limiter.reset();
    }

    @Test
    void aComplaintSentWithoutJavaScriptGetsAReferenceAndTheAcknowledgementDate() {
        String reference = complain(new WebSession(port), "Nora NoScript");
        assertThat(reference).matches("TT-2026-\\d{6}");
    }

    @Test
    void sendingTheSameFormTwiceLogsOneComplaint() {
        WebSession resident = new WebSession(port);
        String form = resident.get("/o/the-trust/complain").body();
        Matcher submission = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(form);
        assertThat(submission.find()).isTrue();
        Map<String, String> fields = Map.of("submission", submission.group(1), "whatHappened", "Bins not collected",
                "name", "Dee Double", "contactBy", "POST", "address", "1 High Street");
        String first = match(REFERENCE, resident.post("/o/the-trust/complain", fields).body());
        resident.get("/o/the-trust/complain");
        String second = match(REFERENCE, resident.post("/o/the-trust/complain", fields).body());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aMissingAnswerIsNamedAndNothingIsLogged() {
        WebSession resident = new WebSession(port);
        resident.get("/o/the-trust/complain");
        WebSession.Page page = resident.post("/o/the-trust/complain", Map.of("name", "Ann Swer", "contactBy", "EMAIL"));
        assertThat(page.body()).contains("govuk-error-summary", "Tell us what happened", "Enter your email address, so we can email you");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        assertThat(new WebSession(port).postRaw("/o/the-trust/complain", Map.of("whatHappened", "x", "name", "y", "contactBy", "POST"))
                .status()).isEqualTo(403);
    }

    @Test
    void askingForACodeLooksTheSameWhetherOrNotTheReferenceExists() {
        String reference = complain(new WebSession(port), "Ella Exists");
        String real = askForCode(new WebSession(port), reference);
        String made_up = askForCode(new WebSession(port), "TT-2026-999999");
        assertThat(scrub(made_up)).isEqualTo(scrub(real));
    }

    @Test
    void aCodeWorksOnceAndOnlyForItsOwnCase() {
        String reference = complain(new WebSession(port), "Olive Once");
        WebSession resident = new WebSession(port);
        String page = askForCode(resident, reference);
        String code = codeOf(reference);
        assertThat(page).doesNotContain(code);
        WebSession.Page in = resident.post("/o/the-trust/track/code", Map.of("reference", reference, "code", code));
        assertThat(in.location()).endsWith("/o/the-trust/track/case");
        assertThat(resident.get("/o/the-trust/track/case").body()).contains(reference, "We are looking into it");
        // the same code again, in another browser, does not work
        WebSession other = new WebSession(port);
        other.get("/o/the-trust/track");
        assertThat(other.post("/o/the-trust/track/code", Map.of("reference", reference, "code", code)).body()).contains("The code is not right");
        // and the view belongs to its organisation only
        assertThat(resident.get("/o/alliance-homes/track/case").location()).endsWith("/o/alliance-homes/track");
    }

    @Test
    void fiveWrongCodesUseUpTheCode() {
        String reference = complain(new WebSession(port), "Walt Wrong");
        WebSession resident = new WebSession(port);
        askForCode(resident, reference);
        String code = codeOf(reference);
        String wrong = code.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            resident.post("/o/the-trust/track/code", Map.of("reference", reference, "code", wrong));
        }
        assertThat(resident.post("/o/the-trust/track/code", Map.of("reference", reference, "code", code)).body()).contains("The code is not right");
    }

    @Test
    void theFormIsRateLimitedPerAddress() {
        WebSession resident = new WebSession(port);
        int status = 0;
        for (int i = 0; i < 6; i++) {
            resident.get("/o/the-trust/complain");
            status = resident.post("/o/the-trust/complain", Map.of("whatHappened", "Noise " + i, "name", "Ray Peat", "contactBy", "POST",
                    "address", "2 Low Road")).status();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void onlyAcceptedComplaintsCountTowardsTheLimitAndTheOneRefusedForItKeepsWhatWasTyped() {
        // issue 21: two answers missing, then five complaints: all five are logged
        WebSession resident = new WebSession(port);
        for (int i = 0; i < 2; i++) {
            resident.get("/o/the-trust/complain");
            assertThat(resident.post("/o/the-trust/complain", Map.of("name", "Ray Peat", "contactBy", "POST")).status()).isEqualTo(400);
        }
        for (int i = 0; i < 5; i++) {
            resident.get("/o/the-trust/complain");
            WebSession.Page page = resident.post("/o/the-trust/complain", Map.of("whatHappened", "Noise " + i, "name", "Ray Peat",
                    "contactBy", "POST", "address", "2 Low Road"));
            assertThat(page.status()).as("complaint " + (i + 1)).isEqualTo(200);
            assertThat(REFERENCE.matcher(page.body()).find()).as("a reference for complaint " + (i + 1)).isTrue();
        }
        resident.get("/o/the-trust/complain");
        WebSession.Page sixth = resident.post("/o/the-trust/complain", Map.of("whatHappened", "The noise went on all night", "name",
                "Ray Peat", "contactBy", "POST", "address", "2 Low Road"));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.body()).contains("We have received 5 complaints from your connection in the last 10 minutes",
                "The noise went on all night", "2 Low Road");
    }

    @Test
    void aLimitReachedIsGivenBackWhenItsTenMinutesHavePassedAndTheFullAllowanceIsThenForgotten() {
        // issue 27: the limits are in the database (Bucket4j), given back in full each ten minutes, and a bucket that is full
        // again is removed, as a missing bucket is a full one
        for (int i = 0; i < 5; i++) {
            assertThat(complaintFromRay("Noise " + i).status()).as("complaint " + (i + 1)).isEqualTo(200);
        }
        clock.setUk("2026-11-23T11:09");
        assertThat(complaintFromRay("Still noisy").status()).isEqualTo(429);
        assertThat(limiter.forgetExpired()).as("nothing is full again yet").isZero();

        clock.setUk("2026-11-23T11:10:01");
        assertThat(limiter.forgetExpired()).as("the complaint form's bucket for this address").isEqualTo(1);
        assertThat(complaintFromRay("The noise went on all night").status()).isEqualTo(200);
    }

    private WebSession.Page complaintFromRay(String whatHappened) {
        WebSession resident = new WebSession(port);
        resident.get("/o/the-trust/complain");
        return resident.post("/o/the-trust/complain", Map.of("whatHappened", whatHappened, "name", "Ray Peat", "contactBy", "POST",
                "address", "2 Low Road"));
    }

    @Test
    void anUnknownOrganisationIsPageNotFound() {
        assertThat(new WebSession(port).get("/o/no-such-organisation/complain").status()).isEqualTo(404);
    }

    private String complain(WebSession resident, String name) {
        resident.get("/o/the-trust/complain");
        WebSession.Page page = resident.post("/o/the-trust/complain", Map.of("whatHappened", "The lift is broken again", "name", name,
                "email", "someone@example.org", "contactBy", "EMAIL"));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        // T-6: acknowledged within 5 working days of Mon 23 Nov 2026
        assertThat(page.body()).contains("Complaint received", "Monday 30 November 2026");
        return match(REFERENCE, page.body());
    }

    private static String askForCode(WebSession resident, String reference) {
        resident.get("/o/the-trust/track");
        return resident.post("/o/the-trust/track", Map.of("reference", reference)).body();
    }

    /** The code as the complainant would get it: without a mail server, from the local outbox, which shows it to an administrator. */
    private String codeOf(String reference) {
        return LocalOutboxCodes.shownToAdministrator(port, "the-trust", reference).orElseThrow(() -> new AssertionError("no code for " + reference));
    }

    private static String scrub(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
                .replaceAll("name=\"reference\" value=\"[^\"]+\"", "");
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
