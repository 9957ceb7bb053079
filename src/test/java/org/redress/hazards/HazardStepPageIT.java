package org.redress.hazards;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case's hazards page records each step done at a time through the one form fragment and the one way the API
 * records it ({@link HazardStep}): each form keeps its words, field names and ids, and what it posts is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class HazardStepPageIT {

    private static final String ORG = "alliance-homes";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    org.redress.accounts.Accounts accounts;

    @Test
    void theTimedStepFormsKeepTheirWordsAndFieldsAndRecordWhatTheyPostAsTheApiDoes() { // R-3, SI 2025/1042
        clock.setUk("2026-12-07T09:00");
        accounts.ensure("ah.hazard.steps", "Hal Steps", "hazard-steps-pass", false, Map.of(ORG, Role.CASE_WORKER));
        JsonNode c = new Cases(new Api(port)).aComplaint().receivedAt(LocalDateTime.parse("2026-12-07T08:00")).by("Ada Tenant")
                .withEmail("ada.steps." + System.nanoTime() + "@example.org").preferringContactBy("EMAIL").onServiceLine("housing")
                .withTenure("LOW_COST_RENTAL").inArea("Repairs").about("Repairs").saying("Black mould over the bed").wanting("Fix it")
                .points().in(ORG).json();
        Api.Response hazards = new Api(port).get("/api/v1/organisations/" + ORG + "/cases/" + c.get("id").asString() + "/hazards");
        String id = hazards.json().get(0).get("id").asString();
        WebSession page = new WebSession(port);
        page.signIn("ah.hazard.steps", "hazard-steps-pass");
        String base = "/staff/" + ORG + "/cases/" + c.get("reference").asString() + "/hazards";

        String form = page.get(base).body();
        assertThat(form).contains("Record that the investigation concluded", "Record that the home was made safe",
                "For an emergency, the 24 hours stop only when the home is safe, not when work begins.", "Record made safe",
                "Record that safety work began", "The home cannot be made safe in time",
                "Record this to start the deadline for offering somewhere else to stay.", "Record alternative accommodation needed",
                "Record conclusion", "What the investigation found", "Why it cannot be made safe in time");
        assertThat(form).contains("action=\"" + base + "/" + id + "/investigation-concluded\"",
                "id=\"investigation-concluded-" + id + "-findings\" name=\"findings\"", "for=\"investigation-concluded-" + id + "-findings\"",
                "action=\"" + base + "/" + id + "/made-safe\"", "id=\"made-safe-" + id + "-at\" name=\"on-day\"",
                "id=\"accommodation-" + id + "-notes\" name=\"notes\"");

        // a date in the future is refused naming that step's own date boxes; then each step is recorded
        WebSession.Page future = page.post(base + "/" + id + "/made-safe", Map.of("on-day", "8", "on-month", "12", "on-year", "2026", "time", ""));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("href=\"#made-safe-" + id + "-at\"").contains("must not be in the future");
        WebSession.Page concluded = page.post(base + "/" + id + "/investigation-concluded", Map.of("on-day", "7", "on-month", "12",
                "on-year", "2026", "time", "08:30", "findings", "Failed extractor fan"));
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(302);
        WebSession.Page needed = page.post(base + "/" + id + "/accommodation", Map.of("on-day", "", "on-month", "", "on-year", "",
                "time", "", "notes", "The ceiling must come down"));
        assertThat(needed.status()).as(needed.body()).isEqualTo(302);
        JsonNode hazard = new Api(port).get("/api/v1/organisations/" + ORG + "/cases/" + c.get("id").asString() + "/hazards").json().get(0);
        assertThat(hazard.get("investigationConcludedAt").asString()).isEqualTo("2026-12-07T08:30:00Z");
        assertThat(hazard.get("investigationFindings").asString()).isEqualTo("Failed extractor fan");
        assertThat(hazard.get("accommodation").get("reason").asString()).isEqualTo("The ceiling must come down");
        assertThat(page.get(base).body()).contains("Record that the written summary was sent", "Record summary sent",
                "Record the offer of alternative accommodation", "What was offered", "Record offer");
    }
}
