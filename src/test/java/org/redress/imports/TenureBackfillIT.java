package org.redress.imports;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 7 (R-2, TSM CH01 and CH02 by tenure): a register that never split complaints by tenure is imported,
 * then a back-fill file of (case id, tenure, reference) sets only the tenure and the register's reference of those
 * cases, each an import correction in its history, and the regulator's measures split by tenure count the history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class TenureBackfillIT {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    private static final String STAGE1 = "Stage 1";

    @Test
    void aTenureBackFillCorrectsOnlyTheTenureAndReferenceAndTheTsmMeasuresByTenureCountTheHistory() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String org = new Cases(new Api(port)).anOrganisationLike("alliance-homes");
        RegisterUploads uploads = new RegisterUploads(port, org);
        String register = "Case ID,Date received,Channel,Complainant,Category,Details,Date acknowledged,Stage 1 response,Stage 1 outcome,Date closed\n"
                + "T1,06/02/2023,Email,Ann One,Repairs,Leak,07/02/2023,14/02/2023,Upheld,16/02/2023\n"
                + "T2,06/03/2023,Email,Bob Two,Noise,Noise,07/03/2023,14/03/2023,Not upheld,16/03/2023\n"
                + "T3,03/04/2023,Email,Cat Three,Repairs,Door,04/04/2023,28/04/2023,Upheld,02/05/2023\n"
                + "T4,05/06/2023,Email,Dai Four,Rent,Charge,06/06/2023,13/06/2023,Partly upheld,15/06/2023\n"
                + "T5,04/09/2023,Email,Eve Five,Repairs,Window,05/09/2023,12/09/2023,Upheld,14/09/2023\n";
        JsonNode imported = uploads.finished(uploads.upload("", "register.csv", register.getBytes(StandardCharsets.UTF_8), null));
        assertThat(imported.get("imported").asInt()).isEqualTo(5);
        JsonNode before = measure(org, "tsm-ch01");
        assertThat(count(before, STAGE1 + ": unknown tenure", "received")).isEqualTo(5);
        assertThat(count(before, STAGE1 + ": low-cost rental (LCRA)", "received")).isZero();

        String backfill = "Case ID,Tenure,Reference\n"
                + "T1,Social rent,HM-0001\n"
                + "T2,Shared ownership,\n"
                + "T3,general needs,\n"
                + "T4,Leasehold,\n"
                + "T5,,\n"
                + "T9,Social rent,\n"
                + "T1,Social rent,\n"
                + "T3,Castle,\n";
        byte[] file = backfill.getBytes(StandardCharsets.UTF_8);
        JsonNode dry = uploads.upload("/back-fill", "tenures.csv", file, null, "?dryRun=true").json();
        assertThat(List.of(dry.get("rows").asInt(), dry.get("updated").asInt(), dry.get("unchanged").asInt(), dry.get("refused").asInt()))
                .containsExactly(8, 4, 1, 3);
        assertThat(dry.get("problems").toString()).contains("\"row\":7,\"column\":\"Case ID\",\"field\":\"sourceId\",\"message\":\"matches no case")
                .contains("\"row\":8,\"column\":\"Case ID\",\"field\":\"sourceId\",\"message\":\"appears again: the case ")
                .contains("\"row\":9,\"column\":\"Tenure\",\"field\":\"tenure\",\"message\":\"'Castle' is not a tenure");
        assertThat(count(measure(org, "tsm-ch01"), STAGE1 + ": unknown tenure", "received")).isEqualTo(5);

        Api.Response done = uploads.upload("/back-fill", "tenures.csv", file, null);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(List.of(done.json().get("updated").asInt(), done.json().get("unchanged").asInt(), done.json().get("refused").asInt()))
                .containsExactly(4, 1, 3);

        // CH01 and CH02 split by tenure now cover the history: 2 low-cost rental, 1 low-cost home ownership, 1 other, 1 unknown
        JsonNode ch01 = measure(org, "tsm-ch01");
        assertThat(List.of(count(ch01, STAGE1, "received"), count(ch01, STAGE1 + ": low-cost rental (LCRA)", "received"),
                count(ch01, STAGE1 + ": low-cost home ownership (LCHO)", "received"),
                count(ch01, STAGE1 + ": other tenure (not LCRA or LCHO)", "received"), count(ch01, STAGE1 + ": unknown tenure", "received")))
                .containsExactly(5L, 2L, 1L, 1L, 1L);
        JsonNode ch02 = measure(org, "tsm-ch02");
        assertThat(List.of(count(ch02, STAGE1, "responses"), count(ch02, STAGE1 + ": low-cost rental (LCRA)", "responses"),
                count(ch02, STAGE1 + ": low-cost home ownership (LCHO)", "responses"),
                count(ch02, STAGE1 + ": other tenure (not LCRA or LCHO)", "responses"), count(ch02, STAGE1 + ": unknown tenure", "responses")))
                .containsExactly(5L, 2L, 1L, 1L, 1L);
        // T3 was answered in 16 working days (Easter between), outside the Code's 10: of the two low-cost rental responses one was in time
        assertThat(ch02.toString()).contains("50% (1 of 2)");

        // each changed case records it as an import correction; the register's own reference is kept with it
        String t1 = reference(org, "T1");
        assertThat(jdbc.sql("select reason from casework.case_event where organisation = ? and case_id = (select id from casework.case_file where reference = ?) order by sequence desc limit 1")
                .params(org, t1).query(String.class).single())
                .isEqualTo("import correction from tenures.csv, 23 November 2026: tenure, reference (UNKNOWN to LOW_COST_RENTAL)");
        JsonNode t1Case = uploads.api().get("/api/v1/organisations/" + org + "/cases/" + t1).json();
        assertThat(t1Case.get("complainant").get("tenure").asString()).isEqualTo("LOW_COST_RENTAL");
        assertThat(t1Case.get("status").asString()).isEqualTo("CLOSED");

        // the same back-fill again changes nothing, and importing the original register again does not undo it
        JsonNode again = uploads.upload("/back-fill", "tenures.csv", file, null).json();
        assertThat(List.of(again.get("updated").asInt(), again.get("unchanged").asInt())).containsExactly(0, 5);
        JsonNode reimport = uploads.finished(uploads.upload("", "register.csv", register.getBytes(StandardCharsets.UTF_8), null));
        assertThat(List.of(reimport.get("imported").asInt(), reimport.get("updated").asInt(), reimport.get("unchanged").asInt()))
                .containsExactly(0, 0, 5);
        assertThat(count(measure(org, "tsm-ch01"), STAGE1 + ": low-cost rental (LCRA)", "received")).isEqualTo(2);
    }

    private JsonNode measure(String org, String id) {
        Api.Response r = new Api(port).get("/api/v1/organisations/" + org + "/reports/measures/" + id + "?from=2023-01-01&to=2023-12-31");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long count(JsonNode measure, String group, String figure) {
        for (JsonNode row : measure.get("rows")) {
            if (row.get("group").asString().equals(group)) {
                for (JsonNode cell : row.get("cells")) {
                    if (cell.get("figure").asString().equals(figure)) {
                        return cell.get("value") == null || cell.get("value").isNull() ? 0 : cell.get("value").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no " + figure + " in group " + group + " of " + measure);
    }

    private String reference(String org, String sourceId) {
        return jdbc.sql("""
                select f.reference from casework.case_file f join casework.case_event e on e.case_id = f.id and e.type = 'imported'
                where f.organisation = ? and e.details->>'sourceId' = ? limit 1""").params(org, sourceId).query(String.class).single();
    }
}
