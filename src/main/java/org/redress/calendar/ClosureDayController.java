package org.redress.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An organisation's own closure days, which its working-day clocks skip. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/closure-days")
@Tag(name = "Closure days", description = "Days an organisation is closed on top of bank holidays")
class ClosureDayController {

    private final Calendars calendars;

    ClosureDayController(Calendars calendars) {
        this.calendars = calendars;
    }

    record ClosureDayRequest(@Size(max = TextLimits.NAME) @Nullable String reason) {
    }

    @GetMapping
    @Operation(summary = "The organisation's closure days, in date order")
    List<ClosureDay> list(@PathVariable String organisation) {
        checkOrganisation(organisation);
        return calendars.closureDays(organisation);
    }

    @PutMapping("/{date}")
    @Operation(summary = "Record a closure day (or change its reason)")
    ClosureDay put(@PathVariable String organisation, @PathVariable LocalDate date, @RequestBody ClosureDayRequest request) {
        List<FieldError> errors = new ArrayList<>();
        CalendarController.checkOrganisation(organisation, errors);
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > TextLimits.NAME) {
            errors.add(new FieldError("reason", "must say why the organisation is closed, in 1 to " + TextLimits.NAME + " characters"));
        }
        if (date.isBefore(calendars.first()) || date.isAfter(calendars.last())) {
            errors.add(new FieldError("date", "must be between %s and %s".formatted(calendars.first(), calendars.last())));
        }
        CalendarController.throwIfAny(errors);
        ClosureDay day = new ClosureDay(organisation, date, reason);
        calendars.addClosureDay(day);
        return day;
    }

    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a closure day")
    void delete(@PathVariable String organisation, @PathVariable LocalDate date) {
        checkOrganisation(organisation);
        if (!calendars.removeClosureDay(organisation, date)) {
            throw new NotFoundException("date", "%s has no closure day on %s".formatted(organisation, date));
        }
    }

    private static void checkOrganisation(String organisation) {
        List<FieldError> errors = new ArrayList<>();
        CalendarController.checkOrganisation(organisation, errors);
        CalendarController.throwIfAny(errors);
    }
}
