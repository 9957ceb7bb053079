package org.redress.lifecycle;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.CaseOnFile;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.testing.Cases.notUpheld;
import static org.redress.testing.Cases.upheld;

/**
 * Issue 23, F-8: each service line's complaints count in its own regulator's report. In an organisation of its own
 * running Alliance Homes' pack, in May 2027: two housing complaints, two home care complaints (one answered, one open) and
 * one debt advice complaint. TSM CH01 and CH02 count the housing ones only; the FCA DISP return (R-5, DISP 1.10)
 * the debt advice one only; the social care summary for CQC (Regulation 16(3), R-4) the home care ones, and CQC's
 * request is recorded with its due date, 28 days later.
 */
class ServiceLineReportsIT extends LifecycleSupport {

    static final String MAY = "from=2027-05-01&to=2027-05-31";

    @Test
    void eachServiceLinesComplaintsCountInItsOwnRegulatorsReport() {
        String org = cases().anOrganisationLike("alliance-homes");
        member(org, "reports.manager", "service-manager");
        CaseOnFile housing1 = logged(org, "housing", "Hana Housing");
        CaseOnFile housing2 = logged(org, "housing", "Hugh Housing");
        CaseOnFile care1 = logged(org, "home-care", "Cara Care");
        logged(org, "home-care", "Cole Care");
        CaseOnFile debt = logged(org, "debt-advice", "Dee Debt");
        itIs("2027-05-11T10:00");
        housing1.acknowledge();
        care1.acknowledge();
        itIs("2027-05-14T10:00");
        housing1.respond("We have booked the repair.", upheld(1, "the repair was missed"));
        care1.respond("The rota has a standby carer.", upheld(1, "the visit was missed"));
        debt.respond("Your plan was right.", notUpheld(1, "the figures were right"));
        itIs("2027-06-02T09:00");

        // TSM CH01 and CH02: the two housing complaints received, the one housing response (in time); not home care or debt advice
        JsonNode ch01 = measure(org, "tsm-ch01");
        assertThat(value(ch01, "Stage 1", "received")).isEqualTo(2);
        assertThat(value(ch01, "Stage 2", "received")).isEqualTo(0);
        JsonNode ch02 = measure(org, "tsm-ch02");
        assertThat(cell(ch02, "Stage 1", "within-code-timescale").get("text").asString()).isEqualTo("100% (1 of 1)");
        assertThat(housing2.reference()).isNotNull();

        // the DISP return: the debt advice complaint alone
        JsonNode disp = measure(org, "disp-return");
        assertThat(value(disp, "All", "received")).isEqualTo(1);

        // the social care summary for CQC: the home care line's complaints alone
        JsonNode summary = ok(api().get("/api/v1/organisations/" + org + "/reports/social-care-summary?" + MAY));
        assertThat(summary.get("serviceLines").toString()).isEqualTo("[\"home-care\"]");
        JsonNode received = byId(summary, "complaints-received");
        assertThat(received.get("serviceLine").asString()).isEqualTo("home-care");
        assertThat(value(received, "All", "received")).isEqualTo(2);
        JsonNode times = byId(summary, "response-times");
        assertThat(value(times, "Stage 1", "responses")).isEqualTo(1);
        assertThat(value(times, "Stage 1", "in-time")).isEqualTo(100.0);
        assertThat(value(byId(summary, "open-complaints"), "(no service area)", "open")).isEqualTo(1);  // Cole Care, due in November
        assertThat(value(byId(summary, "outcomes"), "Stage 1", "upheld")).isEqualTo(1);
        assertThat(summary.get("requests")).isEmpty();
        Api.Response csv = api().get("/api/v1/organisations/" + org + "/reports/social-care-summary/export.csv?" + MAY);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(org + ",2027-05-01,2027-05-31,home-care,", ",complaints-received,Complaints received,All,received,Received,");

        // CQC asks on Tue 1 June 2027: the summary is due within 28 days, by Tue 29 June; the period defaults to the 12 months before
        Api.Response made = api().post("/api/v1/organisations/" + org + "/reports/cqc-requests", "{\"requestedOn\":\"2027-06-01\",\"note\":\"inspection\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("dueOn").asString()).isEqualTo("2027-06-29");
        assertThat(made.json().get("from").asString()).isEqualTo("2026-06-01");
        assertThat(made.json().get("to").asString()).isEqualTo("2027-05-31");
        assertThat(ok(api().get("/api/v1/organisations/" + org + "/reports/social-care-summary?" + MAY)).get("requests").get(0)
                .get("dueOn").asString()).isEqualTo("2027-06-29");
        Api.Response bad = api().post("/api/v1/organisations/" + org + "/reports/cqc-requests", "{\"requestedOn\":\"1 June\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("requestedOn");
        Api.Response future = api().post("/api/v1/organisations/" + org + "/reports/cqc-requests", "{\"requestedOn\":\"2027-06-03\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("message").asString()).isEqualTo("cannot be in the future");
    }

    /**
     * Issue 23, F-8: the reports follow a corrected service line. Of three complaints received on Mon 10 May 2027, one was
     * logged on housing by mistake and corrected to home care the next day, before its acknowledgement: TSM CH01 counts
     * the one housing complaint, the social care summary for CQC the two home care ones. The housing complaint, once
     * acknowledged, cannot be moved to debt advice (another procedure, FCA DISP) and stays in CH01.
     */
    @Test
    void theReportsFollowACorrectedServiceLine() {
        String org = cases().anOrganisationLike("alliance-homes");
        member(org, "reports.manager", "service-manager");
        CaseOnFile housing = logged(org, "housing", "Hana Housing");
        CaseOnFile wrong = logged(org, "housing", "Wanda Wrongline");
        logged(org, "home-care", "Cara Care");
        itIs("2027-05-11T10:00");
        housing.acknowledge();
        wrong.act("service-line", "{\"serviceLine\":\"home-care\",\"reason\":\"The complaint is about the home care visits\"}");
        assertThat(refused(housing.attempt("service-line", "{\"serviceLine\":\"debt-advice\",\"reason\":\"About the budget advice\"}")))
                .isEqualTo("The Housing line and the Debt advice line run different complaint procedures, and the acknowledgement has "
                        + "already been sent under this case's procedure, so the case cannot be moved to the Debt advice line. Withdraw "
                        + "this case, giving the reason, and log the complaint again on the Debt advice line: F-8");
        itIs("2027-06-02T09:00");

        assertThat(value(measure(org, "tsm-ch01"), "Stage 1", "received")).isEqualTo(1);
        JsonNode summary = ok(api().get("/api/v1/organisations/" + org + "/reports/social-care-summary?" + MAY));
        assertThat(value(byId(summary, "complaints-received"), "All", "received")).isEqualTo(2);
    }

    private CaseOnFile logged(String org, String serviceLine, String name) {
        itIs("2027-05-10T09:00");
        CaseOnFile c = cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2027, 5, 10)).by(name)
                .onServiceLine(serviceLine).points("It went wrong").in(org);
        return c.assignTo("reports.manager");
    }

    private JsonNode measure(String org, String id) {
        return ok(api().get("/api/v1/organisations/" + org + "/reports/measures/" + id + "?" + MAY));
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode byId(JsonNode summary, String id) {
        for (JsonNode m : summary.get("measures")) {
            if (m.get("id").asString().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + id + " in " + summary);
    }

    private static JsonNode cell(JsonNode measure, String group, String figure) {
        for (JsonNode row : measure.get("rows")) {
            if (row.get("group").asString().equals(group)) {
                for (JsonNode cell : row.get("cells")) {
                    if (cell.get("figure").asString().equals(figure)) {
                        return cell;
                    }
                }
            }
        }
        throw new AssertionError("no " + group + " / " + figure + " in " + measure);
    }

    private static double value(JsonNode measure, String group, String figure) {
        return cell(measure, group, figure).get("value").asDouble();
    }
}
