package org.redress.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, finding 2: a policy pack belongs to its organisation. Another organisation's administrator, or its API
 * token, can neither upload nor activate it; only the installation's operator installs packs or adds organisations,
 * and a new organisation never reuses another's reference prefix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PackOwnershipIT {

    private static final String PASSWORD = "ownership-password-not-common";
    private static final String YAML = "application/yaml";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    Api homesAdmin;
    Api homesToken;
    Api trustAdmin;

    @BeforeEach
    void administratorsOfTwoOrganisations() {
        accounts.ensure("owner.homes-admin", "Homes Admin", PASSWORD, false, Map.of("alliance-homes", Role.ADMINISTRATOR));
        accounts.ensure("owner.trust-admin", "Trust Admin", PASSWORD, false, Map.of("pack-owner-trust", Role.ADMINISTRATOR));
        Api operator = new Api(port);
        operator.post("/api/v1/organisations", """
                {"code":"pack-owner-trust","name":"Pack Owner Trust","referencePrefix":"POT"}""");
        homesAdmin = Api.as(port, "owner.homes-admin", PASSWORD);
        trustAdmin = Api.as(port, "owner.trust-admin", PASSWORD);
        String token = homesAdmin.post("/api/v1/tokens", "{\"organisation\":\"alliance-homes\",\"name\":\"housing system\"}")
                .json().get("token").asString();
        homesToken = Api.bearer(port, token);
    }

    @Test
    void anotherOrganisationsAdministratorOrTokenCannotUploadOrActivateAPack() {
        String trustPack = pack("pack-owner-trust", "pack-owner-trust");
        long versionsBefore = versions();
        for (Api outsider : new Api[]{homesAdmin, homesToken}) {
            Api.Response installationWide = outsider.post("/api/v1/policies", trustPack, "Content-Type", YAML);
            assertThat(installationWide.status()).isEqualTo(403);
            assertThat(installationWide.json().get("detail").asString()).isEqualTo("only the installation's operator may do this");
            assertThat(outsider.post("/api/v1/organisations/pack-owner-trust/policies", trustPack, "Content-Type", YAML).status())
                    .isEqualTo(404);
            Api.Response ownRouteOtherPack = outsider.post("/api/v1/organisations/alliance-homes/policies", trustPack, "Content-Type", YAML);
            assertThat(ownRouteOtherPack.status()).isEqualTo(400);
            assertThat(ownRouteOtherPack.json().get("errors").get(0).get("field").asString()).isEqualTo("organisation.code");
            assertThat(ownRouteOtherPack.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("must be 'alliance-homes': an organisation uploads packs for itself only");
            assertThat(outsider.post("/api/v1/policies/the-trust/versions/1/activate", "").status()).isEqualTo(403);
            assertThat(outsider.post("/api/v1/organisations/alliance-homes/policies/the-trust/versions/1/activate", "").status())
                    .isEqualTo(404);
        }
        assertThat(versions()).as("no version stored").isEqualTo(versionsBefore);
    }

    @Test
    void anOrganisationsAdministratorUploadsAndActivatesItsOwnPack() {
        Api.Response uploaded = trustAdmin.post("/api/v1/organisations/pack-owner-trust/policies",
                pack("pack-owner-trust", "pack-owner-trust"), "Content-Type", YAML);
        assertThat(uploaded.status()).isEqualTo(201);
        int version = uploaded.json().get("version").asInt();
        Api.Response activated = trustAdmin.post("/api/v1/organisations/pack-owner-trust/policies/pack-owner-trust/versions/"
                + version + "/activate", "");
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.json().get("active").asBoolean()).isTrue();
    }

    @Test
    void onlyTheOperatorAddsOrganisationsAndNoneReusesAnothersReferencePrefix() {
        Api.Response byAdministrator = homesAdmin.post("/api/v1/organisations", """
                {"code":"homes-two","name":"Homes Two","referencePrefix":"HTW"}""");
        assertThat(byAdministrator.status()).isEqualTo(403);
        Api.Response reusedPrefix = new Api(port).post("/api/v1/organisations", """
                {"code":"trust-copy","name":"Trust Copy","referencePrefix":"TT"}""");
        assertThat(reusedPrefix.status()).isEqualTo(400);
        assertThat(reusedPrefix.json().get("errors").get(0).get("field").asString()).isEqualTo("referencePrefix");
        assertThat(reusedPrefix.json().get("errors").get(0).get("message").asString()).isEqualTo("'TT' is already used by another organisation");
        assertThat(jdbc.sql("select count(*) from people.organisation where code in ('homes-two', 'trust-copy')").query(Long.class).single())
                .isZero();
    }

    private long versions() {
        return jdbc.sql("select count(*) from policy.pack_version").query(Long.class).single();
    }

    private static String pack(String id, String organisation) {
        return """
                id: %s
                title: Ownership test
                organisation: {code: %s, name: Ownership test, jurisdiction: england-and-wales, socialLandlord: true}
                roles: [{id: manager, name: Manager}]
                recordTypes: [{id: complaint, name: Complaint, handling: staged}]
                ombudsmen: [{id: housing-ombudsman, name: Housing Ombudsman Service}]
                stages:
                  - id: stage-1
                    name: Stage 1
                    owner: manager
                    clocks:
                      - {id: respond, name: Response, within: 10 working days, from: received, until: responded}
                """.formatted(id, organisation);
    }
}
