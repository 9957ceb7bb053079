package org.redress.demo;

import org.redress.calendar.Calendars;
import org.redress.calendar.ClosureDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Seeds the demo organisations; every write is idempotent, so restarting does not duplicate anything. */
@Component
@Profile("demo")
@Order(100)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Calendars calendars;

    DemoData(Calendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Alliance Homes closes its offices between Christmas and New Year (an organisation closure, not a bank holiday).
        for (LocalDate day = LocalDate.of(2026, 12, 29); !day.isAfter(LocalDate.of(2026, 12, 31)); day = day.plusDays(1)) {
            calendars.addClosureDay(new ClosureDay("alliance-homes", day, "office closed between Christmas and New Year"));
        }
        calendars.addClosureDay(new ClosureDay("the-trust", LocalDate.of(2026, 12, 24), "staff training day"));
        log.info("Demo data loaded for 247-alliance, alliance-homes, helping-our-future and the-trust");
    }
}
