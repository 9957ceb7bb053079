package org.redress.imports;

import org.junit.jupiter.api.Test;
import org.redress.deadlines.DeadlineSweep;
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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20, item 2 (historic mode): history raises nothing. A damp case imported closed in 2021 opens no hazard and no
 * notice; an open imported case whose clock was already overdue at the import has it recorded as missed on the case and
 * the deadline sweep records it without a "Missed" notice, while a clock that runs out after the import is reported as
 * ever. A damp complaint received before Awaab's Law (27 October 2025) opens no hazard through the API either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class HistoricModeIT {

    private static final String ORG = "alliance-homes";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeadlineSweep sweep;

    @Test
    void historyRaisesNoHazardAndNoMissedNoticeButAClockRunningOutAfterTheImportIsReported() throws Exception {
        clock.setUk("2026-11-23T09:00");
        RegisterUploads uploads = new RegisterUploads(port, ORG);
        String p = "H" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String csv = "Case ID,Date received,Channel,Complainant,Service area,Category,Details,Date acknowledged,Stage 1 response,"
                + "Stage 1 outcome,Date closed\n"
                + p + "1,01/03/2021,Email,Dewi Damp,Repairs,Damp and mould,Black mould and damp in the bathroom,02/03/2021,10/03/2021,Upheld,12/03/2021\n"
                + p + "2,02/11/2026,Email,Olwen Overdue,Repairs,Heating,No heating,03/11/2026,,,\n"
                + p + "3,20/11/2026,Email,Nia New,Repairs,Windows,Window will not shut,,,,\n";
        JsonNode job = uploads.finished(uploads.upload("", "history.csv", csv.getBytes(StandardCharsets.UTF_8), null));
        assertThat(job.get("imported").asInt()).isEqualTo(3);
        Map<String, String> refs = references(p);

        // the damp case closed in 2021 has no hazard record
        assertThat(jdbc.sql("select count(*) from hazards.hazard where case_reference = ?").param(refs.get(p + "1"))
                .query(Long.class).single()).isZero();
        // the open case's stage 1 response was due on 17 November, before the import: recorded on the case as missed
        JsonNode imported = history(refs.get(p + "2"), "imported");
        assertThat(imported.get("details").get("missed").get(0).asString()).isEqualTo("Stage 1 response (stage 1), due 17 November 2026");
        assertThat(imported.get("reason").asString()).isEqualTo("imported from history.csv, 23 November 2026; not recorded at the time; "
                + "already missed when imported: Stage 1 response (stage 1), due 17 November 2026");

        // the sweep records it as missed before the import and tells nobody; nothing at all for the closed case
        DeadlineSweep.Result first = sweep.run();
        assertThat(first.missedBeforeImport()).isGreaterThanOrEqualTo(1);
        assertThat(reminders(refs.get(p + "2"))).containsExactly("OVERDUE respond not sent: missed before the case was imported");
        assertThat(reminders(refs.get(p + "1"))).isEmpty();
        assertThat(notices(refs.get(p + "1"))).isEmpty();
        assertThat(notices(refs.get(p + "2"))).isEmpty();
        assertThat(notices(refs.get(p + "3"))).isEmpty();

        // a week later: the new case's acknowledgement ran out after the import, so the managers are told; the old one still nothing
        clock.setUk("2026-12-01T08:00");
        sweep.run();
        sweep.run();
        assertThat(notices(refs.get(p + "3"))).containsExactly("Missed to feedback@alliancehomes.example");
        assertThat(notices(refs.get(p + "2"))).isEmpty();
    }

    @Test
    void aDampComplaintReceivedBeforeAwaabsLawOpensNoHazardThroughTheApiAndOneReceivedAfterItDoes() {
        clock.setUk("2026-11-23T09:00");
        JsonNode before = complain(LocalDateTime.parse("2021-03-01T10:00"));
        JsonNode after = complain(LocalDateTime.parse("2026-11-20T10:00"));
        assertThat(hazards(before.get("reference").asString())).isZero();
        assertThat(hazards(after.get("reference").asString())).isEqualTo(1);
    }

    /**
     * Issue 20: the bulk writer passes no listener, so the import asks the hazard check of a new complaint itself: an open
     * damp case received after Awaab's Law gets its hazard with the clocks running from its real receipt, and its
     * investigation clock, run out before the import, is recorded without a "Missed" notice; a closed damp case and an
     * open one received before the law get none.
     */
    @Test
    void anOpenImportedDampCaseReceivedAfterAwaabsLawGetsItsHazardFromItsReceiptWithNoNoticeForWhatRanOutBeforeTheImport() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String org = new Cases(new org.redress.testing.Api(port)).anOrganisationRunning("alliance-homes", "Repairs");
        String csv = "Case ID,Date received,Channel,Complainant,Service area,Category,Details,Date acknowledged,Stage 1 response,"
                + "Stage 1 outcome,Date closed\n"
                + "D-1,02/11/2026,Email,Olwen Open,Repairs,Damp and mould,Black mould in the bedroom,03/11/2026,,,\n"
                + "D-2,03/11/2025,Email,Cai Closed,Repairs,Damp and mould,Damp in the hall,04/11/2025,10/11/2025,Upheld,12/11/2025\n"
                + "D-3,01/03/2021,Email,Hywel History,Repairs,Damp and mould,Mould on the walls,02/03/2021,,,\n"
                + "D-4,20/11/2026,Email,Nia New,Repairs,Damp and mould,Mould on the ceiling,23/11/2026,,,\n";
        RegisterUploads uploads = new RegisterUploads(port, org);
        JsonNode job = uploads.finished(uploads.upload("", "damp.csv", csv.getBytes(StandardCharsets.UTF_8), null));
        assertThat(job.get("imported").asInt()).isEqualTo(4);
        Map<String, String> refs = references(org, "D-");

        assertThat(hazardRecords(refs.get("D-1"))).containsExactly("damp and mould from 2026-11-02, opened by register import");
        assertThat(hazardRecords(refs.get("D-4"))).containsExactly("damp and mould from 2026-11-20, opened by register import");
        assertThat(hazardRecords(refs.get("D-2"))).isEmpty();
        assertThat(hazardRecords(refs.get("D-3"))).isEmpty();
        // the hazard's awareness is the case's real receipt
        assertThat(jdbc.sql("""
                select count(*) from hazards.hazard h join casework.case_file f on f.id = h.case_id
                where f.reference = ? and h.aware_at = f.received_at""").param(refs.get("D-1")).query(Long.class).single()).isEqualTo(1);

        // investigating D-1's hazard was due 10 working days after 2 November, before the import: recorded, nobody told
        sweep.run();
        assertThat(reminders(refs.get("D-1")).stream().filter(r -> r.contains("hazard-")).toList())
                .singleElement().asString().matches("OVERDUE hazard-[0-9a-f-]+-investigate not sent: missed before the case was imported");
        assertThat(notices(refs.get("D-1"))).isEmpty();

        // D-4's investigation runs out after the import (4 December): the managers are told as for any hazard
        clock.setUk("2026-12-08T08:00");
        sweep.run();
        assertThat(jdbc.sql("select subject from correspondence.letter where kind = 'REMINDER' and case_reference = ? and subject like 'Missed: Awaab%'")
                .param(refs.get("D-4")).query(String.class).list())
                .containsExactly("Missed: Awaab's Law: Investigate (damp and mould) for " + refs.get("D-4") + " was due by Friday 4 December 2026");
    }

    /** Issue 20: the daily digest lists no clock that had already run out when its case was imported (history, not work to chase). */
    @Test
    void theDailyDigestLeavesOutClocksThatRanOutBeforeTheImport() throws Exception {
        clock.setUk("2026-11-23T09:00");
        String org = new Cases(new org.redress.testing.Api(port)).anOrganisationRunning("alliance-homes", "Repairs");
        String csv = "Case ID,Date received,Channel,Complainant,Service area,Category,Details,Date acknowledged\n"
                + "G-1,02/11/2026,Email,Olwen Overdue,Repairs,Heating,No heating,03/11/2026\n"
                + "G-2,20/11/2026,Email,Nia New,Repairs,Windows,Window will not shut,23/11/2026\n";
        RegisterUploads uploads = new RegisterUploads(port, org);
        assertThat(uploads.finished(uploads.upload("", "digest.csv", csv.getBytes(StandardCharsets.UTF_8), null)).get("imported").asInt())
                .isEqualTo(2);
        Map<String, String> refs = references(org, "G-");

        clock.setUk("2026-12-03T07:00");
        assertThat(sweep.sendDigests()).isPositive();
        String digest = jdbc.sql("select body from correspondence.letter where organisation = ? and case_reference is null "
                + "and subject like 'Your complaints deadlines%'").param(org).query(String.class).single();
        assertThat(digest).contains(refs.get("G-2") + ": Stage 1 response, due by the end of Monday 7 December 2026")
                .doesNotContain(refs.get("G-1"));
    }

    private List<String> hazardRecords(String reference) {
        return jdbc.sql("""
                select category || ' from ' || to_char(aware_at at time zone 'Europe/London', 'YYYY-MM-DD') || ', opened by ' || opened_by
                from hazards.hazard where case_reference = ? order by category""").param(reference).query(String.class).list();
    }

    private Map<String, String> references(String organisation, String prefix) {
        Map<String, String> out = new java.util.TreeMap<>();
        jdbc.sql("""
                select e.details->>'sourceId', f.reference from casework.case_file f
                join casework.case_event e on e.case_id = f.id and e.type = 'imported'
                where f.organisation = ? and e.details->>'sourceId' like ?""").params(organisation, prefix + "%")
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    private JsonNode complain(LocalDateTime received) {
        return new Cases(new org.redress.testing.Api(port)).aComplaint().receivedAt(received).by("Hana Tenant")
                .withEmail("hana." + System.nanoTime() + "@example.org").preferringContactBy("EMAIL").onServiceLine("housing")
                .inArea("Repairs").about("Repairs").saying("Black mould and damp in the bedroom").wanting("Fix it").points()
                .in(ORG).json();
    }

    private long hazards(String reference) {
        return jdbc.sql("select count(*) from hazards.hazard where case_reference = ?").param(reference).query(Long.class).single();
    }

    private Map<String, String> references(String prefix) {
        Map<String, String> out = new java.util.TreeMap<>();
        jdbc.sql("""
                select e.details->>'sourceId', f.reference from casework.case_file f
                join casework.case_event e on e.case_id = f.id and e.type = 'imported'
                where f.organisation = ? and e.details->>'sourceId' like ?""").params(ORG, prefix + "%")
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    private JsonNode history(String reference, String type) {
        JsonNode c = new org.redress.testing.Api(port).get("/api/v1/organisations/" + ORG + "/cases/" + reference).json();
        for (JsonNode e : c.get("history")) {
            if (e.get("type").asString().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " in " + c.get("history"));
    }

    private List<String> reminders(String reference) {
        return jdbc.sql("""
                select r.kind || ' ' || r.clock || ' ' || r.recipient from deadlines.reminder r join casework.case_file f on f.id = r.case_id
                where f.reference = ? order by r.sent_at""").param(reference).query(String.class).list();
    }

    private List<String> notices(String reference) {
        return jdbc.sql("select subject, recipient from correspondence.letter where kind = 'REMINDER' and case_reference = ? order by created_at")
                .param(reference).query((rs, n) -> rs.getString(1).substring(0, rs.getString(1).indexOf(':')) + " to " + rs.getString(2)).list();
    }
}
