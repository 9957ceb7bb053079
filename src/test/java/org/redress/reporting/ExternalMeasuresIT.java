package org.redress.reporting;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measures whose facts other modules keep, on the hand-built 2019 data set plus payments, referrals and lessons
 * added here through their own APIs. Every expected figure is worked out in the comments from what is added.
 */
class ExternalMeasuresIT extends ReportingApiSupport {

    @Autowired
    Accounts accounts;

    private static boolean added;

    private String cases() {
        return "/api/v1/organisations/" + ORG + "/cases/";
    }

    /** Proposes a payment as the test administrator; approves it as the director when asked; records it paid when asked. */
    private void payment(String story, String kind, String amount, boolean approve, boolean pay) {
        Api.Response proposed = api().post(cases() + refs.get(story) + "/remedies", """
                {"kind":"PAYMENT","description":"For the time lost","paymentKind":"%s","amount":"%s","method":"BANK_TRANSFER"}"""
                .formatted(kind, amount));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        Api director = Api.as(port, "report.director", "director-pass-2019");
        if (approve) {
            Api.Response approved = director.post(cases() + refs.get(story) + "/remedies/" + id + "/approve", "{\"reason\":\"In line with our guidance\"}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        } else {
            Api.Response refused = director.post(cases() + refs.get(story) + "/remedies/" + id + "/refuse", "{\"reason\":\"Not in line with our guidance\"}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        }
        if (approve && pay) {
            ok(director.post(cases() + refs.get(story) + "/remedies/" + id + "/paid", "{\"on\":\"2019-03-04\"}"));
        }
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String lesson(String kind, String title, String rootCause, String... stories) {
        String caseList = String.join(",", java.util.Arrays.stream(stories).map(s -> "\"" + refs.get(s) + "\"").toList());
        Api.Response created = api().post("/api/v1/organisations/" + ORG + "/lessons", """
                {"kind":"%s","title":"%s","description":"From the complaints","rootCause":"%s","owner":"ah.manager","cases":[%s]}"""
                .formatted(kind, title, rootCause, caseList));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("lesson").get("id").asString();
    }

    @BeforeEach
    void paymentsReferralsAndLessonsWereRecorded() {
        if (added) {
            return;
        }
        accounts.ensure("report.director", "Dee Director", "director-pass-2019", false, Map.of(ORG, Role.DIRECTOR));
        clock.setUk("2019-03-04T10:00");
        payment("A", "GOODWILL", "50", true, true);        // A: Repairs / Missed appointment, goodwill £50 approved and paid
        payment("B", "GOODWILL", "150.50", true, false);   // B: Repairs / Damp, goodwill £150.50 approved, not paid
        payment("A", "COMPENSATION", "200", false, false); // A: compensation £200 refused
        payment("E", "COMPENSATION", "300", true, true);   // E: debt advice, Advice / Delay, £300 approved and paid
        payment("F", "EX_GRATIA", "80", true, false);      // F: debt advice, Advice / Wrong figures, £80 approved, not paid

        clock.setUk("2019-03-05T10:00");
        String reminders = lesson("SERVICE_CHANGE", "Text reminders before repair visits", "COMMUNICATION", "A", "B");
        lesson("LESSON", "Check debt figures twice", "STAFF_KNOWLEDGE_OR_TRAINING", "F");
        String weekends = lesson("SERVICE_CHANGE", "Weekend repair visits", "POLICY_OR_PROCEDURE", "B");
        clock.setUk("2019-05-01T10:00");
        ok(api().post("/api/v1/organisations/" + ORG + "/lessons/" + reminders + "/status",
                "{\"status\":\"DONE\",\"doneOn\":\"2019-05-01\"}"));
        ok(api().post("/api/v1/organisations/" + ORG + "/lessons/" + weekends + "/status",
                "{\"status\":\"NOT_ADOPTED\",\"reason\":\"The contractor cannot staff weekends this year\"}"));
        clock.setUk("2019-07-10T09:00");
        // A (housing) to the Housing Ombudsman: determined, maladministration on its point, an order still open;
        // E (debt advice) to the Financial Ombudsman, not yet determined
        ok(api().post(cases() + refs.get("A") + "/ombudsman/referral", """
                {"ombudsman":"housing-ombudsman","reference":"HOS-2019-1","referredOn":"2019-04-01","determinedOn":"2019-06-01"}"""));
        ok(api().post(cases() + refs.get("A") + "/ombudsman/findings", """
                {"findings":[{"point":1,"finding":"MALADMINISTRATION","notes":"The missed appointment was not put right"}]}"""));
        ok(api().post(cases() + refs.get("A") + "/ombudsman/orders", """
                {"kind":"PAY","description":"Pay £100","amount":100,"dueOn":"2019-07-01"}"""));
        ok(api().post(cases() + refs.get("E") + "/ombudsman/referral", """
                {"ombudsman":"financial-ombudsman","reference":"FOS-2019-9","referredOn":"2019-05-02"}"""));
        added = true;
    }

    @Test
    void compensationIsSetSideBySideByKindAndSubjectWithTheLowestAverageAndHighestApproved() {
        JsonNode m = measure("compensation");
        assertThat(value(m, "Goodwill gesture: Repairs / Missed appointment", "approved")).isEqualTo(50.0);
        assertThat(value(m, "Goodwill gesture: Repairs / Missed appointment", "paid")).isEqualTo(50.0);
        assertThat(value(m, "Goodwill gesture: Repairs / Damp", "approved")).isEqualTo(150.5);
        assertThat(value(m, "Goodwill gesture: Repairs / Damp", "paid")).isEqualTo(0.0);
        // the refused £200 makes a case but no amount
        assertThat(value(m, "Compensation: Repairs / Missed appointment", "cases")).isEqualTo(1);
        assertThat(value(m, "Compensation: Repairs / Missed appointment", "approved")).isEqualTo(0.0);
        assertThat(cell(m, "Compensation: Repairs / Missed appointment", "average").get("text").asString()).isEqualTo("n/a");
        assertThat(value(m, "Compensation: Advice / Delay", "highest")).isEqualTo(300.0);
        assertThat(cell(m, "Compensation: Advice / Delay", "paid").get("text").asString()).isEqualTo("£300.00");
        assertThat(cell(m, "Goodwill gesture: Repairs / Damp", "average").get("text").asString()).isEqualTo("£150.50");
        assertThat(casesBehind(m, "Goodwill gesture: Repairs / Damp", "approved")).containsExactly(refs.get("B"));

        // debt advice alone: E and F
        JsonNode debt = measure("compensation", PERIOD + "&serviceLine=debt-advice");
        assertThat(debt.get("rows")).hasSize(2);
        assertThat(value(debt, "Ex gratia payment: Advice / Wrong figures", "approved")).isEqualTo(80.0);
    }

    @Test
    void dispRedressIsWhatWasPaidAndApprovedOnDebtAdviceComplaints() {
        JsonNode m = measure("disp-redress");
        // E £300 paid; F £80 approved, not paid; A and B are housing
        assertThat(value(m, "All", "cases")).isEqualTo(2);
        assertThat(value(m, "All", "paid")).isEqualTo(300.0);
        assertThat(value(m, "All", "approved-not-paid")).isEqualTo(80.0);
    }

    @Test
    void theOmbudsmanFigureCountsReferralsByOmbudsmanWithDeterminationsFailingsAndOpenOrders() {
        JsonNode m = measure("ombudsman");
        assertThat(value(m, "Housing Ombudsman Service", "referred")).isEqualTo(1);
        assertThat(value(m, "Housing Ombudsman Service", "determined")).isEqualTo(1);
        assertThat(value(m, "Housing Ombudsman Service", "failings")).isEqualTo(1);
        assertThat(value(m, "Housing Ombudsman Service", "orders-open")).isEqualTo(1);
        assertThat(value(m, "Financial Ombudsman Service", "referred")).isEqualTo(1);
        assertThat(value(m, "Financial Ombudsman Service", "determined")).isEqualTo(0);
        assertThat(casesBehind(m, "Housing Ombudsman Service", "referred")).containsExactly(refs.get("A"));
        // a period before the referrals has none
        assertThat(measure("ombudsman", "from=2019-01-01&to=2019-03-31").get("rows")).isEmpty();
    }

    @Test
    void lessonsAreCountedByStatusWithTheChangesIntroducedAndTheReasonsForThoseNotAdopted() {
        JsonNode m = measure("lessons");
        assertThat(value(m, "Done", "service-changes")).isEqualTo(1);
        assertThat(value(m, "Done", "introduced")).isEqualTo(1);
        assertThat(value(m, "Done", "cases")).isEqualTo(2);
        assertThat(value(m, "Proposed", "lessons")).isEqualTo(1);
        assertThat(value(m, "Not adopted", "service-changes")).isEqualTo(1);
        assertThat(value(m, "Agreed", "lessons")).isEqualTo(0);
        assertThat(m.get("notes").toString()).contains("Introduced 2019-05-01: Text reminders before repair visits (root cause: communication)",
                "Not adopted: Weekend repair visits. Why: The contractor cannot staff weekends this year.");
        assertThat(casesBehind(m, "Done", "cases")).containsExactlyInAnyOrder(refs.get("A"), refs.get("B"));
        // Repairs alone: the debt advice lesson (F) drops out
        assertThat(value(measure("lessons", PERIOD + "&serviceArea=Repairs"), "Proposed", "lessons")).isEqualTo(0);
    }
}
