package org.redress.casework;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import org.redress.testing.TestAccounts;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint and compliment register (issue 21, S0-9): every record of every type and status, found by reference,
 * name, address or words, filtered, sorted and paged, and exported with the same filters, in the API and on the page.
 * An organisation of its own (a copy of Alliance Homes' procedure) with six records received in November 2026:
 * <pre>
 *   c1  2 Nov  complaint        Repairs   housing      Ada Okafor   open, long overdue
 *   c2  5 Nov  compliment       Lettings  housing      Ben Nowak    closed on 6 Nov
 *   c3 10 Nov  complaint        Repairs   housing      Cara Begum   withdrawn on 12 Nov ("damp in the bathroom")
 *   c4 20 Nov  service request  Lettings  debt-advice  Dev Reid     open (no clock), at 12 Tulip Road
 *   c6 25 Nov  complaint        Repairs   housing      Finn Ward    declined on 26 Nov
 *   c5 30 Nov  complaint        Lettings  housing      Ella Hill    open, owned by a handler
 * </pre>
 * Read on 1 December 2026 at 10:00.
 */
class RegisterIT extends CaseApiSupport {

    /** A case worker limited to the Repairs service area. */
    static String limited;
    static final String PASSWORD = "register-password-ok";

    static String org;
    static String handler;
    static final Map<String, String> ref = new LinkedHashMap<>();

    @Autowired
    Accounts accounts;

    @BeforeEach
    void sixRecordsOfEveryKind() {
        if (org == null) {
            org = cases().anOrganisationRunning("alliance-homes", "Repairs", "Lettings");
            handler = "rg.handler." + org;
            cases().aMemberHolding(org, handler, "service-manager");
            clock.setUk("2026-11-02T10:00");
            ref.put("c1", cases().aComplaint().receivedAt(java.time.LocalDateTime.parse("2026-11-02T09:00")).by("Ada Okafor")
                    .inArea("Repairs").onServiceLine("housing").about("Repairs").saying("The boiler has not worked for a week").in(org).reference());
            clock.setUk("2026-11-05T10:00");
            CaseOnFile c2 = cases().a("compliment").receivedAt(java.time.LocalDateTime.parse("2026-11-05T09:00")).by("Ben Nowak")
                    .inArea("Lettings").onServiceLine("housing").about("Communication").saying("Thank you for the quick letting").in(org);
            ref.put("c2", c2.reference());
            clock.setUk("2026-11-06T10:00");
            c2.close();
            clock.setUk("2026-11-10T10:00");
            CaseOnFile c3 = cases().aComplaint().receivedAt(java.time.LocalDateTime.parse("2026-11-10T09:00")).by("Cara Begum")
                    .inArea("Repairs").onServiceLine("housing").about("Damp and mould").saying("There is damp in the bathroom").in(org);
            ref.put("c3", c3.reference());
            clock.setUk("2026-11-12T10:00");
            c3.act("withdraw", "{\"reason\":\"sorted by phone\"}");
            clock.setUk("2026-11-20T10:00");
            ref.put("c4", cases().a("service-request").receivedAt(java.time.LocalDateTime.parse("2026-11-20T09:00")).by("Dev Reid")
                    .atAddress("12 Tulip Road, Leeds").inArea("Lettings").onServiceLine("debt-advice").about("Charges")
                    .saying("Please explain the charge on my account").in(org).reference());
            clock.setUk("2026-11-25T10:00");
            CaseOnFile c6 = cases().aComplaint().receivedAt(java.time.LocalDateTime.parse("2026-11-25T09:00")).by("Finn Ward")
                    .inArea("Repairs").onServiceLine("housing").about("Repairs").saying("The law on repairs is unfair").in(org);
            ref.put("c6", c6.reference());
            clock.setUk("2026-11-26T10:00");
            c6.act("decline", "{\"ground\":\"OUT_OF_SCOPE\",\"exclusion\":\"general-law\",\"reasons\":\"about the general law\"}");
            clock.setUk("2026-11-30T10:00");
            CaseOnFile c5 = cases().aComplaint().receivedAt(java.time.LocalDateTime.parse("2026-11-30T09:00")).by("Ella Hill")
                    .inArea("Lettings").onServiceLine("housing").about("Staff conduct").saying("The officer was rude to me").in(org);
            ref.put("c5", c5.reference());
            clock.setUk("2026-11-30T10:05");
            c5.assignTo(handler);
            limited = "rg.repairs." + org;
            accounts.ensure(limited, "Rae Repairs", PASSWORD, false, Map.of(org, Role.CASE_WORKER));
            accounts.limitToServiceAreas(limited, org, Set.of("Repairs"));
        }
        clock.setUk("2026-12-01T10:00");
    }

    @Test
    void theRegisterHoldsEveryRecordOfEveryTypeAndStatusNewestFirst() {
        JsonNode page = register("");
        assertThat(names(page)).containsExactly("c5", "c6", "c4", "c3", "c2", "c1");
        assertThat(page.has("nextCursor")).isFalse();
        JsonNode compliment = page.get("entries").get(4);
        assertThat(compliment.get("recordType").asString()).isEqualTo("compliment");
        assertThat(compliment.get("status").asString()).isEqualTo("CLOSED");
        assertThat(compliment.get("complainant").asString()).isEqualTo("Ben Nowak");
        assertThat(compliment.get("serviceArea").asString()).isEqualTo("Lettings");
        assertThat(compliment.get("serviceLine").asString()).isEqualTo("housing");
        assertThat(compliment.get("subject").asString()).isEqualTo("Communication");
        assertThat(compliment.get("receivedAt").asString()).isEqualTo("2026-11-05T09:00:00Z");
        assertThat(compliment.get("closedAt").asString()).isEqualTo("2026-11-06T10:00:00Z");
        assertThat(compliment.has("nextDue")).isFalse();
        assertThat(compliment.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void eachFilterFindsExactlyItsRecords() {
        assertThat(names(register("?type=compliment"))).containsExactly("c2");
        assertThat(names(register("?type=service-request"))).containsExactly("c4");
        assertThat(names(register("?status=CLOSED"))).containsExactly("c2");
        assertThat(names(register("?status=withdrawn"))).containsExactly("c3");
        assertThat(names(register("?status=DECLINED"))).containsExactly("c6");
        assertThat(names(register("?status=OPEN"))).containsExactly("c5", "c4", "c1");
        assertThat(names(register("?stage=0"))).containsExactly("c4", "c2");
        assertThat(names(register("?stage=1"))).containsExactly("c5", "c6", "c3", "c1");
        assertThat(names(register("?serviceLine=debt-advice"))).containsExactly("c4");
        assertThat(names(register("?serviceArea=Lettings"))).containsExactly("c5", "c4", "c2");
        assertThat(names(register("?subject=Charges"))).containsExactly("c4");
        assertThat(names(register("?owner=" + handler))).containsExactly("c5");
        assertThat(names(register("?receivedFrom=2026-11-05&receivedTo=2026-11-20"))).containsExactly("c4", "c3", "c2");
        assertThat(names(register("?receivedFrom=2026-11-25"))).containsExactly("c5", "c6");
        assertThat(names(register("?receivedTo=2026-11-04"))).containsExactly("c1");
        assertThat(names(register("?overdue=true"))).containsExactly("c1");
        assertThat(names(register("?type=complaint&status=OPEN&serviceArea=Repairs"))).containsExactly("c1");
        assertThat(names(register("?type=suggestion"))).isEmpty();
    }

    @Test
    void aSearchFindsARecordByItsReferenceTheNameTheAddressOrItsWords() {
        assertThat(names(register("?text=" + ref.get("c3")))).containsExactly("c3");
        assertThat(names(register("?text=Okafor"))).containsExactly("c1");
        assertThat(names(register("?text=Tulip"))).containsExactly("c4");
        assertThat(names(register("?text=bathroom"))).containsExactly("c3");
        assertThat(names(register("?text=bathroom&status=OPEN"))).isEmpty();
        assertThat(names(register("?text=nothing-like-this"))).isEmpty();
    }

    @Test
    void theRegisterSortsByDeadlineThenTheRestNewestFirstOrByReference() {
        assertThat(names(register("?sort=due"))).containsExactly("c1", "c5", "c6", "c4", "c3", "c2");
        assertThat(names(register("?sort=reference"))).containsExactly("c1", "c2", "c3", "c4", "c6", "c5");
    }

    @Test
    void pagesFollowOneAnotherByCursorInEachOrder() {
        assertThat(allPages("")).containsExactly(List.of("c5", "c6"), List.of("c4", "c3"), List.of("c2", "c1"));
        assertThat(allPages("&sort=due")).containsExactly(List.of("c1", "c5"), List.of("c6", "c4"), List.of("c3", "c2"));
        assertThat(allPages("&sort=reference")).containsExactly(List.of("c1", "c2"), List.of("c3", "c4"), List.of("c6", "c5"));
        // a page of four in the deadline order ends in the middle of the second walk
        JsonNode first = register("?sort=due&size=4");
        assertThat(names(first)).containsExactly("c1", "c5", "c6", "c4");
        assertThat(names(register("?sort=due&size=4&cursor=" + first.get("nextCursor").asString()))).containsExactly("c3", "c2");
        assertThat(allPages("&status=OPEN")).containsExactly(List.of("c5", "c4"), List.of("c1"));
    }

    @Test
    void theCsvHoldsTheFilteredRecordsInTheirOrder() {
        Api.Response csv = api().get(base() + "/export.csv?type=compliment");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("""
                Reference,Type,Status,Stage,Received,Next deadline,Overdue,Closed,Name,Service line,Service area,Subject,Owner\r
                %s,Compliment,Closed,0,2026-11-05 09:00,,No,2026-11-06 10:00,Ben Nowak,housing,Lettings,Communication,\r
                """.formatted(ref.get("c2")));
        Api.Response byReference = api().get(base() + "/export.csv?sort=reference&serviceArea=Repairs");
        assertThat(byReference.body().lines().map(l -> l.split(",")[0]).toList())
                .containsExactly("Reference", ref.get("c1"), ref.get("c3"), ref.get("c6"));
        // the cursor and size of a page play no part: an export starts from the first record
        assertThat(api().get(base() + "/export.csv?status=OPEN").body().lines().count()).isEqualTo(4);
    }

    @Test
    void theWorkbookHoldsTheSameRecordsReadBack() throws Exception {
        HttpResponse<byte[]> xlsx = download(base() + "/export.xlsx?sort=reference", Api.ADMIN_AUTHORIZATION);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("content-disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"register-" + org + "-2026-12-01.xlsx\"");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheet("Register");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("Reference", "Type", "Status", "Stage", "Received", "Next deadline", "Overdue", "Closed",
                    "Name", "Service line", "Service area", "Subject", "Owner");
            List<String> references = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                references.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(references).containsExactly(ref.get("c1"), ref.get("c2"), ref.get("c3"), ref.get("c4"), ref.get("c6"), ref.get("c5"));
            Row withdrawn = sheet.getRow(3);
            List<String> cells = new ArrayList<>();
            withdrawn.forEach(cell -> cells.add(cell.getCellType() == CellType.NUMERIC
                    ? String.valueOf((int) cell.getNumericCellValue()) : cell.getStringCellValue()));
            assertThat(cells).containsExactly(ref.get("c3"), "Complaint", "Withdrawn", "1", "2026-11-10 09:00", "", "No", "2026-11-12 10:00",
                    "Cara Begum", "housing", "Repairs", "Damp and mould", "");
        }
    }

    @Test
    void anExportStopsAtItsCapAndSaysRecordsWereLeftOut(@Autowired RegisterQueries queries, @Autowired Register register) {
        CaseScope everyArea = new CaseScope(org, null, TestAccounts.ADMIN);
        RegisterQuery query = register.check(everyArea, RegisterFilter.everything());
        List<String> seen = new ArrayList<>();
        assertThat(queries.each(everyArea, query, clock.instant(), 4, e -> seen.add(e.reference()))).isTrue();
        assertThat(seen).containsExactly(ref.get("c5"), ref.get("c6"), ref.get("c4"), ref.get("c3"));
        seen.clear();
        assertThat(queries.each(everyArea, query, clock.instant(), 6, e -> seen.add(e.reference()))).isFalse();
        assertThat(seen).hasSize(6);
    }

    @Test
    void aMemberLimitedToRepairsSeesOnlyRepairsRecordsInThePageTheApiAndTheExports() {
        Api repairs = Api.as(port, limited, PASSWORD);
        Api.Response page = repairs.get(base() + "?sort=reference");
        assertThat(page.status()).isEqualTo(200);
        assertThat(names(page.json())).containsExactly("c1", "c3", "c6");
        assertThat(page.json().get("limitNotice").asString()).isEqualTo("Showing Repairs cases only: you are limited to this service area.");
        assertThat(names(repairs.get(base() + "?serviceArea=Lettings").json())).isEmpty();
        assertThat(names(repairs.get(base() + "?text=" + ref.get("c2")).json())).isEmpty();
        assertThat(repairs.get(base() + "/export.csv?sort=reference").body().lines().map(l -> l.split(",")[0]).toList())
                .containsExactly("Reference", ref.get("c1"), ref.get("c3"), ref.get("c6"));

        WebSession session = new WebSession(port);
        session.signIn(limited, PASSWORD);
        WebSession.Page html = session.get("/staff/" + org + "/register");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Showing Repairs cases only").contains(ref.get("c1"), ref.get("c3"), ref.get("c6"))
                .doesNotContain(ref.get("c2"), ref.get("c4"), ref.get("c5"));
    }

    @Test
    void theRegisterPageFiltersByTheDayMonthAndYearBoxesAndLinksToTheSameExports() {
        WebSession session = new WebSession(port);
        session.signIn(limited, PASSWORD);
        WebSession.Page html = session.get("/staff/" + org + "/register?fromDay=10&fromMonth=11&fromYear=2026&toDay=25&toMonth=11&toYear=2026&sort=reference");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains(ref.get("c3"), ref.get("c6")).doesNotContain(ref.get("c1"))
                .contains("/api/v1/organisations/" + org + "/register/export.csv?receivedFrom=2026-11-10&amp;receivedTo=2026-11-25&amp;sort=reference")
                .contains("<span>100,000</span> records");

        WebSession.Page wrong = session.get("/staff/" + org + "/register?fromDay=31&fromMonth=2&fromYear=2026&toDay=1&status=LOST");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("<title>Error: Register").contains("Received from must be a real date, for example 27 3 2026")
                .contains("Received to must include a day, month and year").contains("href=\"#receivedFrom\"");
        WebSession.Page badStatus = session.get("/staff/" + org + "/register?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body()).contains("must be one of OPEN, ON_HOLD, RESPONDED, CLOSED, WITHDRAWN, DECLINED");
    }

    @Test
    void aBadParameterIsRefusedWith400NamingIt() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("type=letter", "type");
        bad.put("status=LOST", "status");
        bad.put("stage=first", "stage");
        bad.put("stage=-1", "stage");
        bad.put("serviceLine=gardening", "serviceLine");
        bad.put("receivedFrom=2026-13-01", "receivedFrom");
        bad.put("receivedTo=01/12/2026", "receivedTo");
        bad.put("receivedFrom=2026-11-20&receivedTo=2026-11-19", "receivedTo");
        bad.put("overdue=maybe", "overdue");
        bad.put("sort=sideways", "sort");
        bad.put("size=0", "size");
        bad.put("size=201", "size");
        bad.put("cursor=not-a-cursor", "cursor");
        bad.put("text=" + "a".repeat(201), "text");
        bad.put("owner=" + "b".repeat(201), "owner");
        for (var e : bad.entrySet()) {
            for (String path : List.of("", "/export.csv", "/export.xlsx")) {
                if (!path.isEmpty() && (e.getValue().equals("size") || e.getValue().equals("cursor"))) {
                    continue; // an export has no page
                }
                Api.Response r = api().get(base() + path + "?" + e.getKey());
                assertThat(r.status()).as(path + "?" + e.getKey() + ": " + r.body()).isEqualTo(400);
                assertThat(r.json().get("errors").get(0).get("field").asString()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        // a cursor of one order is refused in another
        String received = register("?size=1").get("nextCursor").asString();
        Api.Response mixed = api().get(base() + "?sort=reference&cursor=" + received);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        // every bad parameter named at once
        Api.Response many = api().get(base() + "?type=letter&sort=sideways&size=0");
        assertThat(many.json().get("errors").valueStream().map(f -> f.get("field").asString()).toList()).containsExactly("type", "sort", "size");
    }

    String base() {
        return "/api/v1/organisations/" + org + "/register";
    }

    JsonNode register(String query) {
        Api.Response r = api().get(base() + query);
        assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** Every page of two, following the cursors: each page's records by their name in this test. */
    List<List<String>> allPages(String query) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = register("?size=2" + query + (cursor == null ? "" : "&cursor=" + cursor));
            pages.add(names(page));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null && pages.size() < 10);
        return pages;
    }

    static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        for (JsonNode e : page.get("entries")) {
            String reference = e.get("reference").asString();
            names.add(ref.entrySet().stream().filter(r -> r.getValue().equals(reference)).map(Map.Entry::getKey).findFirst().orElse(reference));
        }
        return names;
    }

    HttpResponse<byte[]> download(String path, String authorization) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
