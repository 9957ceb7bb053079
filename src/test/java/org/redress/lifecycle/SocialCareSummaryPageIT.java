package org.redress.lifecycle;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.TestAccounts;
import org.redress.testing.WebSession;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23, F-8, R-4: the social care summary for CQC on its staff page as in the API (Regulation 16(3): the summary is
 * supplied within 28 days of CQC's request). In an organisation of its own running Alliance Homes' pack, on Wed 2 June
 * 2027, with one home care complaint received on 10 May: CQC asked on Sat 1 May (due Sat 29 May, so overdue until the
 * summary is recorded as sent, on 30 May: late) and on Tue 1 June (due Tue 29 June). An administrator records both, one
 * through the API and one on the page; a case worker may read the page and the summary but record neither.
 */
class SocialCareSummaryPageIT extends LifecycleSupport {

    @Test
    void cqcsRequestsAreRecordedAndAnsweredThroughTheApiAndThePageWithTheirDueDatesAndStatus() {
        String org = cases().anOrganisationLike("alliance-homes");
        member(org, "cqc.manager", "service-manager");
        member(org, "cqc.worker", Role.CASE_WORKER);
        itIs("2027-05-10T09:00");
        cases().aComplaint().through("EMAIL").receivedOn(LocalDate.of(2027, 5, 10)).by("Cara Care").onServiceLine("home-care")
                .points("The carer did not come").in(org).assignTo("cqc.manager");
        itIs("2027-06-02T09:00");
        String api = "/api/v1/organisations/" + org + "/reports";

        // through the API: the request of 1 May, due 29 May, not sent by 2 June: overdue
        Api.Response made = api().post(api + "/cqc-requests", "{\"requestedOn\":\"2027-05-01\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String may = made.json().get("id").asString();
        assertThat(made.json().get("dueOn").asString()).isEqualTo("2027-05-29");
        assertThat(made.json().get("status").asString()).isEqualTo("OVERDUE");
        assertThat(made.json().has("sentOn")).as("not sent yet").isFalse();

        // recording it as answered: a bad date, a day before CQC asked, an unknown request, then the day it was sent
        Api.Response badDate = api().post(api + "/cqc-requests/" + may + "/answered", "{\"sentOn\":\"30/05/2027\"}");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("sentOn");
        assertThat(badDate.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a date such as 2027-05-10");
        Api.Response before = api().post(api + "/cqc-requests/" + may + "/answered", "{\"sentOn\":\"2027-04-30\"}");
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.json().get("errors").get(0).get("message").asString()).isEqualTo("cannot be before CQC asked, on 2027-05-01");
        Api.Response missing = api().post(api + "/cqc-requests/" + may + "/answered", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("sentOn");
        Api.Response future = api().post(api + "/cqc-requests/" + may + "/answered", "{\"sentOn\":\"2027-06-03\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("message").asString()).isEqualTo("cannot be in the future");
        assertThat(api().post(api + "/cqc-requests/999999999/answered", "{\"sentOn\":\"2027-05-30\"}").status()).isEqualTo(404);
        assertThat(api().post(api + "/cqc-requests/not-a-number/answered", "{\"sentOn\":\"2027-05-30\"}").status()).isEqualTo(404);
        Api.Response sent = api().post(api + "/cqc-requests/" + may + "/answered", "{\"sentOn\":\"2027-05-30\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().get("sentOn").asString()).isEqualTo("2027-05-30");
        assertThat(sent.json().get("sentRecordedBy").asString()).isEqualTo(TestAccounts.ADMIN);
        assertThat(sent.json().get("status").asString()).as("sent the day after it was due").isEqualTo("SENT_LATE");

        // a case worker may read the summary but record neither a request nor its answer (administrators do, as the matrix says)
        Api worker = as("cqc.worker");
        assertThat(worker.get(api + "/social-care-summary").status()).isEqualTo(200);
        assertThat(worker.post(api + "/cqc-requests", "{\"requestedOn\":\"2027-06-01\"}").status()).isEqualTo(403);
        assertThat(worker.post(api + "/cqc-requests/" + may + "/answered", "{\"sentOn\":\"2027-05-31\"}").status()).isEqualTo(403);

        // the page: linked from the regulatory returns, the figures of May, and the request with its dates and status
        WebSession admin = new WebSession(port);
        admin.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertThat(admin.get("/staff/" + org + "/reports/returns").body()).contains("href=\"/staff/" + org + "/reports/social-care\"")
                .contains("Social care summary for CQC, with CQC's requests and when each is due");
        String page = "/staff/" + org + "/reports/social-care";
        WebSession.Page shown = admin.get(page + "?from-day=1&from-month=5&from-year=2027&to-day=31&to-month=5&to-year=2027");
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("<h1 class=\"govuk-heading-l\">Social care summary for CQC</h1>")
                .contains("From Sat 1 May 2027 to Mon 31 May 2027")
                .contains("Complaints received: Home care")
                .contains("Sat 1 May 2027").contains("Sat 29 May 2027").contains("Sun 30 May 2027").contains(">Sent late</strong>")
                .contains("<legend class=\"govuk-fieldset__legend\">Date CQC asked for the summary</legend>")
                .contains("name=\"requestedOn-day\"").contains("for=\"note\"");
        assertThat(shown.body()).as("a request answered needs no form to answer it").doesNotContain("name=\"sentOn-" + may + "-day\"");
        WebSession.Page badPeriod = admin.get(page + "?from-day=31&from-month=2&from-year=2027");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("There is a problem").contains("href=\"#from\"");

        // recording a request on the page: a day that does not exist names the field in the error summary, keeping the note
        WebSession.Page refused = admin.post(page + "/requests", Map.of("requestedOn-day", "31", "requestedOn-month", "6",
                "requestedOn-year", "2027", "periodFrom-day", "", "periodFrom-month", "", "periodFrom-year", "",
                "periodTo-day", "", "periodTo-month", "", "periodTo-year", "", "note", "Inspection in July"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("There is a problem").contains("href=\"#requestedOn\"").contains(">Inspection in July</textarea>");
        WebSession.Page badPeriodEnd = admin.post(page + "/requests", Map.of("requestedOn-day", "1", "requestedOn-month", "6",
                "requestedOn-year", "2027", "periodTo-day", "", "periodTo-month", "13", "periodTo-year", "2027", "note", ""));
        assertThat(badPeriodEnd.status()).isEqualTo(400);
        assertThat(badPeriodEnd.body()).as("the API's 'to' is the page's period-to").contains("href=\"#periodTo\"");
        WebSession.Page recorded = admin.post(page + "/requests", Map.of("requestedOn-day", "1", "requestedOn-month", "6",
                "requestedOn-year", "2027", "periodFrom-day", "1", "periodFrom-month", "4", "periodFrom-year", "2027",
                "periodTo-day", "31", "periodTo-month", "5", "periodTo-year", "2027", "note", "Inspection in July"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(302);
        assertThat(recorded.location()).endsWith("/staff/" + org + "/reports/social-care?saved=request#requests");
        JsonNode june = ok(api().get(api + "/social-care-summary")).get("requests").get(0);
        String juneId = june.get("id").asString();
        assertThat(june.get("requestedOn").asString()).isEqualTo("2027-06-01");
        assertThat(june.get("dueOn").asString()).isEqualTo("2027-06-29");
        assertThat(june.get("from").asString()).isEqualTo("2027-04-01");
        assertThat(june.get("to").asString()).isEqualTo("2027-05-31");
        assertThat(june.get("note").asString()).isEqualTo("Inspection in July");
        assertThat(june.get("status").asString()).isEqualTo("WAITING");
        WebSession.Page after = admin.get(page + "?saved=request");
        assertThat(after.body()).contains("CQC&#39;s request is recorded").contains("Tue 29 Jun 2027").contains(">Waiting</strong>")
                .contains("Record the summary as sent for the request of Tue 1 Jun 2027").contains("name=\"sentOn-" + juneId + "-day\"");

        // marking it answered on the page: a bad date links to that request's own date boxes; then sent in time
        String answered = page + "/requests/" + juneId + "/answered";
        WebSession.Page notADay = admin.post(answered, Map.of("sentOn-" + juneId + "-day", "2", "sentOn-" + juneId + "-month", "",
                "sentOn-" + juneId + "-year", "2027"));
        assertThat(notADay.status()).isEqualTo(400);
        assertThat(notADay.body()).contains("href=\"#sentOn-" + juneId + "\"").contains("must include a month");
        WebSession.Page answer = admin.post(answered, Map.of("sentOn-" + juneId + "-day", "2", "sentOn-" + juneId + "-month", "6",
                "sentOn-" + juneId + "-year", "2027"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        JsonNode answeredJune = ok(api().get(api + "/social-care-summary")).get("requests").get(0);
        assertThat(answeredJune.get("sentOn").asString()).isEqualTo("2027-06-02");
        assertThat(answeredJune.get("status").asString()).isEqualTo("SENT_IN_TIME");
        assertThat(admin.get(page + "?saved=sent").body()).contains("The summary is recorded as sent").contains(">Sent in time</strong>");

        // the case worker reads the page without the forms, and a form posted anyway is refused
        WebSession caseWorker = new WebSession(port);
        caseWorker.signIn("cqc.worker", MEMBER_PASSWORD);
        WebSession.Page read = caseWorker.get(page);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("Social care summary for CQC").doesNotContain("Record a request from CQC");
        assertThat(caseWorker.post(page + "/requests", Map.of("requestedOn-day", "1", "requestedOn-month", "6",
                "requestedOn-year", "2027")).status()).isEqualTo(403);
        assertThat(caseWorker.post(page + "/requests/" + may + "/answered", Map.of("sentOn-" + may + "-day", "1",
                "sentOn-" + may + "-month", "6", "sentOn-" + may + "-year", "2027")).status()).isEqualTo(403);
        assertThat(ok(api().get(api + "/social-care-summary")).get("requests").size()).as("nothing recorded by the case worker").isEqualTo(2);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
