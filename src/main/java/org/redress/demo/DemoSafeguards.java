package org.redress.demo;

import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.*;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.conduct.Restrictions;
import org.redress.equality.EqualityMonitoring;
import org.redress.staffconcerns.StaffConcerns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Demo of the special situations (docs/special-situations.md): a restriction on contact at Alliance Homes with a case
 * of that person, a case naming a member of staff with their manager told, and equality answers and customer profiles.
 * Added once: only when Alliance Homes has no restriction yet.
 */
@Component
@Profile("demo")
@Order(120)
class DemoSafeguards implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSafeguards.class);
    /** England and Wales, Census 2021 (rounded): the demo's customer profile for every organisation. */
    private static final Map<String, Map<String, Double>> CENSUS = Map.of(
            "ethnicity", Map.of("white", 81.7, "asian", 9.3, "black", 4.0, "mixed", 2.9, "other", 2.1),
            "sex", Map.of("female", 51.0, "male", 49.0),
            "disability", Map.of("yes", 17.7, "no", 82.3));

    private final Restrictions restrictions;
    private final StaffConcerns concerns;
    private final EqualityMonitoring equality;
    private final Casework casework;
    private final Clock clock;

    DemoSafeguards(Restrictions restrictions, StaffConcerns concerns, EqualityMonitoring equality, Casework casework, Clock clock) {
        this.restrictions = restrictions;
        this.concerns = concerns;
        this.equality = equality;
        this.casework = casework;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!restrictions.list("alliance-homes").isEmpty()) {
            return;
        }
        LocalDate today = UkTime.dateOf(clock.instant());
        restrictions.record("alliance-homes", new Restrictions.NewRestriction("Vic Vexed", "vic.vexed@example.org", "07700 900456", null,
                "WRITTEN_CONTACT_ONLY", "Letters and emails to the complaints team only", "Repeated abusive phone calls to staff (T-4)",
                "Chief Executive", today.minusMonths(5).toString(), today.plusDays(7).toString()), "ah.cmo");
        logged("alliance-homes", "Vic Vexed", "vic.vexed@example.org", List.of(), "The repair to my gutter was not done again", "ah.caseworker");

        CaseView named = logged("the-trust", "Nora Named", "nora.named@example.org",
                List.of(new NamedPerson("Sam Sister", "staff", "Ward sister")), "The ward sister was dismissive when I asked about my father's care",
                "tt.caseworker");
        StaffConcerns.NewConcern concern = new StaffConcerns.NewConcern("Sam Sister", "tt.director");
        concerns.record("the-trust", named.reference(), concern, "tt.cmo");

        String[] ethnicity = {"white", "white", "white", "white", "white", "white", "white", "asian", "black", "mixed"};
        for (String code : List.of("247-alliance", "alliance-homes", "helping-our-future", "the-trust")) {
            equality.setProfile(code, CENSUS);
        }
        for (int i = 0; i < 40; i++) {
            String token = equality.invite("the-trust", null);
            equality.answer("the-trust", token, new EqualityMonitoring.Answers(Map.of("ethnicity", ethnicity[i % ethnicity.length],
                    "sex", i % 3 == 0 ? "male" : "female", "disability", i % 4 == 0 ? "yes" : "no", "age_band", i % 2 == 0 ? "35-44" : "65-74")));
        }
        log.info("Demo special situations ready: a restriction at Alliance Homes, a complaint about named staff at the Trust, equality answers");
    }

    private CaseView logged(String organisation, String name, String email, List<NamedPerson> namedPeople, String description, String actor) {
        NewCase request = new NewCase("complaint", Channel.EMAIL, clock.instant(),
                new Complainant(name, email, null, null, ContactMethod.EMAIL, null, List.of(), Tenure.UNKNOWN), null, namedPeople,
                new Classification(null, null, null, null), description, "Put it right", null, null, List.of(description), null);
        return casework.create(organisation, request, "demo-safeguards-" + organisation + "-" + name, actor).view();
    }
}
