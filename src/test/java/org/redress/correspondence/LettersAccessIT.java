package org.redress.correspondence;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Letters hold personal details: only staff of the case's organisation may read them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class LettersAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    org.redress.accounts.Accounts accounts;
    @Autowired
    MutableClock clock;

    @Test
    void anotherOrganisationsStaffCannotReadALettersTextOrItsPdf() {
        clock.setUk("2026-11-23T10:00");
        accounts.ensure("letters.trust", "Trust Worker", "letters-trust-pass", false, Map.of("the-trust", org.redress.accounts.Role.CASE_WORKER));
        accounts.ensure("letters.homes", "Homes Worker", "letters-homes-pass", false, Map.of("alliance-homes", org.redress.accounts.Role.CASE_WORKER));
        Api admin = new Api(port);
        String id = admin.post("/api/v1/organisations/the-trust/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Private Person","email":"private.person@example.org"},
                 "description":"Something personal"}""").json().get("caseFile").get("id").asString();
        assertThat(admin.post("/api/v1/organisations/the-trust/cases/" + id + "/acknowledge", "{}").status()).isEqualTo(200);

        Api trust = Api.as(port, "letters.trust", "letters-trust-pass");
        Api.Response own = trust.get("/api/v1/organisations/the-trust/cases/" + id + "/letters");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("Dear Private Person");
        String letterId = own.json().get(0).get("id").asString();

        Api homes = Api.as(port, "letters.homes", "letters-homes-pass");
        assertThat(homes.get("/api/v1/organisations/the-trust/cases/" + id + "/letters").status()).isEqualTo(404);
        assertThat(homes.get("/api/v1/organisations/the-trust/letters/" + letterId + "/pdf").status()).isEqualTo(404);
        assertThat(homes.get("/api/v1/organisations/alliance-homes/letters/" + letterId + "/pdf").status()).isEqualTo(404);
        assertThat(homes.get("/api/v1/organisations/the-trust/outbox").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/api/v1/organisations/the-trust/outbox").status()).isEqualTo(401);
    }
}
