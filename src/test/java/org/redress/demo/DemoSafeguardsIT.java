package org.redress.demo;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.casework.Casework;
import org.redress.conduct.Restrictions;
import org.redress.equality.EqualityMonitoring;
import org.redress.staffconcerns.StaffConcerns;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's special situations (F-10, F-12, H-3) are made through the modules' own services, once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class DemoSafeguardsIT {

    @Autowired Restrictions restrictions;
    @Autowired StaffConcerns concerns;
    @Autowired EqualityMonitoring equality;
    @Autowired Casework casework;
    @Autowired Accounts accounts;
    @Autowired MutableClock clock;

    @Test
    void theDemoRecordsARestrictionANamedStaffConcernAndEqualityAnswersOnlyOnce() {
        clock.setUk("2026-11-23T10:00");
        accounts.ensure("tt.cmo", "Trust CMO", "demo-test-pass", false, Map.of("the-trust", Role.COMPLAINT_MANAGEMENT_OFFICER));
        accounts.ensure("tt.director", "Trust director", "demo-test-pass", false, Map.of("the-trust", Role.DIRECTOR));
        int before = restrictions.list("alliance-homes").size();
        DemoSafeguards demo = new DemoSafeguards(restrictions, concerns, equality, casework, clock);
        demo.run(null);
        demo.run(null);
        // another test may have recorded a restriction at Alliance Homes first, and then the demo adds nothing
        if (before == 0) {
            assertThat(restrictions.list("alliance-homes")).hasSize(1);
            assertThat(restrictions.applyingTo("alliance-homes", "Vic Vexed", "VIC.VEXED@example.org", null, null)).isNotEmpty();
            assertThat(equality.summary(casework.scope("the-trust"), null, null).responses()).isNotEqualTo("fewer than 5");
        }
    }
}
