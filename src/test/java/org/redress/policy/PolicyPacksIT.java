package org.redress.policy;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.web.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyPacksIT {

    private static final List<String> SHIPPED = List.of("247-alliance", "adult-social-care-2009", "alliance-homes", "awaabs-law-2025",
            "fca-disp", "helping-our-future", "housing-ombudsman-code-2024", "the-trust");

    @LocalServerPort
    int port;

    @Autowired
    PolicyPacks packs;

    @Autowired
    ShippedPacks shippedPacks;

    private Api api() {
        return new Api(port);
    }

    @Test
    void everyShippedPackIsStoredAsActiveVersionOneOnStartUp() {
        JsonNode list = api().get("/api/v1/policies").json();

        List<String> activeVersionOnes = new ArrayList<>();
        list.forEach(p -> {
            if (p.get("version").asInt() == 1 && p.get("active").asBoolean() && p.get("shipped").asBoolean()) {
                activeVersionOnes.add(p.get("id").asString());
            }
        });
        assertThat(activeVersionOnes).containsAll(SHIPPED);
    }

    @Test
    void installingTheShippedPacksAgainStoresNothing() {
        int before = packs.list().size();

        assertThat(shippedPacks.install()).isZero();
        assertThat(packs.list()).hasSize(before);
    }

    @Test
    void anOrganisationsActivePackIsFoundByItsCode() {
        assertThat(packs.active("the-trust")).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("the-trust"));
        assertThat(packs.active("nobody")).isEmpty();
    }

    @Test
    void anUnknownVersionIsNotFound() {
        assertThatThrownBy(() -> packs.version("the-trust", 99)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no version 99");
        assertThat(api().get("/api/v1/policies/no-such-pack").status()).isEqualTo(404);
        Api.Response missingVersion = api().get("/api/v1/policies/the-trust?version=99");
        assertThat(missingVersion.status()).isEqualTo(404);
        assertThat(missingVersion.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
    }

    @Test
    void theActivePackIsServedAsJsonWithItsAssumptionsVisible() {
        Api.Response response = api().get("/api/v1/policies/the-trust");

        assertThat(response.status()).isEqualTo(200);
        JsonNode pack = response.json();
        assertThat(pack.get("organisation").get("socialLandlord").asBoolean()).isTrue();
        // T-7: counted from logging
        assertThat(pack.get("stages").get(0).get("clocks").get(1).get("starts").asString()).isEqualTo("LOGGED");
        assertThat(pack.get("assumptions").size()).as("the assumptions written in the-trust.yaml").isEqualTo(8);
        assertThat(pack.get("assumptions").get(0).get("source").asString()).isNotBlank();
    }

    @Test
    void theComplianceEndpointGivesHelpingOurFutureItsStageCountFailure() {
        JsonNode report = api().get("/api/v1/policies/helping-our-future/compliance").json();

        assertThat(report.get("applies").asBoolean()).isTrue();
        assertThat(report.get("compliant").asBoolean()).isFalse();
        assertThat(report.get("checkedAgainst").asString()).isEqualTo("housing-ombudsman-code-2024 v1");
        JsonNode first = report.get("findings").get(0);
        assertThat(first.get("provision").asString()).isEqualTo("5.1");
        assertThat(first.get("outcome").asString()).isEqualTo("FAIL");
    }

    @Test
    void aBadPackIsRefusedWithEveryErrorAndItsLineAndNothingIsStored() {
        int before = packs.list().size();
        String yaml = """
                id: broken-pack
                title: Broken
                organisation: {code: broken-pack, name: Broken, jurisdiction: england-and-wales}
                roles: [{id: manager, name: Manager}]
                recordTypes: [{id: complaint, name: Complaint, handling: staged}]
                stages:
                  - id: stage-1
                    name: Stage 1
                    owner: chief-executive
                    clocks:
                      - {id: respond, name: Response, within: 10 fortnights, from: received, until: responded}
                """;

        Api.Response response = postYaml(yaml);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("stages[0].owner");
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(9);
        assertThat(errors.get(1).get("field").asString()).isEqualTo("stages[0].clocks[0].within");
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(11);
        assertThat(packs.list()).hasSize(before);
    }

    @Test
    void aYamlSyntaxErrorIsRefusedWithItsLine() {
        Api.Response response = postYaml("id: x\ntitle: [unclosed\norganisation: {code: x\n");

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("yaml");
        assertThat(error.get("line").asInt()).as("where the unclosed list is found to be unclosed").isEqualTo(3);
    }

    @Test
    void aPackCannotClaimAnotherPacksOrganisation() {
        Api.Response response = postYaml(minimalPack("impostor-pack", "the-trust", "10 working days"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("organisation.code");
        assertThat(response.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void anUploadBecomesANewInactiveVersionUntilActivatedAndOlderVersionsStayReadable() {
        Api.Response first = postYaml(minimalPack("upload-test", "upload-test", "10 working days"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("active").asBoolean()).isFalse();
        assertThat(first.json().get("compliance").get("applies").asBoolean()).isTrue();
        assertThat(packs.active("upload-test")).isEmpty();
        assertThat(api().get("/api/v1/policies/upload-test").status()).isEqualTo(404);

        assertThat(api().post("/api/v1/policies/upload-test/versions/1/activate", "").status()).isEqualTo(200);
        assertThat(packs.active("upload-test")).hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(1));

        Api.Response second = postYaml(minimalPack("upload-test", "upload-test", "15 working days"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(second.json().get("compliance").get("compliant").asBoolean()).isFalse();
        assertThat(packs.active("upload-test").orElseThrow().version()).isEqualTo(1);

        JsonNode activated = api().post("/api/v1/policies/upload-test/versions/2/activate", "").json();
        assertThat(activated.get("active").asBoolean()).isTrue();
        assertThat(packs.active("upload-test").orElseThrow().stages().get(0).clocks().get(0).amount()).isEqualTo(15);
        // a case started under version 1 keeps it
        assertThat(packs.version("upload-test", 1).stages().get(0).clocks().get(0).amount()).isEqualTo(10);
        assertThat(api().get("/api/v1/policies/upload-test?version=1").json().get("version").asInt()).isEqualTo(1);
        assertThat(packs.list().stream().filter(s -> s.id().equals("upload-test") && s.active()))
                .extracting(PackSummary::version).containsExactly(2);
        assertThat(api().post("/api/v1/policies/upload-test/versions/9/activate", "").status()).isEqualTo(404);
    }

    @Test
    void uploadsOfOnePackAtTheSameTimeGetDistinctVersions() throws Exception {
        String yaml = minimalPack("concurrent-upload", "concurrent-upload", "10 working days");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Response>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                uploads.add(pool.submit(() -> postYaml(yaml)));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<Api.Response> upload : uploads) {
                Api.Response response = upload.get();
                assertThat(response.status()).isEqualTo(201);
                versions.add(response.json().get("version").asInt());
            }
            assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPackMayBeUploadedAsPlainText() {
        Api.Response response = post(minimalPack("plain-text-upload", "plain-text-upload", "10 working days"), "text/plain");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("compliance").get("summary").asString()).startsWith("Fails");
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        Api.Response docs = api().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/policies/{id}/compliance", "/api/v1/policies/{id}/versions/{version}/activate");
    }

    private static String minimalPack(String id, String organisation, String response) {
        return """
                id: %s
                title: Upload test
                organisation: {code: %s, name: Upload test, jurisdiction: england-and-wales, socialLandlord: true}
                roles: [{id: manager, name: Manager}]
                recordTypes: [{id: complaint, name: Complaint, handling: staged}]
                ombudsmen: [{id: housing-ombudsman, name: Housing Ombudsman Service}]
                stages:
                  - id: stage-1
                    name: Stage 1
                    owner: manager
                    clocks:
                      - {id: respond, name: Response, within: %s, from: received, until: responded}
                """.formatted(id, organisation, response);
    }

    private Api.Response postYaml(String yaml) {
        return post(yaml, "application/yaml");
    }

    private Api.Response post(String yaml, String contentType) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/policies"))
                    .header("Content-Type", contentType).header("Authorization", Api.ADMIN_AUTHORIZATION).POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
