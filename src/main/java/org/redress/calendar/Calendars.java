package org.redress.calendar;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calendar module's entry point for other modules: working-day calendars per jurisdiction and per
 * organisation, bank holidays, closure days and deadlines.
 */
@Service
@EnableConfigurationProperties(CalendarProperties.class)
public class Calendars {

    private static final int ORGANISATION_CACHE_LIMIT = 1_000;

    private final CalendarProperties properties;
    private final @Nullable ClosureDays closureDays;
    private final UkBankHolidays bankHolidays = new UkBankHolidays();
    /** Built once each; read by every deadline, so without a lock once built. */
    private final Map<Jurisdiction, WorkingDayCalendar> byJurisdiction = new ConcurrentHashMap<>();
    /** Keyed by the closure days themselves, so a change made on any node is seen at once. */
    private final Map<OrganisationKey, WorkingDayCalendar> byOrganisation = new ConcurrentHashMap<>();

    Calendars(CalendarProperties properties, @Nullable ClosureDays closureDays) {
        this.properties = properties;
        this.closureDays = closureDays;
    }

    /** Bank holidays only, without the database: for tools, benchmarks and tests that need no closure days. */
    public static Calendars bankHolidaysOnly() {
        return new Calendars(new CalendarProperties(2000, 2100), null);
    }

    /** The bank-holiday working-day calendar of a jurisdiction. */
    public WorkingDayCalendar forJurisdiction(Jurisdiction jurisdiction) {
        WorkingDayCalendar built = byJurisdiction.get(jurisdiction);
        return built != null ? built : byJurisdiction.computeIfAbsent(jurisdiction, this::build);
    }

    /** The jurisdiction's calendar with the organisation's closure days on top. */
    public WorkingDayCalendar forOrganisation(String organisation, Jurisdiction jurisdiction) {
        List<ClosureDay> closures = closureDays == null ? List.of() : closureDays.of(organisation);
        if (closures.isEmpty()) {
            return forJurisdiction(jurisdiction);
        }
        if (byOrganisation.size() > ORGANISATION_CACHE_LIMIT) {
            byOrganisation.clear();
        }
        return byOrganisation.computeIfAbsent(new OrganisationKey(jurisdiction, closures), key ->
                forJurisdiction(jurisdiction).withClosures(
                        jurisdiction.displayName() + " (with the organisation's own closure days)", closures));
    }

    /** A deadline on the jurisdiction's calendar, or the organisation's when one is given. */
    public Deadline deadline(@Nullable String organisation, Jurisdiction jurisdiction, Instant start, ClockUnit unit, int amount) {
        WorkingDayCalendar calendar = organisation == null
                ? forJurisdiction(jurisdiction) : forOrganisation(organisation, jurisdiction);
        return Deadlines.compute(calendar, start, unit, amount);
    }

    public List<BankHoliday> holidays(Jurisdiction jurisdiction, int year) {
        if (year < properties.firstYear() || year > properties.lastYear()) {
            throw new CalendarOutOfRangeException(LocalDate.of(year, 1, 1), first(), last());
        }
        return bankHolidays.observed(jurisdiction, year);
    }

    public List<ClosureDay> closureDays(String organisation) {
        return closureDays == null ? List.of() : closureDays.of(organisation);
    }

    @Transactional
    public void addClosureDay(ClosureDay day) {
        if (day.date().isBefore(first()) || day.date().isAfter(last())) {
            throw new CalendarOutOfRangeException(day.date(), first(), last());
        }
        Objects.requireNonNull(closureDays, "closure days need the database").save(day);
    }

    @Transactional
    public boolean removeClosureDay(String organisation, LocalDate day) {
        return Objects.requireNonNull(closureDays, "closure days need the database").remove(organisation, day);
    }

    public LocalDate first() {
        return LocalDate.of(properties.firstYear(), 1, 1);
    }

    public LocalDate last() {
        return LocalDate.of(properties.lastYear(), 12, 31);
    }

    private WorkingDayCalendar build(Jurisdiction jurisdiction) {
        Map<LocalDate, String> off = new HashMap<>();
        for (int year = properties.firstYear(); year <= properties.lastYear(); year++) {
            for (BankHoliday holiday : bankHolidays.observed(jurisdiction, year)) {
                off.put(holiday.date(), holiday.reason());
            }
        }
        return WorkingDayCalendar.of(jurisdiction.displayName(), first(), last(), off);
    }

    private record OrganisationKey(Jurisdiction jurisdiction, List<ClosureDay> closures) {
    }
}
