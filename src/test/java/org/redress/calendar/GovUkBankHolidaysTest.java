package org.redress.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * every bank holiday in GOV.UK's feed for 2019 to 2027 is a non-working day in our calendar, with the
 * same substitute marking, and we have no bank holiday GOV.UK does not list.
 */
class GovUkBankHolidaysTest {

    private static final JsonNode FEED = readFeed();
    private final UkBankHolidays holidays = new UkBankHolidays();

    record Day(LocalDate date, boolean substitute) implements Comparable<Day> {
        public int compareTo(Day o) {
            return date.compareTo(o.date);
        }
    }

    @ParameterizedTest
    @EnumSource(Jurisdiction.class)
    void everyBankHolidayOnGovUkFrom2019To2027IsObservedOnTheSameDay(Jurisdiction jurisdiction) {
        Set<Day> govUk = new TreeSet<>();
        for (JsonNode event : FEED.get(jurisdiction.slug()).get("events")) {
            govUk.add(new Day(LocalDate.parse(event.get("date").asString()),
                    "Substitute day".equals(event.get("notes").asString())));
        }
        Set<Day> ours = new TreeSet<>();
        for (int year = 2019; year <= 2027; year++) {
            holidays.observed(jurisdiction, year).forEach(h -> ours.add(new Day(h.date(), h.substitute())));
        }
        assertThat(ours).containsExactlyElementsOf(govUk);
    }

    @ParameterizedTest
    @EnumSource(Jurisdiction.class)
    void theWorkingDayCalendarSkipsEveryGovUkBankHolidayWithItsTitle(Jurisdiction jurisdiction) {
        WorkingDayCalendar calendar = CalendarFixtures.calendar(jurisdiction);
        List<String> mismatches = new ArrayList<>();
        for (JsonNode event : FEED.get(jurisdiction.slug()).get("events")) {
            LocalDate date = LocalDate.parse(event.get("date").asString());
            String reason = calendar.reasonNotWorking(date).orElse("a working day");
            String title = event.get("title").asString();
            if (calendar.isWorkingDay(date) || !reason.startsWith(title.replace(" (VE day)", ""))) {
                mismatches.add(date + ": GOV.UK says '" + title + "', we say '" + reason + "'");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theRulesDifferFromGovUkOnlyWhereAShippedAdjustmentSaysSo() {
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            Set<LocalDate> govUk = new TreeSet<>();
            FEED.get(jurisdiction.slug()).get("events").forEach(e -> govUk.add(LocalDate.parse(e.get("date").asString())));
            Set<LocalDate> byRule = new TreeSet<>();
            for (int year = 2019; year <= 2027; year++) {
                holidays.byRule(jurisdiction, year).forEach(h -> byRule.add(h.date()));
            }
            Set<LocalDate> differences = new TreeSet<>(byRule);
            differences.addAll(govUk);
            differences.removeIf(d -> byRule.contains(d) && govUk.contains(d));
            Set<LocalDate> adjusted = holidays.adjustments().stream()
                    .filter(a -> a.jurisdiction() == jurisdiction && a.date().getYear() <= 2027)
                    .map(UkBankHolidays.Adjustment::date).collect(Collectors.toSet());
            assertThat(differences).as(jurisdiction.slug()).isEqualTo(adjusted);
        }
    }

    private static JsonNode readFeed() {
        try (InputStream in = GovUkBankHolidaysTest.class.getResourceAsStream("/calendar/bank-holidays-govuk-2019-2027.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
