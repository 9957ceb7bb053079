package org.redress.vocabulary;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 4: an organisation's service areas and subjects are controlled lists with other spellings, so one
 * subject written two ways is one row in the reports, and an unknown value is refused naming its field unless an
 * administrator lets the list take free values; an import files its rows by the same lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ControlledListsIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vocabulary vocabulary;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    Api api() {
        return new Api(port);
    }

    Cases cases() {
        return new Cases(api());
    }

    @Test
    void dampAndMouldWrittenTwoWaysIsStoredAsOneSubjectAndCountedAsOneRowInTheSubjectsReport() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        JsonNode first = cases().aComplaint().by("Ann Amp").inArea("Repairs").about("Damp & Mould").in(org).json();
        JsonNode second = cases().aComplaint().by("Ben Lower").inArea("repairs").about("  damp and mould ").in(org).json();

        assertThat(first.get("classification").get("subject").asString()).isEqualTo("Damp and mould");
        assertThat(second.get("classification").get("subject").asString()).isEqualTo("Damp and mould");
        assertThat(second.get("classification").get("serviceArea").asString()).isEqualTo("Repairs");
        assertThat(jdbc.sql("select distinct subject from casework.case_file where organisation = ?").param(org).query(String.class).list())
                .containsExactly("Damp and mould");

        JsonNode subjects = api().get("/api/v1/organisations/" + org + "/reports/measures/subjects?from=2026-11-01&to=2026-11-30").json();
        assertThat(subjects.get("rows").size()).isEqualTo(1);
        assertThat(subjects.get("rows").get(0).get("group").asString()).isEqualTo("Damp and mould / -");
        assertThat(subjects.get("rows").get(0).get("cells").get(0).get("value").asInt()).isEqualTo(2);
    }

    @Test
    void aSubCategoryGivenAsTheSubjectIsFiledUnderItsSubjectAndAnAliasOfASubCategoryAsItsName() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        JsonNode noise = cases().aComplaint().inArea("Neighbourhoods").about("noise nuisance").in(org).json().get("classification");
        assertThat(List.of(noise.get("subject").asString(), noise.get("subSubject").asString())).containsExactly("Anti-social behaviour", "Noise");
        JsonNode heating = cases().aComplaint().inArea("Repairs").about("REPAIR", "boiler").in(org).json().get("classification");
        assertThat(List.of(heating.get("subject").asString(), heating.get("subSubject").asString()))
                .containsExactly("Repairs", "Heating and hot water");
    }

    @Test
    void anUnknownServiceAreaIsRefusedNamingTheFieldAndNothingIsStored() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        Api.Response refused = cases().aComplaint().inArea("Lettings").about("Repairs").postTo(org);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("serviceArea");
        assertThat(error.get("message").asString()).isEqualTo("'Lettings' is not one of the organisation's service areas [Repairs, "
                + "Neighbourhoods, Rents and service charges, Home care, Debt advice, Customer services]");
        assertThat(refused.json().get("errors").size()).isEqualTo(1);
        assertThat(cases(org)).isZero();

        Api.Response unknownSubject = cases().aComplaint().inArea("Repairs").about("Parking fines").postTo(org);
        assertThat(unknownSubject.status()).isEqualTo(400);
        assertThat(unknownSubject.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");
        Api.Response unknownSub = cases().aComplaint().inArea("Repairs").about("Repairs", "Gutters").postTo(org);
        assertThat(unknownSub.status()).isEqualTo(400);
        assertThat(unknownSub.json().get("errors").get(0).get("field").asString()).isEqualTo("subSubject");
        assertThat(unknownSub.json().get("errors").get(0).get("message").asString()).startsWith("'Gutters' is not a sub-category of Repairs: choose one of [Missed appointment, ");
        assertThat(cases(org)).isZero();
    }

    @Test
    void anEntryAddedOnAnotherNodeIsTakenByTheNextCaseAndOneRolledBackNeverIs() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        assertThat(cases().aComplaint().inArea("Lettings").about("Repairs").postTo(org).status()).isEqualTo(400);

        // another node's administrator adds "Lettings", and this node read the list just before: it asks the database
        // for the list's revision with every case, so it sees the change made elsewhere (issue 27)
        jdbc.sql("insert into vocabulary.entry (organisation, kind, name, position) values (?, 'service-areas', 'Lettings', 99)")
                .param(org).update();
        assertThat(cases().aComplaint().inArea("lettings").about("Repairs").in(org).json()
                .get("classification").get("serviceArea").asString()).isEqualTo("Lettings");

        // an alias added in a change that is then rolled back: read inside that change, never afterwards
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("insert into vocabulary.alias (entry_id, alias) select id, 'Allocations' from vocabulary.entry "
                    + "where organisation = ? and name = 'Lettings'").param(org).update();
            assertThat(vocabulary.filing(org, "Allocations", null, null).serviceArea()).isEqualTo("Lettings");
            tx.setRollbackOnly();
        });
        // the next committed change raises the revision to the number the rolled-back one had
        jdbc.sql("insert into vocabulary.alias (entry_id, alias) select id, 'Housing allocations' from vocabulary.entry "
                + "where organisation = ? and name = 'Lettings'").param(org).update();
        Api.Response refused = cases().aComplaint().inArea("Allocations").about("Repairs").postTo(org);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("serviceArea");
        assertThat(cases(org)).isEqualTo(1);
    }

    @Test
    void withFreeValuesAllowedAnUnknownServiceAreaIsStoredAsWritten() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        Api.Response allowed = api().put("/api/v1/organisations/" + org + "/lists/service-areas/free-values", "{\"allowed\":true}");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.json().get("freeValues").asBoolean()).isTrue();

        JsonNode lettings = cases().aComplaint().inArea("Lettings").in(org).json();
        assertThat(lettings.get("classification").get("serviceArea").asString()).isEqualTo("Lettings");
        // a value on the list is still stored as its entry
        assertThat(cases().aComplaint().inArea("REPAIRS").in(org).json().get("classification").get("serviceArea").asString()).isEqualTo("Repairs");
        // the subjects list keeps its own setting
        assertThat(cases().aComplaint().about("Parking fines").postTo(org).status()).isEqualTo(400);
        assertThat(cases(org)).isEqualTo(2);
    }

    @Test
    void anAdministratorAddsAnEntryAndAnAliasAndRetiresAnEntryWhichNewCasesThenCannotChoose() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        String lists = "/api/v1/organisations/" + org + "/lists";
        JsonNode areas = api().post(lists + "/service-areas/entries", "{\"name\":\"Lettings\"}").json();
        long lettings = entry(areas, "Lettings").get("id").asLong();
        Api.Response alias = api().post(lists + "/service-areas/entries/" + lettings + "/aliases", "{\"alias\":\"Allocations & lettings\"}");
        assertThat(alias.status()).as(alias.body()).isEqualTo(200);
        assertThat(entry(alias.json(), "Lettings").get("aliases").get(0).asString()).isEqualTo("Allocations & lettings");
        assertThat(cases().aComplaint().inArea("allocations and lettings").in(org).json().get("classification").get("serviceArea").asString())
                .isEqualTo("Lettings");

        // a second entry, or an alias, that answers to an existing one is refused naming the field
        Api.Response twice = api().post(lists + "/service-areas/entries", "{\"name\":\"LETTINGS!\"}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(twice.json().get("errors").get(0).get("message").asString()).isEqualTo("'LETTINGS!' is already on the list as Lettings");

        // a sub-category of a subject
        long repairs = entry(api().get(lists + "/subjects").json(), "Repairs").get("id").asLong();
        Api.Response gutters = api().post(lists + "/subjects/entries", "{\"name\":\"Gutters\",\"parent\":" + repairs + "}");
        assertThat(gutters.status()).as(gutters.body()).isEqualTo(200);
        JsonNode filed = cases().aComplaint().about("Repairs", "gutters").in(org).json().get("classification");
        assertThat(filed.get("subSubject").asString()).isEqualTo("Gutters");

        // retired: new cases cannot choose it, the case already filed keeps it
        assertThat(api().post(lists + "/service-areas/entries/" + lettings + "/deactivate", "").status()).isEqualTo(200);
        Api.Response retired = cases().aComplaint().inArea("Lettings").postTo(org);
        assertThat(retired.status()).isEqualTo(400);
        assertThat(retired.json().get("errors").get(0).get("message").asString()).startsWith("'Lettings' is no longer used for new cases");
        assertThat(jdbc.sql("select count(*) from casework.case_file where organisation = ? and service_area = 'Lettings'").param(org)
                .query(Long.class).single()).isEqualTo(1);

        // only an administrator changes a list; any member of staff reads it
        Api worker = Api.as(port, "kim", TestAccounts.ADMIN_PASSWORD);
        assertThat(worker.get("/api/v1/organisations/alliance-homes/lists/subjects").status()).isEqualTo(200);
        assertThat(worker.post("/api/v1/organisations/alliance-homes/lists/subjects/entries", "{\"name\":\"Anything\"}").status()).isEqualTo(403);
        assertThat(api().get(lists + "/colours").status()).isEqualTo(404);
    }

    @Test
    void anImportedRowWithAnAliasIsStoredUnderItsEntryAndAnUnknownSubjectIsRefusedNamingTheColumn() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        String p = "L" + UUID.randomUUID().toString().substring(0, 6) + "-";
        byte[] csv = ("Case ID,Date received,Complainant,Service area,Category,Details\n"
                + p + "1,03/02/2021,Cai Damp,repairs,Damp & Mould,Mould in the bedroom\n"
                + p + "2,04/02/2021,Dee Park,Neighbourhoods,Parking fines,A ticket on my car\n"
                + p + "3,05/02/2021,Eve Noise,Neighbourhoods,Noise,Loud music\n").getBytes(StandardCharsets.UTF_8);

        JsonNode dry = upload(org, "/dry-run", csv).json();
        assertThat(dry.get("wouldImport").asInt()).isEqualTo(2);
        assertThat(problems(dry.get("problems"))).containsExactly(
                "3 Category: 'Parking fines' is not one of the organisation's subjects [Repairs, Damp and mould, Anti-social behaviour, "
                        + "Communication, Staff conduct, Service delivery, Charges, Estate management, Lettings and allocations, "
                        + "Complaint handling, Health and safety]");
        assertThat(upload(org, "/preview", csv).json().get("preview").get(0).get("stored").get("subject").asString()).isEqualTo("Damp and mould");

        Api.Response started = upload(org, "", csv);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        for (int i = 0; i < 600 && api().get("/api/v1/organisations/" + org + "/imports/" + job).json().get("status").asString().equals("RUNNING"); i++) {
            Thread.sleep(100);
        }
        assertThat(jdbc.sql("select service_area || ' / ' || subject || ' / ' || coalesce(state->'classification'->>'subSubject', '-') from casework.case_file "
                        + "where organisation = ? order by received_at").param(org).query(String.class).list())
                .containsExactly("Repairs / Damp and mould / -", "Neighbourhoods / Anti-social behaviour / Noise");
    }

    @Test
    void pointsAreCountedByCategoryOncePerPointWithTheOutcomeDecidedOnEach() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        CaseOnFile damp = cases().aComplaint().by("Fay Damp").inArea("Repairs").about("Damp & Mould").points("Mould came back", "Nobody called")
                .in(org);
        damp.act("points", "{\"summary\":\"Neighbours shouting\",\"category\":\"asb\"}");
        assertThat(damp.json().get("points").get(0).get("category").asString()).isEqualTo("Damp and mould");
        assertThat(damp.json().get("points").get(2).get("category").asString()).isEqualTo("Anti-social behaviour");
        Api.Response unknown = api().post(damp.path() + "/points", "{\"summary\":\"Rain\",\"category\":\"Weather\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
        damp.respond("We have looked at each point.", Cases.upheld(1, "the mould was not treated"), Cases.notUpheld(2, "we called on the 3rd"),
                Cases.partlyUpheld(3, "we spoke to the neighbour late"));
        cases().aComplaint().by("Gil Boiler").inArea("Repairs").about("Repairs").points("Boiler").in(org);

        JsonNode figure = api().get("/api/v1/organisations/" + org + "/reports/points-by-category?from=2026-11-01&to=2026-11-30").json();
        List<String> rows = new ArrayList<>();
        figure.get("rows").forEach(r -> rows.add(r.get("category").asString() + ": " + r.get("points").asLong() + " points, "
                + r.get("upheld").asLong() + " upheld, " + r.get("partlyUpheld").asLong() + " partly, " + r.get("notUpheld").asLong()
                + " not upheld, " + r.get("undecided").asLong() + " undecided"));
        assertThat(rows).containsExactly(
                "Damp and mould: 2 points, 1 upheld, 0 partly, 1 not upheld, 0 undecided",
                "Anti-social behaviour: 1 points, 0 upheld, 1 partly, 0 not upheld, 0 undecided",
                "Repairs: 1 points, 0 upheld, 0 partly, 0 not upheld, 1 undecided");
        assertThat(figure.get("points").asLong()).isEqualTo(4);
    }

    @Test
    void anAdministratorChangesTheListsOnTheirPageAndTheContactFormOffersThem() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        String page = "/staff/" + org + "/lists";
        WebSession.Page lists = web.get(page);
        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.body()).contains("Service areas and subjects", "Damp and mould", "Another spelling of Repairs",
                "Accept a service area that is not on the list?");

        WebSession.Page added = web.post(page + "/service-areas/entries", Map.of("name", "Lettings"));
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("Added Lettings to the service areas list");
        WebSession.Page blank = web.post(page + "/subjects/entries", Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("There is a problem", "href=\"#subjects-name\"", "The name is required");
        assertThat(web.post(page + "/subjects/free-values", Map.of("allowed", "yes")).status()).isEqualTo(302);
        assertThat(web.get(page).body()).contains("Subjects: values not on the list are now accepted as written");

        String form = web.get("/staff/" + org + "/contacts/new").body();
        assertThat(form).contains("<option value=\"Lettings\">Lettings</option>", "<datalist id=\"subjects\">",
                "<option value=\"Missed appointment\">Missed appointment (Repairs)</option>");
    }

    /** Issue 20, item 4: the staff "add a point" form offers the organisation's subjects as the point's category, as the API takes one. */
    @Test
    void aPointAddedOnTheCasePageCarriesTheCategoryChosenFromTheOrganisationsSubjects() {
        clock.setUk("2026-11-23T10:00");
        String org = strict(cases().anOrganisationLike("alliance-homes"));
        CaseOnFile damp = cases().aComplaint().by("Fay Damp").inArea("Repairs").about("Damp & Mould").points("Mould came back").in(org);
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        String page = "/staff/" + org + "/cases/" + damp.reference();
        assertThat(web.get(page).body()).contains(
                "<select class=\"govuk-select\" id=\"point-category\" name=\"category\" aria-describedby=\"point-category-hint\">",
                "<option value=\"Damp and mould\" selected=\"selected\">Damp and mould</option>",
                "<option value=\"Anti-social behaviour\">Anti-social behaviour</option>");

        WebSession.Page added = web.post(page + "/points", Map.of("summary", "Neighbours shouting", "category", "Anti-social behaviour"));
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        assertThat(damp.read().get("points").get(1).get("category").asString()).isEqualTo("Anti-social behaviour");
        assertThat(damp.read().get("points").get(1).get("summary").asString()).isEqualTo("Neighbours shouting");

        WebSession.Page unknown = web.post(page + "/points", Map.of("summary", "Rain", "category", "Weather"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("href=\"#point-category\"", "Choose a category from the list");
        assertThat(damp.read().get("points")).hasSize(2);
    }

    /**
     * Issue 20: an organisation's lists are made with it, in the transaction that adds it, not on their first read; the
     * start of the application makes those of any organisation without them (the organisations a migration added).
     */
    @Test
    void aNewOrganisationHasItsListsFromTheMomentItIsAddedAndReadingThemWritesNothing() {
        String org = cases().anOrganisationRunning("alliance-homes", "Repairs", "Lettings");
        assertThat(listRows(org)).containsExactly("service-areas free", "subjects free");
        List<String> areas = jdbc.sql("select name from vocabulary.entry where organisation = ? and kind = 'service-areas' order by position")
                .param(org).query(String.class).list();
        assertThat(areas).startsWith("Repairs", "Lettings");
        long entries = entries(org);
        assertThat(entries).isGreaterThan(areas.size());

        assertThat(api().get("/api/v1/organisations/" + org + "/lists").status()).isEqualTo(200);
        assertThat(entries(org)).isEqualTo(entries);

        // an organisation found without its lists when the application starts has them made then
        jdbc.sql("delete from vocabulary.alias where entry_id in (select id from vocabulary.entry where organisation = ?)").param(org).update();
        jdbc.sql("delete from vocabulary.entry where organisation = ? and parent_id is not null").param(org).update();
        jdbc.sql("delete from vocabulary.entry where organisation = ?").param(org).update();
        jdbc.sql("delete from vocabulary.list where organisation = ?").param(org).update();
        assertThat(seeding.seedMissing()).isEqualTo(1);
        assertThat(listRows(org)).containsExactly("service-areas free", "subjects free");
        assertThat(entries(org)).isEqualTo(entries);
    }

    @Autowired
    ListSeeding seeding;

    private List<String> listRows(String org) {
        return jdbc.sql("select kind || case when free_values then ' free' else ' strict' end from vocabulary.list where organisation = ? order by kind")
                .param(org).query(String.class).list();
    }

    private long entries(String org) {
        return jdbc.sql("select count(*) from vocabulary.entry where organisation = ?").param(org).query(Long.class).single();
    }

    /** The organisation's lists refuse a value not on them, as every installation's do unless an administrator says otherwise. */
    private String strict(String org) {
        for (String list : List.of("service-areas", "subjects")) {
            assertThat(api().put("/api/v1/organisations/" + org + "/lists/" + list + "/free-values", "{\"allowed\":false}").status()).isEqualTo(200);
        }
        return org;
    }

    private long cases(String org) {
        return jdbc.sql("select count(*) from casework.case_file where organisation = ?").param(org).query(Long.class).single();
    }

    private static JsonNode entry(JsonNode list, String name) {
        for (JsonNode e : list.get("entries")) {
            if (e.get("name").asString().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + name + " in " + list);
    }

    private static List<String> problems(JsonNode problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add(p.get("row").asInt() + " " + p.get("column").asString() + ": " + p.get("message").asString()));
        return out;
    }

    private Api.Response upload(String org, String path, byte[] content) throws IOException, InterruptedException {
        String boundary = "----redress" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"register.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/organisations/" + org + "/imports" + path))
                .header("Authorization", Api.ADMIN_AUTHORIZATION).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
