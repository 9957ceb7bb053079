package org.redress.accounts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's administrators manage its team through the API: invite members (who join when they accept), change
 * roles, unlock and remove them; the organisation always keeps an administrator, nobody else may do any of it, and an
 * account that also belongs elsewhere is never unlocked, given a password or a higher role by this organisation alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class TeamIT {

    static final String ORG = "team-test";
    static final String PASSWORD = "team-test-password";
    static final String STAFF = "/api/v1/organisations/" + ORG + "/staff";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void anOrganisationWithOneAdministrator() {
        clock.setUk("2026-11-23T10:00");
        if (new Api(port).get("/api/v1/organisations/" + ORG).status() == 404) {
            Api.Response created = new Api(port).post("/api/v1/organisations", """
                    {"code":"%s","name":"Team Test Trust","referencePrefix":"TMT","policyPack":"the-trust","serviceAreas":["Repairs","Lettings"]}"""
                    .formatted(ORG));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        accounts.ensure("tm.admin", "Ada Admin", PASSWORD, false, Map.of(ORG, Role.ADMINISTRATOR));
        accounts.ensure("tm.worker", "Wil Worker", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER));
        accounts.ensure("tm.elsewhere", "Eli Elsewhere", PASSWORD, false, Map.of("the-trust", Role.CASE_WORKER));
    }

    Api admin() {
        return Api.as(port, "tm.admin", PASSWORD);
    }

    long accountsNamed(String username) {
        return jdbc.sql("select count(*) from accounts.staff_user where username = ?").param(username).query(Long.class).single();
    }

    @AfterEach
    void clockBackToWhereTheOtherTestsExpectIt() {
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
    }

    /** Adds a member with a new account (a first password of {@link #PASSWORD}), who then accepts the invitation. */
    void join(String username, String displayName, String role) {
        Api.Response added = admin().post(STAFF, """
                {"username":"%s","displayName":"%s","role":"%s","password":"%s"}""".formatted(username, displayName, role, PASSWORD));
        assertThat(added.status()).as(added.body()).isEqualTo(202);
        accept(Api.as(port, username, PASSWORD));
    }

    void accept(Api invited) {
        String id = invited.get("/api/v1/invitations").json().valueStream().filter(i -> i.get("organisation").asString().equals(ORG))
                .findFirst().orElseThrow().get("id").asString();
        Api.Response accepted = invited.post("/api/v1/invitations/" + id + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    void lockOut(String username) {
        Api wrong = Api.as(port, username, "not the password at all");
        for (int i = 0; i < Accounts.MAX_FAILED_ATTEMPTS; i++) {
            assertThat(wrong.get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(401);
        }
    }

    @Test
    void anAdministratorAddsANewMemberWhoCanThenSignInWithTheirRole() {
        Api.Response added = admin().post(STAFF, """
                {"username":"tm.new-worker","displayName":"Nia New","role":"CASE_WORKER","password":"correct horse battery staple"}""");
        assertThat(added.status()).as(added.body()).isEqualTo(202);
        assertThat(added.json().get("invitation").get("roleName").asString()).isEqualTo("Case worker");

        Api newcomer = Api.as(port, "tm.new-worker", "correct horse battery staple");
        assertThat(newcomer.get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(404);
        accept(newcomer);
        assertThat(newcomer.get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(200);
        // a case worker may not manage the team
        assertThat(newcomer.get(STAFF).status()).isEqualTo(403);
        assertThat(admin().get(STAFF).json()).extracting(m -> m.get("username").asString()).contains("tm.admin", "tm.worker", "tm.new-worker");
    }

    @Test
    void badInputNamesEachFieldAndAddsNobody() {
        Api.Response bad = admin().post(STAFF, "{\"username\":\"Not Valid!\",\"role\":\"KING\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("username", "role", "displayName", "password");

        Api.Response weak = admin().post(STAFF, "{\"username\":\"tm.weak\",\"displayName\":\"Wes Weak\",\"role\":\"CASE_WORKER\",\"password\":\"password123\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        Api.Response none = admin().post(STAFF, "{\"username\":\"tm.weak\",\"displayName\":\"Wes Weak\",\"role\":\"CASE_WORKER\"}");
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(accountsNamed("tm.weak")).isZero();
    }

    @Test
    void someoneWithAnAccountElsewhereJoinsByAcceptingAndKeepsTheirPasswordAndOtherMembership() {
        Api.Response added = admin().post(STAFF, """
                {"username":"tm.elsewhere","displayName":"Eli Elsewhere","role":"BOARD_MEMBER","password":"a first password never used"}""");
        assertThat(added.status()).as(added.body()).isEqualTo(202);
        assertThat(accounts.roleIn("tm.elsewhere", ORG)).isEmpty();
        accept(Api.as(port, "tm.elsewhere", PASSWORD));
        assertThat(accounts.roleIn("tm.elsewhere", "the-trust")).contains(Role.CASE_WORKER);
        assertThat(accounts.roleIn("tm.elsewhere", ORG)).contains(Role.BOARD_MEMBER);
        // their own password still works, and adding a member again is refused (the team list shows them already)
        assertThat(Api.as(port, "tm.elsewhere", PASSWORD).get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(200);
        Api.Response again = admin().post(STAFF, """
                {"username":"tm.elsewhere","displayName":"Eli Elsewhere","role":"DIRECTOR","password":"a first password never used"}""");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("detail").asString()).contains("already a member");
        assertThat(admin().delete(STAFF + "/tm.elsewhere").status()).isEqualTo(204);
        assertThat(accounts.roleIn("tm.elsewhere", ORG)).isEmpty();
        assertThat(accounts.roleIn("tm.elsewhere", "the-trust")).contains(Role.CASE_WORKER);
    }

    @Test
    void theOnlyAdministratorCannotBeDemotedOrRemovedUntilThereIsAnother() {
        Api.Response demote = admin().put(STAFF + "/tm.admin/role", "{\"role\":\"CASE_WORKER\"}");
        assertThat(demote.status()).isEqualTo(422);
        assertThat(demote.json().get("errors").get(0).get("message").asString()).contains("only administrator");
        assertThat(admin().delete(STAFF + "/tm.admin").status()).isEqualTo(422);
        assertThat(accounts.roleIn("tm.admin", ORG)).contains(Role.ADMINISTRATOR);

        assertThat(admin().put(STAFF + "/tm.worker/role", "{\"role\":\"ADMINISTRATOR\"}").json().get("roleName").asString()).isEqualTo("Administrator");
        Api.Response stepDown = admin().put(STAFF + "/tm.admin/role", "{\"role\":\"DIRECTOR\"}");
        assertThat(stepDown.status()).as(stepDown.body()).isEqualTo(200);
        assertThat(accounts.roleIn("tm.admin", ORG)).contains(Role.DIRECTOR);
        // put back as it was for the other tests
        assertThat(Api.as(port, "tm.worker", PASSWORD).put(STAFF + "/tm.admin/role", "{\"role\":\"ADMINISTRATOR\"}").status()).isEqualTo(200);
        assertThat(admin().put(STAFF + "/tm.worker/role", "{\"role\":\"CASE_WORKER\"}").status()).isEqualTo(200);
        assertThat(admin().put(STAFF + "/tm.worker/role", "{\"role\":\"EMPEROR\"}").status()).isEqualTo(400);
    }

    @Test
    void aRemovedMemberSeesNothingOfTheOrganisationAndTheirApiTokenStopsWorking() {
        join("tm.leaver", "Lee Leaver", "CASE_WORKER");
        Api leaver = Api.as(port, "tm.leaver", PASSWORD);
        JsonNode token = leaver.post("/api/v1/tokens", "{\"organisation\":\"" + ORG + "\",\"name\":\"housing system\"}").json();
        Api byToken = Api.bearer(port, token.get("token").asString());
        assertThat(byToken.get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(200);

        assertThat(admin().delete(STAFF + "/tm.leaver").status()).isEqualTo(204);
        // no longer a member: the organisation is not found, as for one that does not exist
        assertThat(leaver.get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(404);
        assertThat(byToken.get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from accounts.api_token where username = 'tm.leaver' and revoked_at is null").query(Long.class).single()).isZero();
        assertThat(admin().delete(STAFF + "/tm.leaver").status()).isEqualTo(404);
    }

    @Test
    void anAdministratorUnlocksAMemberLockedOutByWrongPasswords() {
        join("tm.forgetful", "Fay Forgetful", "CASE_WORKER");
        lockOut("tm.forgetful");
        Api right = Api.as(port, "tm.forgetful", PASSWORD);
        assertThat(right.get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(401);
        assertThat(admin().get(STAFF + "/tm.forgetful").json().hasNonNull("lockedUntil")).isTrue();

        JsonNode unlocked = admin().post(STAFF + "/tm.forgetful/unlock", "{}").json();
        assertThat(unlocked.hasNonNull("lockedUntil")).isFalse();
        assertThat(right.get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(200);
    }

    @Test
    void unlockingOneAccountIsLimitedToThreeTimesInADaySoWrongPasswordsCannotBeTriedWithoutEnd() {
        join("tm.guessed", "Gus Guessed", "CASE_WORKER");
        for (int i = 0; i < Team.UNLOCKS_A_DAY; i++) {
            lockOut("tm.guessed");
            Api.Response unlocked = admin().post(STAFF + "/tm.guessed/unlock", "{}");
            assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
            clock.set(clock.instant().plus(Duration.ofHours(1)));
        }
        lockOut("tm.guessed");
        Api.Response refused = admin().post(STAFF + "/tm.guessed/unlock", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).isEqualTo("'tm.guessed' has been unlocked 3 times in the last 24 hours:"
                + " the lockout ends by itself after 15 minutes, or an installation operator can unlock them");
        assertThat(admin().get(STAFF + "/tm.guessed").json().hasNonNull("lockedUntil")).isTrue();
        assertThat(jdbc.sql("select count(*) from accounts.unlock where username = 'tm.guessed' and unlocked_by = 'tm.admin'")
                .query(Long.class).single()).isEqualTo(3);
        // an installation operator is not limited; a day after the first unlock the administrator may again
        assertThat(new Api(port).post(STAFF + "/tm.guessed/unlock", "{}").status()).isEqualTo(200);
        clock.set(clock.instant().plus(Duration.ofHours(22)));
        lockOut("tm.guessed");
        assertThat(admin().post(STAFF + "/tm.guessed/unlock", "{}").status()).isEqualTo(200);
    }

    @Test
    void anAccountThatAlsoBelongsElsewhereIsNeitherUnlockedNorGivenAPasswordNorPromotedByThisOrganisationAlone() {
        accounts.ensure("tm.two-homes", "Tia Two-Homes", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER, "the-trust", Role.CASE_WORKER));
        lockOut("tm.two-homes");
        Api.Response unlock = admin().post(STAFF + "/tm.two-homes/unlock", "{}");
        assertThat(unlock.status()).isEqualTo(422);
        assertThat(unlock.json().get("detail").asString()).isEqualTo("'tm.two-homes' also belongs to another organisation: only an"
                + " installation operator can unlock them before the lockout ends by itself");
        assertThat(Api.as(port, "tm.two-homes", PASSWORD).get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(401);
        Api.Response password = admin().put(STAFF + "/tm.two-homes/password", "{\"password\":\"a brand new long password\"}");
        assertThat(password.status()).isEqualTo(422);
        clock.set(clock.instant().plus(Accounts.LOCKOUT));

        // more permissions need their agreement: the higher role is an invitation, and nothing changes until they accept
        Api.Response promote = admin().put(STAFF + "/tm.two-homes/role", "{\"role\":\"ADMINISTRATOR\"}");
        assertThat(promote.status()).as(promote.body()).isEqualTo(202);
        assertThat(promote.json().get("invitation").get("role").asString()).isEqualTo("ADMINISTRATOR");
        assertThat(accounts.roleIn("tm.two-homes", ORG)).contains(Role.CASE_WORKER);
        // fewer permissions are this organisation's to give
        Api.Response demote = admin().put(STAFF + "/tm.two-homes/role", "{\"role\":\"BOARD_MEMBER\"}");
        assertThat(demote.status()).as(demote.body()).isEqualTo(200);
        assertThat(accounts.roleIn("tm.two-homes", ORG)).contains(Role.BOARD_MEMBER);
        accept(Api.as(port, "tm.two-homes", PASSWORD));
        assertThat(accounts.roleIn("tm.two-homes", ORG)).contains(Role.ADMINISTRATOR);
        assertThat(accounts.roleIn("tm.two-homes", "the-trust")).contains(Role.CASE_WORKER);
        assertThat(admin().put(STAFF + "/tm.two-homes/role", "{\"role\":\"CASE_WORKER\"}").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorSetsANewPasswordOnlyForAnAccountThatBelongsToTheirOrganisationAlone() {
        join("tm.amnesiac", "Amy Amnesiac", "CASE_WORKER");
        Api.Response weak = admin().put(STAFF + "/tm.amnesiac/password", "{\"password\":\"tm.amnesiac-pass\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(admin().put(STAFF + "/tm.amnesiac/password", "{\"password\":\"a brand new long password\"}").status()).isEqualTo(200);
        assertThat(Api.as(port, "tm.amnesiac", "a brand new long password").get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(200);
        assertThat(Api.as(port, "tm.amnesiac", PASSWORD).get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(401);

        // an account shared with another organisation is not this administrator's to change
        accounts.ensure("tm.shared", "Sid Shared", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER, "the-trust", Role.CASE_WORKER));
        Api.Response shared = admin().put(STAFF + "/tm.shared/password", "{\"password\":\"a brand new long password\"}");
        assertThat(shared.status()).isEqualTo(422);
        assertThat(shared.json().toString()).contains("also belongs to another organisation");
        assertThat(Api.as(port, "tm.shared", PASSWORD).get("/api/v1/organisations/" + ORG + "/cases").status()).isEqualTo(200);
    }

    @Test
    void aMemberWhoSignsInThroughTheIdentityProviderHasTheirRoleSetThere() {
        accounts.ensure("tm.sso", "Sue Sso", PASSWORD, false, Map.of(ORG, Role.CASE_WORKER));
        jdbc.sql("insert into accounts.sso_identity (issuer, subject, username, last_seen) values ('https://idp.example', 'tm-sso', 'tm.sso', now()) on conflict do nothing").update();
        Api.Response change = admin().put(STAFF + "/tm.sso/role", "{\"role\":\"DIRECTOR\"}");
        assertThat(change.status()).isEqualTo(422);
        assertThat(change.json().toString()).contains("identity provider");
        assertThat(admin().get(STAFF + "/tm.sso").json().get("singleSignOn").asBoolean()).isTrue();
    }

    @Test
    void onlyThisOrganisationsAdministratorsMayManageItsTeam() {
        accounts.ensure("tm.other-admin", "Oz Other", PASSWORD, false, Map.of("the-trust", Role.ADMINISTRATOR));
        Api otherAdmin = Api.as(port, "tm.other-admin", PASSWORD);
        // another organisation's administrator is no member here: not found, so nothing leaks
        assertThat(otherAdmin.get(STAFF).status()).isEqualTo(404);
        assertThat(otherAdmin.post(STAFF, "{\"username\":\"tm.intruder\",\"displayName\":\"In Truder\",\"role\":\"ADMINISTRATOR\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(404);
        assertThat(Api.as(port, "tm.worker", PASSWORD).put(STAFF + "/tm.worker/role", "{\"role\":\"ADMINISTRATOR\"}").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(STAFF).status()).isEqualTo(401);
        assertThat(accountsNamed("tm.intruder")).isZero();
        assertThat(accounts.roleIn("tm.worker", ORG)).contains(Role.CASE_WORKER);

        WebSession worker = new WebSession(port);
        worker.signIn("tm.worker", PASSWORD);
        assertThat(worker.get("/staff/" + ORG + "/team").status()).isEqualTo(403);
    }
}
