package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Ombudsman's vocabulary (issue 20, F-9, F-15): one determination on a complaint with two points, recorded through the
 * ombudsman API in September 2020 (a month no other test uses), and the reports that count it per finding and per
 * category, orders by kind, recommendations made and followed, and the payment ordered by the category of the point it
 * pays for; the per-case ombudsman figures stay as they were. Every expected figure follows from what is recorded here.
 */
class OmbudsmanVocabularyIT extends ReportingApiSupport {

    private static final String SEPTEMBER_2020 = "from=2020-09-01&to=2020-09-30";

    @Autowired
    JdbcClient jdbc;

    private JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aDeterminationIsCountedPerPointAndCategoryWithOrdersByKindRecommendationsAndThePaymentForItsPoint() {
        clock.setUk("2020-09-01T09:00");
        JsonNode c = new Cases(api()).aComplaint().by("Vic Resident").withEmail("vic." + System.nanoTime() + "@example.org")
                .preferringContactBy("EMAIL").onServiceLine("housing").inArea("Repairs").about("Repairs")
                .wanting("A working boiler").points("Boiler left broken for six weeks", "Complaint not answered").in(ORG).json();
        String path = "/api/v1/organisations/" + ORG + "/cases/" + c.get("id").asString() + "/ombudsman";
        String reference = c.get("reference").asString();

        clock.setUk("2020-09-22T09:00");
        ok(api().post(path + "/referral",
                "{\"ombudsman\":\"housing-ombudsman\",\"reference\":\"HOS-2020-31\",\"referredOn\":\"2020-09-07\",\"determinedOn\":\"2020-09-21\"}"));
        JsonNode found = ok(api().post(path + "/findings", """
                {"findings":[{"point":1,"finding":"MALADMINISTRATION","category":"Repairs","notes":"Six weeks without heating"},
                             {"point":2,"finding":"SERVICE_FAILURE","category":"Complaint handling","notes":"No stage 1 response"}]}"""));
        assertThat(found.get("findings").get(0).get("category").asString()).isEqualTo("Repairs");
        assertThat(found.get("findings").get(1).get("category").asString()).isEqualTo("Complaint handling");

        ok(api().post(path + "/orders", """
                {"kind":"COMPLAINT_HANDLING_FAILURE","description":"Respond at stage 1 within 5 working days","dueOn":"2020-09-29"}"""));
        ok(api().post(path + "/orders", """
                {"kind":"STAFF_TRAINING","description":"Train the repairs team on the complaints policy","dueOn":"2020-11-20"}"""));
        JsonNode paid = ok(api().post(path + "/orders", """
                {"kind":"PAY","description":"Pay £250 for the time without heating","amount":250.00,"dueOn":"2020-10-20","point":1}"""));
        JsonNode payment = null;
        for (JsonNode o : paid.get("orders")) {
            payment = o.get("kind").asString().equals("PAY") ? o : payment;
        }
        assertThat(payment.get("kind").asString()).isEqualTo("PAY");
        assertThat(payment.get("point").asInt()).isEqualTo(1);
        assertThat(payment.get("finding").asString()).isEqualTo("MALADMINISTRATION");
        assertThat(payment.get("category").asString()).isEqualTo("Repairs");
        assertThat(paid.get("orders").get(0).get("kindInWords").asString()).isEqualTo("Complaint Handling Failure Order");

        JsonNode recommended = ok(api().post(path + "/recommendations", """
                {"kind":"REVIEW_RECORD_KEEPING","text":"Review how repair appointments are recorded"}"""));
        JsonNode recommendation = recommended.get("recommendations").get(0);
        assertThat(recommendation.get("kindInWords").asString()).isEqualTo("Review record keeping");
        assertThat(recommendation.has("followed")).as("not decided yet").isFalse();
        assertThat(recommended.get("orders").size()).as("a recommendation is not an order").isEqualTo(3);

        // bad input names the field and changes nothing
        Api.Response unknownKind = api().post(path + "/orders", "{\"kind\":\"SEND_FLOWERS\",\"description\":\"x\",\"dueOn\":\"2020-10-01\"}");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("\"field\":\"kind\"").contains("COMPLAINT_HANDLING_FAILURE");
        Api.Response unknownRecommendation = api().post(path + "/recommendations", "{\"kind\":\"SEND_FLOWERS\",\"text\":\"x\"}");
        assertThat(unknownRecommendation.status()).isEqualTo(400);
        assertThat(unknownRecommendation.body()).contains("\"field\":\"kind\"");
        Api.Response noSuchPoint = api().post(path + "/orders", "{\"kind\":\"PAY\",\"description\":\"x\",\"amount\":10,\"dueOn\":\"2020-10-01\",\"point\":3}");
        assertThat(noSuchPoint.status()).isEqualTo(422);
        assertThat(noSuchPoint.body()).contains("\"field\":\"point\"").contains("no point 3");
        assertThat(ok(api().get(path)).get("referral").get("orders").size()).isEqualTo(3);

        // per finding and per category
        JsonNode findings = measure("ombudsman-findings", SEPTEMBER_2020);
        assertThat(value(findings, "Repairs", "maladministration")).isEqualTo(1);
        assertThat(value(findings, "Repairs", "service-failure")).isEqualTo(0);
        assertThat(value(findings, "Complaint handling", "service-failure")).isEqualTo(1);
        assertThat(value(findings, "Complaint handling", "maladministration")).isEqualTo(0);
        assertThat(value(findings, "All categories", "maladministration")).isEqualTo(1);
        assertThat(value(findings, "All categories", "service-failure")).isEqualTo(1);
        assertThat(value(findings, "All categories", "severe-maladministration")).isEqualTo(0);
        assertThat(value(findings, "All categories", "reasonable-redress")).isEqualTo(0);
        assertThat(value(findings, "All categories", "no-maladministration")).isEqualTo(0);
        assertThat(groups(findings)).containsExactly("All categories", "Complaint handling", "Repairs");
        assertThat(casesBehind(findings, "Repairs", "maladministration")).containsExactly(reference);

        // orders by kind, recommendations made and followed
        JsonNode orders = measure("ombudsman-orders", SEPTEMBER_2020);
        assertThat(value(orders, "Complaint Handling Failure Order", "orders")).isEqualTo(1);
        assertThat(value(orders, "Train staff", "orders")).isEqualTo(1);
        assertThat(value(orders, "Pay compensation", "orders")).isEqualTo(1);
        assertThat(value(orders, "Apologise", "orders")).isEqualTo(0);
        assertThat(value(orders, "All kinds", "orders")).isEqualTo(3);
        assertThat(value(orders, "All kinds", "complied")).isEqualTo(0);
        assertThat(value(orders, "All kinds", "recommendations")).isEqualTo(1);
        assertThat(value(orders, "All kinds", "followed")).isEqualTo(0);
        assertThat(value(orders, "Review record keeping", "recommendations")).isEqualTo(1);
        assertThat(value(orders, "Review record keeping", "orders")).isEqualTo(0);
        assertThat(orders.get("rows").size()).as("the total and the Ombudsman's whole list of kinds").isEqualTo(14);

        // the payment, by the category of the point it pays for
        JsonNode payments = measure("ombudsman-payments", SEPTEMBER_2020);
        assertThat(value(payments, "Repairs", "orders")).isEqualTo(1);
        assertThat(value(payments, "Repairs", "ordered")).isEqualTo(250.0);
        assertThat(cell(payments, "Repairs", "ordered").get("text").asString()).isEqualTo("£250.00");
        assertThat(value(payments, "Repairs", "paid")).isEqualTo(0.0);
        assertThat(value(payments, "All payment orders", "ordered")).isEqualTo(250.0);
        assertThat(groups(payments)).containsExactly("All payment orders", "Repairs");

        // the regulatory returns' export carries them beside the per-case figures
        String returns = api().get("/api/v1/organisations/" + ORG + "/reports/returns/export.csv?" + SEPTEMBER_2020).body();
        assertThat(returns).contains(",ombudsman-findings,Ombudsman findings by category,Repairs,maladministration,Maladministration,1,1,")
                .contains(",ombudsman-orders,Ombudsman orders and recommendations by kind,Complaint Handling Failure Order,orders,Orders,1,1,")
                .contains(",ombudsman,Complaints dealt with by the ombudsman,Housing Ombudsman Service,referred,Referred,1,1,");

        // today's per-case figures keep their meaning: one complaint, determined, with a failing, with orders open
        JsonNode perCase = measure("ombudsman", SEPTEMBER_2020);
        assertThat(groups(perCase)).containsExactly("Housing Ombudsman Service");
        assertThat(value(perCase, "Housing Ombudsman Service", "referred")).isEqualTo(1);
        assertThat(value(perCase, "Housing Ombudsman Service", "determined")).isEqualTo(1);
        assertThat(value(perCase, "Housing Ombudsman Service", "failings")).isEqualTo(1);
        assertThat(value(perCase, "Housing Ombudsman Service", "orders-open")).isEqualTo(1);

        // the recommendation is followed; the payment made
        clock.setUk("2020-10-12T09:00");
        String recommendationId = recommendation.get("id").asString();
        Api.Response undecided = api().post(path + "/recommendations/" + recommendationId + "/decision", "{\"note\":\"x\"}");
        assertThat(undecided.status()).isEqualTo(400);
        assertThat(undecided.body()).contains("\"field\":\"followed\"");
        JsonNode decided = ok(api().post(path + "/recommendations/" + recommendationId + "/decision",
                "{\"followed\":true,\"note\":\"Appointments now recorded in the repairs system\"}"));
        assertThat(decided.get("recommendations").get(0).get("followed").asBoolean()).isTrue();
        assertThat(decided.get("recommendations").get(0).get("decidedOn").asString()).isEqualTo("2020-10-12");
        ok(api().post(path + "/orders/" + payment.get("id").asString() + "/complied",
                "{\"compliedOn\":\"2020-10-12\",\"evidence\":\"BACS 4471\"}"));
        orders = measure("ombudsman-orders", SEPTEMBER_2020);
        assertThat(value(orders, "All kinds", "followed")).isEqualTo(1);
        assertThat(value(orders, "All kinds", "not-followed")).isEqualTo(0);
        assertThat(value(orders, "Pay compensation", "complied")).isEqualTo(1);
        assertThat(value(measure("ombudsman-payments", SEPTEMBER_2020), "Repairs", "paid")).isEqualTo(250.0);

        // an order stored before the full list (kind OTHER, no point) still reads, and counts under Other
        UUID referral = UUID.fromString(ok(api().get(path)).get("referral").get("id").asString());
        jdbc.sql("""
                insert into ombudsman.remedy_order (id, referral_id, kind, description, amount, due_on, recorded_at, recorded_by)
                values (?, ?, 'OTHER', 'Arrange a survey', null, ?, ?, 'before')""")
                .params(UUID.randomUUID(), referral, LocalDate.parse("2020-12-01"), Timestamp.from(Instant.parse("2020-09-22T09:00:00Z"))).update();
        JsonNode old = ok(api().get(path)).get("referral").get("orders").get(3);
        assertThat(old.get("kind").asString()).isEqualTo("OTHER");
        assertThat(old.get("kindInWords").asString()).isEqualTo("Other");
        assertThat(old.has("point")).isFalse();
        assertThat(value(measure("ombudsman-orders", SEPTEMBER_2020), "Other", "orders")).isEqualTo(1);
    }

    private static List<String> groups(JsonNode measure) {
        List<String> groups = new java.util.ArrayList<>();
        measure.get("rows").forEach(r -> groups.add(r.get("group").asString()));
        return groups;
    }
}
