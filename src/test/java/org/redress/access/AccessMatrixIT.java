package org.redress.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permission;
import org.redress.accounts.Permissions;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission matrix, exhaustively: every API endpoint and staff page (read from Spring's handler mapping, so a new
 * one is covered without changing this test) called by every role of an organisation, by a member of staff with no
 * role anywhere, by another organisation's administrator, and by someone not signed in. Allowed: the request reaches
 * its controller and is not answered 401 or 403. Refused: 403 for the organisation's own staff lacking the permission,
 * 404 for anyone outside it, 401 (API) or the sign-in page (pages) for the anonymous; a refused request never reaches a
 * controller and changes nothing in the database. Bodies are not valid on purpose: only the access decision is checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ReachedHandler.class})
class AccessMatrixIT {

    static final String ORG = "the-trust";
    static final String PASSWORD = "matrix-password-not-common";

    enum Outcome { ALLOWED, FORBIDDEN, NOT_FOUND, SIGN_IN }

    /** Someone calling: their role in the organisation (none for outsiders), and whether they administer anything. */
    record Subject(String username, Role role, boolean outsider, boolean administersSomewhere) {
        boolean anonymous() {
            return username.isEmpty();
        }

        @Override
        public String toString() {
            return anonymous() ? "anonymous" : username + (role != null ? " (" + role + ")" : "");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    String reference;

    @BeforeEach
    void staffAndACase() {
        clock.setUk("2026-11-23T10:00");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        for (Role role : Role.values()) {
            String username = "matrix." + role.name().toLowerCase().replace('_', '-');
            accounts.ensureHashed(username, role.label(), hash, false);
            accounts.ensure(username, role.label(), PASSWORD, false, Map.of(ORG, role));
        }
        accounts.ensureHashed("matrix.nobody", "No Role", hash, false);
        accounts.ensureHashed("matrix.outsider", "Homes Admin", hash, false);
        accounts.ensure("matrix.outsider", "Homes Admin", PASSWORD, false, Map.of("alliance-homes", Role.ADMINISTRATOR));
        reference = new Api(port).post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Matrix Tenant","reasonableAdjustments":"large print"},
                 "description":"The heating has failed"}""").json().get("caseFile").get("reference").asString();
    }

    @Test
    void everyEndpointAnswersEachRoleOutsiderAndAnonymousCallerAsThePermissionMatrixSays() {
        List<Endpoints.Endpoint> endpoints = Endpoints.of(handlerMapping, ORG, reference);
        assertThat(endpoints).as("the handler mapping lists the application's endpoints").hasSizeGreaterThan(40);

        List<Subject> subjects = new ArrayList<>();
        for (Role role : Role.values()) {
            subjects.add(new Subject("matrix." + role.name().toLowerCase().replace('_', '-'), role, false, role == Role.ADMINISTRATOR));
        }
        subjects.add(new Subject("matrix.nobody", null, true, false));
        subjects.add(new Subject("matrix.outsider", null, true, true));
        subjects.add(new Subject("", null, true, false));
        Map<Subject, Caller> callers = new LinkedHashMap<>();
        for (Subject s : subjects) {
            callers.put(s, s.anonymous() ? Caller.anonymous(port) : Caller.signedIn(port, s.username(), PASSWORD));
        }

        List<String> wrong = new ArrayList<>();
        Map<String, Long> before = DatabaseFingerprint.of(jdbc);
        int refused = 0;
        // every refusal first: together they must change nothing at all
        for (Endpoints.Endpoint e : endpoints) {
            for (Subject s : subjects) {
                Outcome expected = expected(s, e);
                if (expected != Outcome.ALLOWED) {
                    refused++;
                    check(wrong, s, e, expected, callers.get(s).call(e, body(e)));
                }
            }
        }
        assertThat(DatabaseFingerprint.of(jdbc)).as("refused requests changed nothing").isEqualTo(before);
        int allowed = 0;
        for (Endpoints.Endpoint e : endpoints) {
            for (Subject s : subjects) {
                if (expected(s, e) == Outcome.ALLOWED) {
                    allowed++;
                    check(wrong, s, e, Outcome.ALLOWED, callers.get(s).call(e, body(e)));
                }
            }
        }
        assertThat(wrong).as("%d endpoints x %d callers (%d refused, %d allowed)", endpoints.size(), subjects.size(), refused, allowed)
                .isEmpty();
    }

    @Test
    void theMatrixNeverLetsTheBoardChangeAnythingNorOutsidersSeeAnything() {
        for (Endpoints.Endpoint e : Endpoints.of(handlerMapping, ORG, reference)) {
            Optional<Permissions.Requirement> requirement = Permissions.forRequest(e.method(), e.path().replaceAll("\\?.*", ""));
            if (requirement.isEmpty()) continue;
            assertThat(expected(new Subject("x", null, true, true), e)).as(e.toString()).isEqualTo(Outcome.NOT_FOUND);
            if (!e.reading()) {
                assertThat(expected(new Subject("x", Role.BOARD_MEMBER, false, false), e)).as(e.toString()).isEqualTo(Outcome.FORBIDDEN);
            }
            if (requirement.get().permission() == Permission.ADMINISTER) {
                for (Role role : Role.values()) {
                    assertThat(expected(new Subject("x", role, false, false), e)).as(role + " " + e)
                            .isEqualTo(role == Role.ADMINISTRATOR ? Outcome.ALLOWED : Outcome.FORBIDDEN);
                }
            }
        }
    }

    static Outcome expected(Subject s, Endpoints.Endpoint e) {
        if (s.anonymous()) {
            return Outcome.SIGN_IN;
        }
        String path = e.path().replaceAll("\\?.*", "");
        Optional<Permissions.Requirement> requirement = Permissions.forRequest(e.method(), path);
        if (requirement.isPresent()) {
            if (s.role() == null) return Outcome.NOT_FOUND;
            return Permissions.allows(s.role(), requirement.get().permission()) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        }
        boolean installationChange = !e.reading() && (path.startsWith("/api/v1/organisations") || path.startsWith("/api/v1/policies"));
        if (installationChange && !s.administersSomewhere()) {
            return Outcome.FORBIDDEN;
        }
        return Outcome.ALLOWED;
    }

    private static String body(Endpoints.Endpoint e) {
        if (e.reading()) return "";
        if (e.contentType().contains("yaml") || e.contentType().startsWith("text/")) return "id: nothing";
        return e.api() ? "{}" : "";
    }

    private static void check(List<String> wrong, Subject s, Endpoints.Endpoint e, Outcome expected, Caller.Answer answer) {
        boolean ok = switch (expected) {
            case ALLOWED -> answer.reachedController() && answer.status() != 401 && answer.status() != 403;
            case FORBIDDEN -> !answer.reachedController() && answer.status() == 403;
            case NOT_FOUND -> !answer.reachedController() && answer.status() == 404;
            case SIGN_IN -> !answer.reachedController() && (e.api() ? answer.status() == 401
                    : answer.status() == 302 && answer.location() != null && answer.location().endsWith("/sign-in"));
        };
        if (!ok) {
            wrong.add(s + " " + e + " -> " + e.path() + ": expected " + expected + " but got " + answer.status()
                    + (answer.reachedController() ? " from the controller" : " before any controller")
                    + (answer.location() != null ? " to " + answer.location() : ""));
        }
    }
}
