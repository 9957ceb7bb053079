package org.redress.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RequestDates;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Staff's part of the Code's annual outputs, checked alike for the API and the pages: a provision's answer, commentary
 * and actions (each with an owner, a due date and a status), and the governing body's response to the annual report
 * with the date it was published. Bad input is refused naming the field, and nothing is saved.
 */
@Service
class CodeAssessmentEdits {

    /** What staff write for one provision; dates as typed (YYYY-MM-DD), so a bad one is named, not a parse failure. */
    record ProvisionInput(@Nullable Boolean complies, @Size(max = TextLimits.TEXT) @Nullable String commentary,
                          @Nullable List<@Valid ActionInput> actions) {
    }

    record ActionInput(@Size(max = TextLimits.LINE) @Nullable String action, @Size(max = TextLimits.NAME) @Nullable String owner,
                       @Size(max = TextLimits.NAME) @Nullable String dueOn, @Size(max = TextLimits.NAME) @Nullable String status) {
    }

    record ResponseInput(@Size(max = TextLimits.TEXT) @Nullable String response, @Size(max = TextLimits.NAME) @Nullable String respondedOn,
                         @Size(max = TextLimits.NAME) @Nullable String publishedOn) {
    }

    /** The most actions one provision may carry. */
    static final int MAX_ACTIONS = 20;

    private final CodeAssessmentStore store;
    private final CodeProvisions provisions;
    private final Clock clock;

    CodeAssessmentEdits(CodeAssessmentStore store, CodeProvisions provisions, Clock clock) {
        this.store = store;
        this.provisions = provisions;
        this.clock = clock;
    }

    void saveProvision(String organisation, int year, String provision, ProvisionInput input, String actor) {
        if (provisions.find(provision).isEmpty()) {
            throw new NotFoundException("provision", "the Code has no provision '" + provision + "'");
        }
        List<FieldError> errors = new ArrayList<>();
        String commentary = text("commentary", input.commentary(), TextLimits.TEXT, false, errors);
        List<ActionInput> given = input.actions() == null ? List.of() : input.actions();
        if (given.size() > MAX_ACTIONS) {
            errors.add(new FieldError("actions", "at most " + MAX_ACTIONS + " actions"));
        }
        List<CodeAssessmentStore.Action> actions = new ArrayList<>();
        for (int i = 0; i < Math.min(given.size(), MAX_ACTIONS); i++) {
            ActionInput a = given.get(i) == null ? new ActionInput(null, null, null, null) : given.get(i);
            String at = "actions[" + i + "].";
            String action = text(at + "action", a.action(), TextLimits.LINE, true, errors);
            String owner = text(at + "owner", a.owner(), TextLimits.NAME, true, errors);
            LocalDate due = null;
            if (a.dueOn() == null || a.dueOn().isBlank()) {
                errors.add(new FieldError(at + "dueOn", "is required: the date the action is due"));
            } else {
                due = RequestDates.optional(at + "dueOn", a.dueOn(), errors);
            }
            CodeAssessmentStore.ActionStatus status = status(at + "status", a.status(), errors);
            if (action != null && owner != null && due != null && status != null) {
                actions.add(new CodeAssessmentStore.Action(action, owner, due, status));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.save(organisation, year, provision, input.complies(), commentary, actions, clock.instant(), actor);
    }

    void saveResponse(String organisation, int year, ResponseInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String response = text("response", input.response(), TextLimits.TEXT, false, errors);
        LocalDate respondedOn = RequestDates.optional("respondedOn", input.respondedOn(), errors);
        LocalDate publishedOn = RequestDates.optional("publishedOn", input.publishedOn(), errors);
        if (respondedOn != null && respondedOn.isBefore(LocalDate.of(year, 4, 1))) {
            errors.add(new FieldError("respondedOn", "must be on or after the year began (" + LocalDate.of(year, 4, 1) + ")"));
        }
        if (publishedOn != null && publishedOn.isBefore(LocalDate.of(year, 4, 1))) {
            errors.add(new FieldError("publishedOn", "must be on or after the year began (" + LocalDate.of(year, 4, 1) + ")"));
        }
        if (respondedOn != null && response == null) {
            errors.add(new FieldError("response", "is required when the date of the response is given"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.saveResponse(organisation, year, response, respondedOn, publishedOn, clock.instant(), actor);
    }

    private static @Nullable String text(String field, @Nullable String value, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value.strip();
    }

    private static CodeAssessmentStore.@Nullable ActionStatus status(String field, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return CodeAssessmentStore.ActionStatus.NOT_STARTED;
        }
        try {
            return CodeAssessmentStore.ActionStatus.valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(CodeAssessmentStore.ActionStatus.values())));
            return null;
        }
    }
}
