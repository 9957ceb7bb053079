package org.redress.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permission;
import org.redress.accounts.Permissions;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.TestAccounts;
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

    /** Someone calling: their role in the organisation (none for outsiders), and whether they operate the installation. */
    record Subject(String username, Role role, boolean outsider, boolean operator) {
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
            subjects.add(new Subject("matrix." + role.name().toLowerCase().replace('_', '-'), role, false, false));
        }
        subjects.add(new Subject("matrix.nobody", null, true, false));
        subjects.add(new Subject("matrix.outsider", null, true, false));
        subjects.add(new Subject(TestAccounts.ADMIN, Role.ADMINISTRATOR, false, true));
        subjects.add(new Subject("", null, true, false));
        Map<Subject, Caller> callers = new LinkedHashMap<>();
        for (Subject s : subjects) {
            callers.put(s, caller(s));
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
            Optional<Permissions.Rule> rule = rule(e);
            if (!(rule.orElse(null) instanceof Permissions.Requirement requirement)) continue;
            assertThat(expected(new Subject("x", null, true, false), e)).as(e.toString()).isEqualTo(Outcome.NOT_FOUND);
            if (!e.reading()) {
                assertThat(expected(new Subject("x", Role.BOARD_MEMBER, false, false), e)).as(e.toString()).isEqualTo(Outcome.FORBIDDEN);
            }
            if (requirement.permission() == Permission.ADMINISTER) {
                for (Role role : Role.values()) {
                    assertThat(expected(new Subject("x", role, false, false), e)).as(role + " " + e)
                            .isEqualTo(role == Role.ADMINISTRATOR ? Outcome.ALLOWED : Outcome.FORBIDDEN);
                }
            }
        }
    }

    @Test
    void everyRouteTheApplicationServesIsNamedByTheMatrix() {
        List<String> unnamed = new ArrayList<>();
        for (Endpoints.Endpoint e : Endpoints.all(handlerMapping, ORG, reference)) {
            if (rule(e).isEmpty()) unnamed.add(e.toString());
        }
        assertThat(unnamed).as("routes the permission matrix does not name are refused to everyone").isEmpty();
    }

    /**
     * Issue 19, finding 1: the same request spelt another way (a letter of a segment percent-encoded, the segment
     * double-encoded, a {@code ;} parameter, a doubled slash or a {@code /./}) is answered as the plain request, or
     * refused outright by the firewall (400); it never reaches a controller the plain request may not reach.
     */
    @Test
    void anAddressSpeltAnotherWayIsAnsweredAsThePlainOneAndNeverGetsFurther() throws Exception {
        List<Subject> subjects = List.of(new Subject("matrix.board-member", Role.BOARD_MEMBER, false, false),
                new Subject("matrix.outsider", null, true, false));
        Map<String, Long> before = DatabaseFingerprint.of(jdbc);
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (Subject s : subjects) {
                Caller caller = caller(s);
                for (Endpoints.Endpoint e : Endpoints.of(handlerMapping, ORG, reference)) {
                    Outcome plain = expected(s, e);
                    if (plain == Outcome.ALLOWED) continue;
                    work.add(pool.submit(() -> {
                        for (String spelling : Spellings.of(e.path())) {
                            Endpoints.Endpoint variant = new Endpoints.Endpoint(e.method(), e.pattern(), spelling, e.headers(),
                                    e.contentType(), e.controller());
                            Caller.Answer answer = caller.call(variant, body(e));
                            sent.incrementAndGet();
                            boolean rejected = answer.status() == 400 && !answer.reachedController();
                            if (!rejected) check(wrong, s, variant, plain, answer);
                        }
                    }));
                }
            }
            for (java.util.concurrent.Future<?> f : work) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(sent.get()).as("spellings sent").isGreaterThan(5_000);
        assertThat(wrong).as("%d other spellings of refused requests", sent.get()).isEmpty();
        assertThat(DatabaseFingerprint.of(jdbc)).as("refused requests changed nothing").isEqualTo(before);
    }

    private Caller caller(Subject s) {
        return s.anonymous() ? Caller.anonymous(port)
                : Caller.signedIn(port, s.username(), s.operator() ? TestAccounts.ADMIN_PASSWORD : PASSWORD);
    }

    /** The rule the matrix gives the endpoint's route, with the variables as the test filled them in. */
    static Optional<Permissions.Rule> rule(Endpoints.Endpoint e) {
        String[] names = e.pattern().split("/", -1);
        String[] values = e.path().replaceAll("\\?.*", "").split("/", -1);
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].startsWith("{")) variables.put(names[i].substring(1, names[i].length() - 1).replaceFirst(":.*", ""), values[i]);
        }
        return Permissions.forRoute(e.method(), e.pattern(), variables);
    }

    static Outcome expected(Subject s, Endpoints.Endpoint e) {
        Optional<Permissions.Rule> rule = rule(e);
        if (rule.orElse(null) instanceof Permissions.Open) {
            return Outcome.ALLOWED;
        }
        if (s.anonymous()) {
            return Outcome.SIGN_IN;
        }
        if (rule.isEmpty()) {
            return Outcome.FORBIDDEN;
        }
        if (rule.get() instanceof Permissions.Requirement requirement) {
            if (s.operator()) return Outcome.ALLOWED;
            if (s.role() == null) return Outcome.NOT_FOUND;
            return Permissions.allows(s.role(), requirement.permission()) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        }
        if (rule.get() instanceof Permissions.Operator) {
            return s.operator() ? Outcome.ALLOWED : Outcome.FORBIDDEN;
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
