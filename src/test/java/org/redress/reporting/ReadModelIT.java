package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model follows every kind of case in every shipped organisation: clock hours (247 Alliance), a contact with
 * its own clock outside the stages (the Trust), three steps with satisfaction asked at closure (Helping Our Future).
 * May 2018, a month no other test uses; every case ends closed or withdrawn, so no clock is left running.
 */
class ReadModelIT extends ReportingApiSupport {

    @Autowired
    JdbcClient jdbc;

    List<Map<String, Object>> rows(String reference) {
        return jdbc.sql("select stage, staged, responded_at is not null as responded, respond_working_days, outcome, case_status, "
                        + "satisfied_handling, received_month, ended_at is not null as ended from reporting.case_stage where reference = ? order by stage")
                .param(reference).query().listOfRows();
    }

    @Test
    void aFormalComplaintAnsweredInClockHoursIsOneStageRowWithItsDecision() {
        Story c = complaint("247-alliance", "complaint", "2018-05-08T09:00", "", "Cleaning contracts", "Cleaning", "Missed clean", 1)
                .acknowledged("2018-05-08T12:00").responded("2018-05-09T16:00", "UPHELD").closed("2018-05-10T09:00", null, null);
        List<Map<String, Object>> rows = rows(c.reference());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("stage", 1).containsEntry("staged", true).containsEntry("outcome", "UPHELD")
                .containsEntry("respond_working_days", 1).containsEntry("case_status", "CLOSED").containsEntry("received_month", "2018-05");
        // S0-11: responded 31 hours after receipt
        var m = get("/api/v1/organisations/247-alliance/reports/measures/responded-within-48-hours?from=2018-05-01&to=2018-05-31");
        assertThat(value(m, "All", "within-48-hours")).isEqualTo(100.0);
    }

    @Test
    void aContactOutsideTheStagesIsAStageZeroRowAndNotAComplaint() {
        Story request = complaint("the-trust", "support-service-request", "2018-05-14T10:00", "support-services", "Support services",
                "Support", "Visit times", 0).at("2018-05-15T10:00", "withdraw", "{\"reason\":\"sorted by phone\"}");
        List<Map<String, Object>> rows = rows(request.reference());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("stage", 0).containsEntry("staged", false).containsEntry("case_status", "WITHDRAWN")
                .containsEntry("ended", true);
        var received = get("/api/v1/organisations/the-trust/reports/measures/complaints-received?from=2018-05-01&to=2018-05-31");
        assertThat(value(received, "All", "received")).isZero();
    }

    @Test
    void satisfactionAskedAtClosureIsKeptOnTheCaseRow() {
        Story c = complaint("helping-our-future", "complaint", "2018-05-21T09:00", "supported-housing", "Supported housing",
                "Staff attitude", "Rudeness", 1)
                .acknowledged("2018-05-22T09:00").responded("2018-05-25T09:00", "PARTLY_UPHELD").closed("2018-05-29T09:00", true, false);
        assertThat(rows(c.reference()).get(0)).containsEntry("satisfied_handling", true).containsEntry("outcome", "PARTLY_UPHELD");
        var satisfaction = get("/api/v1/organisations/helping-our-future/reports/measures/satisfaction?from=2018-05-01&to=2018-05-31");
        assertThat(value(satisfaction, "All", "handling")).isEqualTo(100.0);
        assertThat(value(satisfaction, "All", "outcome")).isEqualTo(0.0);
    }
}
