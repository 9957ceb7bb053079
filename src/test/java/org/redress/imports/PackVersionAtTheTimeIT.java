package org.redress.imports;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 2 (historic mode): an imported case keeps its pack version at the time. Every activation is recorded
 * from its instant, so a closed case is made under the version in force when it was received; one received before the
 * organisation's first activation is made under the earliest version and says so; an open case continues under the
 * active version. The case view of the API and the case page show the version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class PackVersionAtTheTimeIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedImportedCaseIsMadeUnderTheVersionActiveWhenItWasReceivedAndAnOpenOneUnderTheActiveVersion() throws Exception {
        clock.setUk("2025-01-01T09:00");
        String org = new Cases(new Api(port)).anOrganisationRunning("alliance-homes", "Repairs");
        clock.setUk("2025-06-01T09:00");
        int second = uploadAndActivateAgain(org);
        assertThat(second).isEqualTo(2);
        assertThat(jdbc.sql("select version || ' from ' || to_char(active_from at time zone 'UTC', 'YYYY-MM-DD HH24:MI') "
                        + "from policy.pack_activation where organisation = ? order by active_from").param(org).query(String.class).list())
                .containsExactly("1 from 2025-01-01 09:00", "2 from 2025-06-01 08:00");

        clock.setUk("2026-11-23T09:00");
        RegisterUploads uploads = new RegisterUploads(port, org);
        String csv = "Case ID,Date received,Channel,Complainant,Details,Date acknowledged,Stage 1 response,Stage 1 outcome,Date closed\n"
                + "V-1,01/12/2024,Email,Ann Before,Leak,02/12/2024,09/12/2024,Upheld,10/12/2024\n"
                + "V-2,03/03/2025,Email,Bob First,Noise,04/03/2025,11/03/2025,Not upheld,12/03/2025\n"
                + "V-3,01/09/2025,Email,Cat Second,Window,02/09/2025,09/09/2025,Upheld,10/09/2025\n"
                + "V-4,03/03/2025,Email,Dai Open,Door,04/03/2025,,,\n";
        JsonNode job = uploads.finished(uploads.upload("", "versions.csv", csv.getBytes(StandardCharsets.UTF_8), null));
        assertThat(job.get("imported").asInt()).isEqualTo(4);

        Map<String, JsonNode> cases = cases(org);
        assertThat(cases.get("V-1").get("pack").get("version").asInt()).isEqualTo(1);
        assertThat(cases.get("V-2").get("pack").get("version").asInt()).isEqualTo(1);
        assertThat(cases.get("V-3").get("pack").get("version").asInt()).isEqualTo(2);
        assertThat(cases.get("V-4").get("pack").get("version").asInt()).isEqualTo(2);
        assertThat(imported(cases.get("V-1")).get("reason").asString()).isEqualTo("imported from versions.csv, 23 November 2026; "
                + "not recorded at the time; made under version 1 of the procedure, the earliest: none was active in Redress when it was received");
        assertThat(imported(cases.get("V-2")).get("reason").asString())
                .isEqualTo("imported from versions.csv, 23 November 2026; not recorded at the time");

        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        WebSession.Page page = web.get("/staff/" + org + "/cases/" + cases.get("V-2").get("reference").asString());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsPattern("id=\"procedure-version\">[^<]*, version 1<");
    }

    private int uploadAndActivateAgain(String org) throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/policy/packs/alliance-homes.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("id: alliance-homes", "id: " + org)
                    .replace("code: alliance-homes", "code: " + org);
        }
        Api api = new Api(port);
        Api.Response uploaded = api.post("/api/v1/policies", yaml, "Content-Type", "application/yaml");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        int version = uploaded.json().get("version").asInt();
        Api.Response activated = api.post("/api/v1/policies/" + org + "/versions/" + version + "/activate", "");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        return version;
    }

    private Map<String, JsonNode> cases(String org) {
        Map<String, JsonNode> out = new TreeMap<>();
        jdbc.sql("""
                select e.details->>'sourceId', f.reference from casework.case_file f
                join casework.case_event e on e.case_id = f.id and e.type = 'imported' where f.organisation = ?""").param(org)
                .query((rs, n) -> out.put(rs.getString(1),
                        new Api(port).get("/api/v1/organisations/" + org + "/cases/" + rs.getString(2)).json())).list();
        return out;
    }

    private static JsonNode imported(JsonNode caseView) {
        for (JsonNode e : caseView.get("history")) {
            if (e.get("type").asString().equals("imported")) {
                return e;
            }
        }
        throw new AssertionError("no imported event in " + caseView.get("history"));
    }
}
