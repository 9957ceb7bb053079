package org.redress.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Working-day arithmetic over HTTP: a pinned public API other systems call. */
@RestController
@RequestMapping("/api/v1/calendars")
@Tag(name = "Calendars", description = "UK working days, bank holidays and deadlines that explain themselves")
class CalendarController {

    static final int MAX_DAYS = 1_000;
    static final int MAX_AMOUNT = 10_000;

    private final Calendars calendars;

    CalendarController(Calendars calendars) {
        this.calendars = calendars;
    }

    /**
     * The shape of a question's numbers and organisation, checked before the calendar is asked; whether its dates fall
     * within the calendar depends on the calendars loaded and is checked beside it.
     *
     * @param days         working days to add, when asked
     * @param amount       the deadline's amount in its unit, when asked
     * @param organisation whose closure days to include, when asked
     */
    record Question(@Min(value = 0, message = DAYS) @Max(value = MAX_DAYS, message = DAYS) @Nullable Integer days,
                    @Min(value = 0, message = AMOUNT) @Max(value = MAX_AMOUNT, message = AMOUNT) @Nullable Integer amount,
                    @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = ORGANISATION) @Nullable String organisation) {
        static final String DAYS = "must be between 0 and " + MAX_DAYS + ", not ${validatedValue}";
        static final String AMOUNT = "must be between 0 and " + MAX_AMOUNT + ", not ${validatedValue}";
        static final String ORGANISATION = "must be an organisation code of lower-case letters, digits and hyphens";

        List<FieldError> errors() {
            return new ArrayList<>(TextLimits.errorsIn(this));
        }
    }

    record JurisdictionView(String jurisdiction, String name) {
    }

    record WorkingDaysAdded(String jurisdiction, @Nullable String organisation, LocalDate from, int days, LocalDate due,
                            List<NonWorkingDay> skipped, String explanation) {
    }

    record WorkingDaysBetween(String jurisdiction, @Nullable String organisation, LocalDate from, LocalDate to, int workingDays) {
    }

    record DeadlineView(String jurisdiction, @Nullable String organisation, Instant start, ClockUnit unit, int amount,
                        LocalDate dueDate, Instant dueBy, List<NonWorkingDay> skipped, String explanation) {
    }

    @GetMapping
    @Operation(summary = "The jurisdictions whose working days Redress knows")
    List<JurisdictionView> jurisdictions() {
        return Arrays.stream(Jurisdiction.values()).map(j -> new JurisdictionView(j.slug(), j.displayName())).toList();
    }

    @GetMapping("/{jurisdiction}/working-days/add")
    @Operation(summary = "The Nth working day after a date",
            description = "The start day is day 0; the due date is the Nth working day after it, whether or not the "
                    + "start day is a working day. Example: england-and-wales, from=2021-12-24, days=1 gives 2021-12-29.")
    WorkingDaysAdded add(@PathVariable @Parameter(example = "england-and-wales") String jurisdiction,
                         @RequestParam @Parameter(example = "2021-12-24") LocalDate from,
                         @RequestParam @Parameter(example = "1") int days,
                         @RequestParam(required = false) @Parameter(description = "include this organisation's closure days") @Nullable String organisation) {
        Jurisdiction j = jurisdiction(jurisdiction);
        List<FieldError> errors = new Question(days, null, organisation).errors();
        checkInRange("from", from, errors);
        throwIfAny(errors);
        WorkingDayCalendar calendar = calendar(j, organisation);
        try {
            Deadline deadline = Deadlines.compute(calendar, from.atStartOfDay(UkTime.ZONE).toInstant(), ClockUnit.WORKING_DAYS, days);
            return new WorkingDaysAdded(j.slug(), organisation, from, days, deadline.dueDate(), deadline.skipped(),
                    deadline.explanation());
        } catch (CalendarOutOfRangeException e) {
            throw new InvalidInputException("days", "takes the due date past " + e.last() + ", the end of the calendar");
        }
    }

    @GetMapping("/{jurisdiction}/working-days/between")
    @Operation(summary = "How many working days fall after one date, up to and including another")
    WorkingDaysBetween between(@PathVariable @Parameter(example = "england-and-wales") String jurisdiction,
                               @RequestParam @Parameter(example = "2021-12-24") LocalDate from,
                               @RequestParam @Parameter(example = "2022-01-07") LocalDate to,
                               @RequestParam(required = false) @Nullable String organisation) {
        Jurisdiction j = jurisdiction(jurisdiction);
        List<FieldError> errors = new Question(null, null, organisation).errors();
        checkInRange("from", from, errors);
        checkInRange("to", to, errors);
        throwIfAny(errors);
        return new WorkingDaysBetween(j.slug(), organisation, from, to, calendar(j, organisation).workingDaysBetween(from, to));
    }

    @GetMapping("/{jurisdiction}/holidays")
    @Operation(summary = "The bank holidays of a year, on the days they are observed")
    List<BankHoliday> holidays(@PathVariable @Parameter(example = "scotland") String jurisdiction,
                               @RequestParam @Parameter(example = "2027") int year) {
        Jurisdiction j = jurisdiction(jurisdiction);
        try {
            return calendars.holidays(j, year);
        } catch (CalendarOutOfRangeException e) {
            throw new InvalidInputException("year", "must be between %d and %d, not %d"
                    .formatted(e.first().getYear(), e.last().getYear(), year));
        }
    }

    @GetMapping("/{jurisdiction}/deadline")
    @Operation(summary = "A deadline in any unit, with its explanation",
            description = "unit is one of working-days, clock-hours, calendar-days, weeks, calendar-months. start is an "
                    + "instant (2026-10-24T11:00:00Z), a UK local date-time (2026-10-24T12:00) or a date (2026-10-24).")
    DeadlineView deadline(@PathVariable @Parameter(example = "england-and-wales") String jurisdiction,
                          @RequestParam @Parameter(example = "2026-10-24T12:00") String start,
                          @RequestParam @Parameter(example = "clock-hours") String unit,
                          @RequestParam @Parameter(example = "24") int amount,
                          @RequestParam(required = false) @Nullable String organisation) {
        Jurisdiction j = jurisdiction(jurisdiction);
        List<FieldError> errors = new ArrayList<>();
        Instant startAt = parseStart(start, errors);
        ClockUnit clockUnit = parseUnit(unit, errors);
        if (startAt != null) {
            checkInRange("start", UkTime.dateOf(startAt), errors);
        }
        errors.addAll(new Question(null, amount, organisation).errors());
        throwIfAny(errors);
        try {
            Deadline d = Deadlines.compute(calendar(j, organisation), startAt, clockUnit, amount);
            checkInRangeOrThrow("amount", d.dueDate());
            return new DeadlineView(j.slug(), organisation, d.start(), d.unit(), d.amount(), d.dueDate(), d.dueBy(),
                    d.skipped(), d.explanation());
        } catch (CalendarOutOfRangeException e) {
            throw new InvalidInputException("amount", "takes the due date past " + e.last() + ", the end of the calendar");
        }
    }

    private WorkingDayCalendar calendar(Jurisdiction jurisdiction, @Nullable String organisation) {
        return organisation == null ? calendars.forJurisdiction(jurisdiction) : calendars.forOrganisation(organisation, jurisdiction);
    }

    static Jurisdiction jurisdiction(String slug) {
        return Jurisdiction.fromSlug(slug).orElseThrow(() -> new NotFoundException("jurisdiction",
                "no jurisdiction '%s'; use one of england-and-wales, scotland, northern-ireland".formatted(slug)));
    }

    /** An organisation code's shape, for the closure days' addresses too. */
    static void checkOrganisation(@Nullable String organisation, List<FieldError> errors) {
        errors.addAll(new Question(null, null, organisation).errors());
    }

    private void checkInRange(String field, LocalDate date, List<FieldError> errors) {
        if (date.isBefore(calendars.first()) || date.isAfter(calendars.last())) {
            errors.add(new FieldError(field, "must be between %s and %s, not %s".formatted(calendars.first(), calendars.last(), date)));
        }
    }

    private void checkInRangeOrThrow(String field, LocalDate date) {
        if (date.isAfter(calendars.last())) {
            throw new InvalidInputException(field, "takes the due date past " + calendars.last() + ", the end of the calendar");
        }
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static @Nullable Instant parseStart(String start, List<FieldError> errors) {
        try {
            return RequestDates.parseInstant(start);
        } catch (RequestDates.OutsideTheCalendar outside) {
            errors.add(new FieldError("start", outside.getMessage() + ", not '" + start + "'"));
            return null;
        } catch (DateTimeParseException notOffset) {
            try {
                return RequestDates.parseDateTime(start).atZone(UkTime.ZONE).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return RequestDates.parse(start).atStartOfDay(UkTime.ZONE).toInstant();
                } catch (DateTimeParseException notDate) {
                    errors.add(new FieldError("start", RequestDates.explain(notDate,
                            "must be an instant, a date-time or a date (ISO 8601)") + ", not '" + start + "'"));
                    return null;
                }
            }
        }
    }

    private static @Nullable ClockUnit parseUnit(String unit, List<FieldError> errors) {
        String normalised = unit.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return ClockUnit.valueOf(normalised);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("unit", "must be one of working-days, clock-hours, calendar-days, weeks, calendar-months, not '" + unit + "'"));
            return null;
        }
    }
}
