package org.redress.ombudsman;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ombudsman and hazards pages without a browser: forms record, bad input names its field, other organisations see nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class OmbudsmanPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MutableClock clock;

    @Test
    void aManagerRecordsTheReferralAnOrderAndItsComplianceOnTheOmbudsmanPageF8F9() {
        clock.setUk("2026-11-23T09:00");
        accounts.ensure("pages.manager", "Pat Manager", "pages-manager-pass", false, Map.of("alliance-homes", Role.COMPLAINT_MANAGEMENT_OFFICER));
        JsonNode c = new Cases(new Api(port)).aComplaint().by("Ola Page").withEmail("ola@example.org").onServiceLine("housing")
                .saying("Repairs late").points("Repair late").in("alliance-homes").json();
        String base = "/staff/alliance-homes/cases/" + c.get("reference").asString();
        WebSession web = new WebSession(port);
        web.signIn("pages.manager", "pages-manager-pass");

        WebSession.Page page = web.get(base + "/ombudsman");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Housing Ombudsman Service").contains("0300 111 3000").contains("Not referred to an ombudsman");

        WebSession.Page wrong = web.post(base + "/ombudsman/referral", Map.of("ombudsman", "financial-ombudsman", "reference", "F-1", "referredOn", "2026-11-20"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("F-8").contains("href=\"#ombudsman\"");
        WebSession.Page bad = web.post(base + "/ombudsman/referral", Map.of("ombudsman", "housing-ombudsman", "referredOn", "2026-02-30"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#referredOn\"");

        assertThat(web.post(base + "/ombudsman/referral", Map.of("ombudsman", "housing-ombudsman", "reference", "HOS-55", "referredOn", "2026-11-20")).status()).isEqualTo(302);
        assertThat(web.post(base + "/ombudsman/findings", Map.of("point", "1", "finding", "SERVICE_FAILURE", "notes", "Late twice")).status()).isEqualTo(302);
        assertThat(web.post(base + "/ombudsman/orders", Map.of("kind", "PAY", "description", "Pay compensation", "amount", "£150", "dueOn", "2026-11-25")).status()).isEqualTo(302);
        clock.setUk("2026-11-26T09:00");
        page = web.get(base + "/ombudsman");
        assertThat(page.body()).contains("HOS-55").contains("Service failure").contains("Overdue: was due by Wed 25 Nov 2026").contains("information-pack.pdf");
        assertThat(web.get(base).body()).contains("Referred to the Housing Ombudsman Service on 20 Nov 2026; 1 of 1 order open (1 overdue)");

        String orderId = page.body().replaceAll("(?s).*ombudsman/orders/([0-9a-f-]{36})/complied.*", "$1");
        WebSession.Page noEvidence = web.post(base + "/ombudsman/orders/" + orderId + "/complied", Map.of("compliedOn", "2026-11-26"));
        assertThat(noEvidence.body()).contains("href=\"#complied-" + orderId + "-evidence\"");
        assertThat(web.post(base + "/ombudsman/orders/" + orderId + "/complied", Map.of("compliedOn", "2026-11-26", "evidence", "Paid by BACS")).status()).isEqualTo(302);
        assertThat(web.get(base + "/ombudsman").body()).contains("Complied with on Thu 26 Nov 2026, late");
        assertThat(web.get(base + "/ombudsman/information-pack.pdf").status()).isEqualTo(200);
    }

    @Test
    void aManagerRecordsACategorisedFindingAPaymentForItsPointACHFOAndARecommendationFollowedOnTheOmbudsmanPage() {
        clock.setUk("2026-11-23T09:00");
        accounts.ensure("pages.manager", "Pat Manager", "pages-manager-pass", false, Map.of("alliance-homes", Role.COMPLAINT_MANAGEMENT_OFFICER));
        JsonNode c = new Cases(new Api(port)).aComplaint().by("Uma Page").withEmail("uma@example.org").onServiceLine("housing")
                .saying("Boiler broken").points("Boiler left broken").in("alliance-homes").json();
        String base = "/staff/alliance-homes/cases/" + c.get("reference").asString();
        WebSession web = new WebSession(port);
        web.signIn("pages.manager", "pages-manager-pass");
        assertThat(web.get(base + "/ombudsman").status()).isEqualTo(200); // the form's token
        assertThat(web.post(base + "/ombudsman/referral", Map.of("ombudsman", "housing-ombudsman", "reference", "HOS-56", "referredOn", "2026-11-20")).status()).isEqualTo(302);
        assertThat(web.post(base + "/ombudsman/findings", Map.of("point", "1", "finding", "MALADMINISTRATION", "notes", "Six weeks", "category", "Repairs")).status()).isEqualTo(302);
        WebSession.Page page = web.get(base + "/ombudsman");
        assertThat(page.body()).contains("Complaint Handling Failure Order").contains("Train staff").contains("Review record keeping")
                .contains("value=\"Repairs\"").contains("<label class=\"govuk-label\" for=\"point\">");

        assertThat(web.post(base + "/ombudsman/orders", Map.of("kind", "PAY", "description", "Pay for the weeks without heating", "amount", "250",
                "dueOn", "2026-12-18", "point", "1")).status()).isEqualTo(302);
        assertThat(web.post(base + "/ombudsman/orders", Map.of("kind", "COMPLAINT_HANDLING_FAILURE", "description", "Respond at stage 1",
                "dueOn", "2026-12-01")).status()).isEqualTo(302);
        WebSession.Page noKind = web.post(base + "/ombudsman/recommendations", Map.of("kind", "flowers", "text", "Send flowers"));
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.body()).contains("href=\"#recommendation-kind\"");
        assertThat(web.post(base + "/ombudsman/recommendations", Map.of("kind", "STAFF_TRAINING", "text", "Train the repairs team")).status()).isEqualTo(302);
        page = web.get(base + "/ombudsman");
        assertThat(page.body()).contains("(for point 1: Maladministration, Repairs)").contains("Train the repairs team").contains("Not decided yet");

        String id = page.body().replaceAll("(?s).*ombudsman/recommendations/([0-9a-f-]{36})/decision.*", "$1");
        WebSession.Page undecided = web.post(base + "/ombudsman/recommendations/" + id + "/decision", Map.of("note", "x"));
        assertThat(undecided.status()).isEqualTo(400);
        assertThat(undecided.body()).contains("href=\"#decision-" + id + "-followed\"").contains("Choose whether it was followed");
        assertThat(web.post(base + "/ombudsman/recommendations/" + id + "/decision", Map.of("followed", "no", "note", "Training already booked")).status())
                .isEqualTo(302);
        assertThat(web.get(base + "/ombudsman").body()).contains("Not followed on Mon 23 Nov 2026: Training already booked");
    }

    @Test
    void anotherOrganisationsStaffGetNotFoundOnBothPages() {
        clock.setUk("2026-11-23T09:00");
        accounts.ensure("pages.trust", "Tam Trust", "pages-trust-pass", false, Map.of("the-trust", Role.COMPLAINT_MANAGEMENT_OFFICER));
        JsonNode c = new Cases(new Api(port)).aComplaint().by("Ivy Damp").withEmail("ivy@example.org").onServiceLine("housing")
                .saying("Damp in the hall").points().in("alliance-homes").json();
        String base = "/staff/alliance-homes/cases/" + c.get("reference").asString();
        WebSession web = new WebSession(port);
        web.signIn("pages.trust", "pages-trust-pass");
        assertThat(web.get(base + "/ombudsman").status()).isEqualTo(404);
        assertThat(web.get(base + "/hazards").status()).isEqualTo(404);
        assertThat(web.get(base + "/ombudsman/information-pack.zip").status()).isEqualTo(404);
        WebSession mine = new WebSession(port);
        mine.signIn(org.redress.testing.TestAccounts.ADMIN, org.redress.testing.TestAccounts.ADMIN_PASSWORD);
        assertThat(mine.get("/staff/alliance-homes/cases/AH-1999-999999/hazards").status()).isEqualTo(404);
        assertThat(mine.get(base + "/hazards").body()).contains("Damp and mould").contains("Investigate");
    }
}
