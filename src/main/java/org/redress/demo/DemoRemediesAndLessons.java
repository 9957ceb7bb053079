package org.redress.demo;

import org.redress.calendar.UkTime;
import org.redress.casework.CaseQuery;
import org.redress.casework.CaseSummary;
import org.redress.casework.Casework;
import org.redress.learning.Learning;
import org.redress.remedies.Remedies;
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
import java.util.Optional;

/**
 * Demo remedies and a lesson at Alliance Homes, on the hand-made cases: a goodwill gesture awaiting the feedback
 * manager's approval, an overdue action and an apology on the closed case, and a service change from two cases.
 * Only on the first start (when the organisation has no remedies yet).
 */
@Component
@Profile("demo")
@Order(120)
class DemoRemediesAndLessons implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRemediesAndLessons.class);
    private static final String ORG = "alliance-homes";

    private final Remedies remedies;
    private final Learning learning;
    private final Casework casework;
    private final Clock clock;

    DemoRemediesAndLessons(Remedies remedies, Learning learning, Casework casework, Clock clock) {
        this.remedies = remedies;
        this.learning = learning;
        this.casework = casework;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!remedies.list(casework.scope(ORG), null, null, null).isEmpty()) {
            return;
        }
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), UkTime.ZONE);
            Optional<String> wrongCharge = find("Jamal Hussein");
            Optional<String> rubble = find("Ellen Marsh");
            Optional<String> missed = find("Grace Okafor");
            wrongCharge.ifPresent(ref -> remedies.add(ORG, ref, new Remedies.NewRemedy("PAYMENT",
                    "Time spent sorting out the wrong rent charge", null, null, "GOODWILL", "50", "RENT_ACCOUNT_CREDIT"), "ah.caseworker"));
            rubble.ifPresent(ref -> {
                remedies.add(ORG, ref, new Remedies.NewRemedy("APOLOGY", "The repairs manager apologised by phone for the rubble",
                        null, null, null, null, null), "ah.caseworker");
                remedies.add(ORG, ref, new Remedies.NewRemedy("ACTION", "Check with the resident that the garden was left clean",
                        "ah.caseworker", today.minusDays(3).toString(), null, null, null), "ah.caseworker");
            });
            if (rubble.isPresent() && missed.isPresent()) {
                learning.create(ORG, new Learning.NewLesson("SERVICE_CHANGE", "Contractors photograph the site before leaving",
                        "Every repair job now ends with photos of the work area, checked by the repairs team", "CONTRACTOR_OR_PARTNER",
                        "ah.feedback", List.of(rubble.get(), missed.get()), false), "ah.feedback");
            }
            log.info("Demo remedies and a service change added at {}", ORG);
        } catch (RuntimeException e) {
            log.warn("Demo remedies not added: {}", e.getMessage());
        }
    }

    private Optional<String> find(String name) {
        return casework.list(casework.scope(ORG), new CaseQuery(null, null, null, null, null, null, null, name, "received", 1, null)).items().stream()
                .findFirst().map(CaseSummary::reference);
    }
}
