package org.redress.demo;

import org.junit.jupiter.api.Test;
import org.redress.casework.Casework;
import org.redress.hazards.Hazards;
import org.redress.ombudsman.OmbudsmanReferrals;
import org.redress.ombudsman.ReferralView;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's ombudsman and hazard cases are made through the modules' own facades, once, for both housing organisations. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class DemoOmbudsmanAndHazardsIT {

    @Autowired
    Casework casework;

    @Autowired
    Hazards hazards;

    @Autowired
    OmbudsmanReferrals referrals;

    @Autowired
    MutableClock clock;

    @Test
    void theDemoAddsAHazardAndAReferralWithAnOverdueOrderToEachHousingOrganisationOnce() {
        clock.setUk("2026-11-23T09:00");
        DemoOmbudsmanAndHazards demo = new DemoOmbudsmanAndHazards(casework, hazards, referrals, clock);
        demo.run(null);
        demo.run(null);
        for (String organisation : new String[]{"alliance-homes", "the-trust"}) {
            // other tests refer cases of these organisations too: the demo's are recorded by "demo"
            java.util.List<ReferralView> demos = referrals.openOrdersFirst(casework.scope(organisation)).stream()
                    .filter(r -> r.recordedBy().equals("demo")).toList();
            assertThat(demos).as(organisation).hasSize(1);
            ReferralView referral = demos.get(0);
            assertThat(referral.findings()).hasSize(2);
            assertThat(referral.overdueOrders()).isEqualTo(1);
            assertThat(hazards.openByNextDue(casework.scope(organisation))).as(organisation)
                    .anySatisfy(h -> assertThat(h.attempts()).hasSize(1));
        }
    }
}
