package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Quarterly reports emailed to named people, once per quarter, on the hand-built data set. */
class QuarterlyReportsIT extends ReportingApiSupport {

    @Autowired
    QuarterlyReports quarterly;

    List<JsonNode> mailTo(String recipient) {
        List<JsonNode> mail = new ArrayList<>();
        for (JsonNode letter : get("/api/v1/organisations/" + ORG + "/outbox")) {
            if (letter.get("recipient").asString().equals(recipient)) {
                mail.add(letter);
            }
        }
        return mail;
    }

    @Test
    void theLastCompleteQuarterIsTheOneBeforeTodaysQuarter() {
        assertThat(QuarterlyReports.lastCompleteQuarter(LocalDate.of(2019, 7, 1)))
                .containsExactly(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 6, 30));
        assertThat(QuarterlyReports.lastCompleteQuarter(LocalDate.of(2027, 2, 14)))
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
    }

    @Test
    void afterTheQuarterEndsEachNamedPersonIsEmailedItsFiguresAndTheBoardReportOnce() {
        clock.setUk("2019-06-15T09:00");
        var created = api().post("/api/v1/organisations/" + ORG + "/reports/schedules",
                "{\"name\":\"Quarterly complaints report\",\"recipients\":[\"chair@board.example\",\"ceo@alliancehomes.example\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        clock.setUk("2019-07-03T09:00");
        var late = api().post("/api/v1/organisations/" + ORG + "/reports/schedules",
                "{\"name\":\"Late starter\",\"recipients\":[\"late@alliancehomes.example\"]}");
        assertThat(late.status()).isEqualTo(201);

        clock.setUk("2019-07-04T06:30");
        quarterly.sendDue();
        assertThat(quarterly.sendDue()).as("a second run sends nothing").isZero();

        List<JsonNode> chair = mailTo("chair@board.example");
        assertThat(chair).hasSize(1);
        assertThat(mailTo("ceo@alliancehomes.example")).hasSize(1);
        // the late schedule was created after the quarter ended: its first report is the next quarter's
        assertThat(mailTo("late@alliancehomes.example")).isEmpty();
        JsonNode mail = chair.get(0);
        assertThat(mail.get("subject").asString()).isEqualTo("Quarterly complaints report: Alliance Homes Group, 2019-04-01 to 2019-06-30");
        // April to June 2019: D was received; no stage 1 response; C was open and overdue at the end of June;
        // B closed on 1 April unhappy with the handling
        assertThat(mail.get("body").asString()).contains("Complaints received: 1", "Stage 1 responses in time: none sent",
                "Open and overdue at the end of the quarter: 1", "Satisfied with complaint handling: 0% (0 of 1)",
                "/api/v1/organisations/alliance-homes/reports/board-report.pdf?from=2019-04-01&to=2019-06-30");
    }

    @Test
    void aScheduleNeedsANameAndRealEmailAddresses() {
        var bad = api().post("/api/v1/organisations/" + ORG + "/reports/schedules", "{\"name\":\" \",\"recipients\":[\"not-an-address\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactly("name", "recipients");
    }
}
