package org.redress.accounts;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords longer than bcrypt checks (72 bytes), sent as an attacker would: refused as a new password naming the
 * field (it was a 500), and a wrong password at sign-in by form or HTTP Basic, however long (a 72-byte password with
 * anything added used to sign in, since bcrypt read only its first 72 bytes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class LongPasswordsIT {

    static final String STAFF = "/api/v1/organisations/the-trust/staff";
    /** Exactly 72 bytes: the longest password bcrypt checks whole. */
    static final String LONGEST = "river kettle orange lamp ".repeat(3).substring(0, 72);
    static final String BYTES_73 = LONGEST + "x";
    static final String BYTES_200 = "correct horse battery staple ".repeat(7).substring(0, 200);
    /** 37 characters, 74 bytes: too long although it has far fewer than 72 characters. */
    static final String ACCENTED_74 = "ü".repeat(37);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewMembersPasswordOver72BytesIsRefusedNamingTheFieldAndAddsNobody() {
        assertThat(LONGEST.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        for (String tooLong : new String[] {BYTES_73, BYTES_200, ACCENTED_74}) {
            String username = "long.pw-" + tooLong.length();
            Api.Response r = new Api(port).post(STAFF, newMember(username, tooLong));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).isEqualTo("password: " + PasswordPolicy.TOO_LONG);
            assertThat(accountsNamed(username)).isZero();
        }
    }

    @Test
    void aPasswordOf72BytesWorksAndNothingLongerSignsInByBasicOrForm() {
        joins("long.pw-72");
        String cases = "/api/v1/organisations/the-trust/cases";
        assertThat(Api.as(port, "long.pw-72", LONGEST).get(cases).status()).isEqualTo(200);

        assertThat(Api.as(port, "long.pw-72", BYTES_73).get(cases).status()).isEqualTo(401);
        assertThat(Api.as(port, "long.pw-72", BYTES_200).get(cases).status()).isEqualTo(401);
        assertThat(Api.as(port, "no.such-account", BYTES_200).get(cases).status()).isEqualTo(401);
        WebSession.Page form = new WebSession(port).signIn("long.pw-72", BYTES_73);
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.location()).endsWith("/sign-in?error");
        // each counted as a wrong password towards the lockout
        assertThat(jdbc.sql("select failed_attempts from accounts.staff_user where username = 'long.pw-72'").query(Integer.class).single())
                .isEqualTo(3);
        assertThat(Api.as(port, "long.pw-72", LONGEST).get(cases).status()).isEqualTo(200);
    }

    @Test
    void aForgottenPasswordIsNotResetToOneOver72Bytes() {
        joins("long.pw-reset");
        Api.Response r = new Api(port).put(STAFF + "/long.pw-reset/password", "{\"password\":\"" + BYTES_200 + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo(PasswordPolicy.TOO_LONG);
        assertThat(Api.as(port, "long.pw-reset", LONGEST).get("/api/v1/organisations/the-trust/cases").status()).isEqualTo(200);
    }

    @Test
    void changingOnesOwnPasswordToOneOver72BytesIsRefusedOnThePage() {
        joins("long.pw-change");
        WebSession me = new WebSession(port);
        assertThat(me.signIn("long.pw-change", LONGEST).location()).doesNotContain("error");
        me.get("/account/password");
        WebSession.Page refused = me.post("/account/password", Map.of("current", LONGEST, "password", BYTES_73, "confirm", BYTES_73));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Choose another password: use at most 72 characters");
        WebSession.Page wrong = me.post("/account/password", Map.of("current", BYTES_200, "password", "lamp river orange kettle",
                "confirm", "lamp river orange kettle"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Your current password is wrong");
        assertThat(Api.as(port, "long.pw-change", LONGEST).get("/api/v1/organisations/the-trust/cases").status()).isEqualTo(200);
    }

    /** A new account with the longest password, invited to the Trust, which accepts the invitation itself. */
    private void joins(String username) {
        Api.Response invited = new Api(port).post(STAFF, newMember(username, LONGEST));
        assertThat(invited.status()).as(invited.body()).isEqualTo(202);
        String id = invited.json().get("invitation").get("id").asString();
        Api.Response accepted = Api.as(port, username, LONGEST).post("/api/v1/invitations/" + id + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    private static String newMember(String username, String password) {
        return """
                {"username":"%s","displayName":"Lee Long","role":"CASE_WORKER","password":"%s"}""".formatted(username, password);
    }

    private long accountsNamed(String username) {
        return jdbc.sql("select count(*) from accounts.staff_user where username = ?").param(username).query(Long.class).single();
    }
}
