package org.redress.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member limited to the Repairs service area reads no Lettings case anywhere: every list of the organisation and
 * every part of a Repairs case (read from Spring's handler mapping, so a new list is walked without changing this
 * test; API and pages, PDFs, spreadsheets and zips included) shows no reference, id or words of the Lettings case,
 * while it still shows all that an unlimited colleague sees of Repairs. The Lettings case has everything a list can
 * show: a hazard, an ombudsman referral, an action, lessons, a staff concern, a legal hold, an erasure request,
 * special category data read, letters, equality answers, a similar earlier complaint, and it was withdrawn so retention
 * lists it. An organisation of its own (a copy of Alliance Homes' procedure), so every reference seen is known.
 * The cases are from June 2019, so that in November 2026 retention's dry run lists the ended ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ReachedHandler.class})
class AreaLimitedListsIT {

    static final String ORG = "area-lists";
    static final String PASSWORD = "area-lists-password-ok";
    static final String LIMITED = "al.repairs-admin";
    static final String UNLIMITED = "al.any-admin";
    static final Pattern REFERENCE = Pattern.compile("AL-\\d{4}-\\d{6}");
    /** A word only the Lettings case's description has, next to the words a hazard is found by. */
    static final String LETTINGS_WORD = "tulipwood";
    static final String CASES = "/api/v1/organisations/" + ORG + "/cases";

    /** Built once: two Repairs complaints (a0 earlier, a1 later) and a Lettings one (b1) between them, all from one person. */
    static String a0;
    static String a1;
    static String b1;
    static String b1Id;
    static JsonNode a1Warnings;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    org.redress.accounts.PackRoles packRoles;
    @Autowired
    MutableClock clock;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @BeforeEach
    void aLettingsCaseHasEverythingAListCanShow() throws IOException {
        if (a0 == null) {
            clock.setUk("2019-06-10T09:00");
            organisation();
            String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
            for (String username : List.of(LIMITED, UNLIMITED)) {
                accounts.ensureHashed(username, username, hash, false);
                accounts.ensure(username, username, PASSWORD, false, Map.of(ORG, Role.ADMINISTRATOR));
            }
            accounts.limitToServiceAreas(LIMITED, ORG, Set.of("Repairs"));
            packRoles.set(ORG, LIMITED, Set.of("service-manager")); // owns stage 1 of the cases assigned to them (issue 22)
            Api admin = new Api(port);
            Api limited = Api.as(port, LIMITED, PASSWORD);
            // the cases are from 2019, before Awaab's Law: this organisation's damp category applies from then, so a
            // hazard is opened for the Lettings case to show in the lists (issue 20 keeps history before the law quiet)
            created(admin.put("/api/v1/organisations/" + ORG + "/hazard-settings", """
                    {"categories":[{"name":"damp and mould","keywords":["damp","mould"],"appliesFrom":"2019-01-01"}]}"""), 200);

            a0 = complaint(admin, "Repairs", "The front door lock is broken and will not close", "").get("caseFile").get("reference").asString();
            clock.setUk("2019-06-10T10:00");
            JsonNode lettings = complaint(admin, "Lettings", "Damp and mould " + LETTINGS_WORD + " in the bedroom of the flat I was let",
                    ",\"reasonableAdjustments\":\"Uses a hearing aid\"").get("caseFile");
            b1 = lettings.get("reference").asString();
            b1Id = lettings.get("id").asString();
            clock.setUk("2019-06-10T11:00");
            // logged by the limited member: its warnings are what they were shown
            JsonNode repairs = complaint(limited, "Repairs", "Damp and mould in the kitchen, and the front door lock again",
                    ",\"reasonableAdjustments\":\"Uses a hearing aid\"");
            a1 = repairs.get("caseFile").get("reference").asString();
            a1Warnings = repairs.get("warnings");

            clock.setUk("2019-06-11T09:00");
            for (String reference : List.of(a1, b1)) {
                created(admin.post(CASES + "/" + reference + "/acknowledge", "{}"), 200);
                created(admin.post(CASES + "/" + reference + "/assign", "{\"owner\":\"" + LIMITED + "\"}"), 200);
                created(admin.post(CASES + "/" + reference + "/ombudsman/referral", """
                        {"ombudsman":"housing-ombudsman","reference":"HOS-%s","referredOn":"2019-06-11"}""".formatted(reference)), 200);
                created(admin.post(CASES + "/" + reference + "/remedies", """
                        {"kind":"ACTION","description":"Call back about %s","owner":"%s","due":"2019-07-01"}""".formatted(reference, LIMITED)), 201);
                created(admin.post(CASES + "/" + reference + "/staff-concerns", "{\"namedPerson\":\"Pat Porter\",\"manager\":\"" + UNLIMITED + "\"}"), 201);
                created(admin.post("/api/v1/organisations/" + ORG + "/legal-holds",
                        "{\"caseReference\":\"%s\",\"reason\":\"County court claim\"}".formatted(reference)), 201);
                created(admin.post("/api/v1/organisations/" + ORG + "/privacy-requests", """
                        {"kind":"ERASURE","caseReference":"%s","requestedBy":"Ann Able","request":"Please delete my data"}""".formatted(reference)), 201);
                for (String age : List.of("16-24", "25-34", "35-44", "45-54", "55-64")) {
                    created(admin.post(CASES + "/" + reference + "/equality", "{\"age_band\":\"" + age + "\"}"), 201);
                }
            }
            String lessons = "/api/v1/organisations/" + ORG + "/lessons";
            created(admin.post(lessons, """
                    {"kind":"SERVICE_CHANGE","title":"Check for damp at every repair visit","description":"Every visit now looks for damp",
                     "rootCause":"COMMUNICATION","owner":"%s","cases":["%s","%s"]}""".formatted(UNLIMITED, a1, b1)), 201);
            created(admin.post(lessons, """
                    {"kind":"LESSON","title":"Inspect lettings before a tenancy starts","description":"Lettings inspect every flat",
                     "rootCause":"COMMUNICATION","owner":"%s","cases":["%s"]}""".formatted(UNLIMITED, b1)), 201);
            created(admin.post("/api/v1/organisations/" + ORG + "/restrictions", """
                    {"personName":"Ann Able","email":"ann.able@example.org","kind":"WRITTEN_CONTACT_ONLY","reason":"Abusive phone calls",
                     "decidedBy":"Chief executive","reviewOn":"2020-06-01"}"""), 201);
            clock.setUk("2019-06-20T09:00");
            for (String reference : List.of(a0, b1)) {
                created(admin.post(CASES + "/" + reference + "/withdraw", "{\"reason\":\"The resident asked to stop\"}"), 200);
            }
            // the hazards found in 2019 came before Awaab's Law covered damp and mould (27 October 2025), so they have no
            // duty and no clock (issue 23); a fall hazard found now (falls are covered from 27 October 2026 in the shipped
            // Awaab's Law pack) has its clocks running, so each case has a hazard in the lists
            clock.setUk("2026-11-20T09:00");
            for (String reference : List.of(a1, b1)) {
                created(admin.post(CASES + "/" + reference + "/hazards", "{\"category\":\"falls\"}"), 201);
            }
        }
        clock.setUk("2026-11-23T10:00");
    }

    @Test
    void aMemberLimitedToRepairsFindsNoLettingsCaseInAnyListOrPartOfARepairsCase() {
        List<Endpoints.Endpoint> lists = ListWalk.lists(mapping, ORG, a1);
        assertThat(lists.stream().map(Endpoints.Endpoint::pattern)).as("the walk finds the lists").contains(
                "/api/v1/organisations/{organisation}/hazards", "/api/v1/organisations/{organisation}/ombudsman",
                "/api/v1/organisations/{organisation}/remedies", "/api/v1/organisations/{organisation}/cases/{case}/similar",
                "/staff/{organisation}/cases/{reference}/similar", "/staff/{organisation}/privacy", "/staff/{organisation}");
        ListWalk.Reader limited = new ListWalk.Reader(port, LIMITED, PASSWORD);
        ListWalk.Reader everyone = new ListWalk.Reader(port, UNLIMITED, PASSWORD);
        Set<String> repairs = Set.of(a0, a1);
        List<String> leaks = new ArrayList<>();
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        Map<String, Set<String>> seenByEveryone = new LinkedHashMap<>();
        for (Endpoints.Endpoint list : lists) {
            ListWalk.Read mine = limited.read(list);
            ListWalk.Read all = everyone.read(list);
            assertThat(mine.status()).as(list + ": " + mine.text()).isLessThan(500);
            Set<String> references = references(mine.text());
            seen.put(list.pattern(), references);
            seenByEveryone.put(list.pattern(), references(all.text()));
            if (references.contains(b1) || mine.text().contains(b1Id) || mine.text().contains(LETTINGS_WORD)) {
                leaks.add(list + " shows " + references);
            }
            Set<String> repairsSeenByEveryone = new TreeSet<>(references(all.text()));
            repairsSeenByEveryone.retainAll(repairs);
            if (!references.containsAll(repairsSeenByEveryone)) {
                leaks.add(list + " hides Repairs cases: " + references + " of " + repairsSeenByEveryone);
            }
        }
        assertThat(leaks).as("lists showing the limited member a Lettings case, or hiding a Repairs one").isEmpty();

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        String api = "/api/v1/organisations/{organisation}";
        for (String area : List.of("/hazards", "/ombudsman", "/remedies", "/lessons", "/legal-holds", "/privacy-requests")) {
            expected.put(api + area, Set.of(a1));
        }
        expected.put(api + "/retention/dry-run", Set.of(a0));
        // every case names a member of staff: special category data, whose every read is logged
        expected.put(api + "/audit/special-category", Set.of(a0, a1));
        expected.put(api + "/cases/{case}/similar", Set.of(a0));
        // the register (issue 21): every record of the member's areas, in the API, its exports and on its page
        for (String register : List.of(api + "/register", api + "/register/export.csv", api + "/register/export.xlsx",
                "/staff/{organisation}/register")) {
            expected.put(register, Set.of(a0, a1));
        }
        for (Map.Entry<String, Set<String>> list : expected.entrySet()) {
            assertThat(seen.get(list.getKey())).as("the limited member's " + list.getKey()).isEqualTo(list.getValue());
            Set<String> withLettings = new TreeSet<>(list.getValue());
            withLettings.add(b1);
            assertThat(seenByEveryone.get(list.getKey())).as("an unlimited colleague's " + list.getKey()).isEqualTo(withLettings);
        }
    }

    @Test
    void similarComplaintsInAnotherAreaAreCountedNeverNamedWhenLoggingAndOnTheCase() {
        JsonNode repeat = a1Warnings.get(0);
        assertThat(repeat.get("kind").asString()).isEqualTo("REPEAT");
        assertThat(repeat.get("relatedCases").toString()).isEqualTo("[\"" + a0 + "\"]");
        assertThat(repeat.get("message").asString()).contains(a0, "and 1 more in service areas you do not work in").doesNotContain(b1);

        String again = """
                {"recordType":"complaint","channel":"PHONE","receivedAt":"2019-06-12T09:00:00Z",
                 "complainant":{"name":"Ann Able","email":"ann.able@example.org","preferredContact":"EMAIL"},
                 "serviceLine":"housing","serviceArea":"Repairs","subject":"Repairs","description":"The front door lock again"}""";
        Api.Response mine = Api.as(port, LIMITED, PASSWORD).post(CASES + "/checks", again);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(references(mine.body())).isEqualTo(Set.of(a0, a1));
        assertThat(mine.body()).contains("and 1 more in service areas you do not work in");
        assertThat(references(Api.as(port, UNLIMITED, PASSWORD).post(CASES + "/checks", again).body())).isEqualTo(Set.of(a0, a1, b1));

        ListWalk.Reader limited = new ListWalk.Reader(port, LIMITED, PASSWORD);
        String page = limited.read("/staff/" + ORG + "/cases/" + a1 + "/similar").text();
        assertThat(references(page)).isEqualTo(Set.of(a0, a1));
        assertThat(page).contains("1 more in service areas you do not work in");
        assertThat(limited.read("/staff/" + ORG + "/cases/" + a1).text())
                .contains("and 1 more in service areas you do not work in").doesNotContain(b1);
    }

    @Test
    void equalityAnswersAreCountedOnlyForTheMembersServiceAreas() {
        String summary = "/api/v1/organisations/" + ORG + "/equality/summary?from=2019-06&to=2019-06";
        assertThat(Api.as(port, LIMITED, PASSWORD).get(summary).json().get("responses").asString()).isEqualTo("5");
        assertThat(Api.as(port, UNLIMITED, PASSWORD).get(summary).json().get("responses").asString()).isEqualTo("10");
    }

    @Test
    void aLimitedAdministratorIsRefusedASubjectAccessExportHoldingAnotherAreasCaseWithoutBeingToldWhich() {
        Api.Response recorded = new Api(port).post("/api/v1/organisations/" + ORG + "/subject-access",
                "{\"name\":\"Ann Able\",\"email\":\"ann.able@example.org\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String export = "/api/v1/organisations/" + ORG + "/subject-access/" + recorded.json().get("id").asString() + "/export.zip";

        Api.Response refused = Api.as(port, LIMITED, PASSWORD).get(export);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("this person has 1 case in service areas you do not work in").doesNotContain(b1);
        ListWalk.Read everything = new ListWalk.Reader(port, UNLIMITED, PASSWORD).read(export);
        assertThat(everything.status()).isEqualTo(200);
        assertThat(references(everything.text())).isEqualTo(Set.of(a0, a1, b1));
    }

    @Test
    void theApiDescriptionAsksNoClientForTheScopeItTakesFromWhoIsSignedIn() {
        Api.Response docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).doesNotContain("CaseScope", "\"name\":\"scope\"", "serviceAreas\",\"in\"");
    }

    private static Set<String> references(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static JsonNode complaint(Api api, String serviceArea, String description, String extra) {
        Api.Response created = api.post(CASES, """
                {"recordType":"complaint","channel":"EMAIL",
                 "complainant":{"name":"Ann Able","email":"ann.able@example.org","preferredContact":"EMAIL"%s},
                 "namedPeople":[{"name":"Pat Porter","kind":"staff","role":"Porter"}],
                 "serviceLine":"housing","serviceArea":"%s","subject":"Repairs","description":"%s","points":["What went wrong"]}"""
                .formatted(extra, serviceArea, description));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static void created(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    /** A copy of Alliance Homes' procedure under the organisation's own code, with Repairs and Lettings. */
    private void organisation() throws IOException {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/policy/packs/alliance-homes.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("id: alliance-homes", "id: " + ORG).replace("code: alliance-homes", "code: " + ORG);
        }
        try {
            HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/policies"))
                    .header("Content-Type", "application/yaml").header("Authorization", Api.ADMIN_AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
            int version = new Api.Response(upload.statusCode(), "", upload.body()).json().get("version").asInt();
            created(new Api(port).post("/api/v1/policies/" + ORG + "/versions/" + version + "/activate", ""), 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        created(new Api(port).post("/api/v1/organisations", """
                {"code":"%s","name":"Area Lists Homes","referencePrefix":"AL","policyPack":"%s","serviceAreas":["Repairs","Lettings"]}"""
                .formatted(ORG, ORG)), 201);
    }
}
