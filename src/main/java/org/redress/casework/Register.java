package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.RegisterQuery.Sort;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RequestDates;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Complaint and Compliment Register (S0-9, issue 21): every record of an organisation, of every type and status,
 * searched, filtered, sorted and paged, and exported with the same filters. The page, the API and the exports all
 * check a {@link RegisterFilter} here, so a parameter is refused (400 naming it) the same way everywhere, and read
 * through {@link RegisterQueries}, which keeps a member limited to some service areas to those areas' records.
 */
@Service
public class Register {

    /** The most records one export holds (stated on the page and in the API description). */
    public static final int EXPORT_LIMIT = 100_000;
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final RegisterQueries queries;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final Clock clock;

    Register(RegisterQueries queries, Organisations organisations, PolicyPacks packs, Clock clock) {
        this.queries = queries;
        this.organisations = organisations;
        this.packs = packs;
        this.clock = clock;
    }

    /** A page of the register as the member may see it; 400 naming every parameter it cannot take. */
    public RegisterPage page(CaseScope scope, RegisterFilter filter) {
        return queries.page(scope, check(scope, filter), clock.instant());
    }

    /**
     * The register with these filters as a file, checked now (so a bad parameter is a 400 before anything is written)
     * and written when asked, from its first record, at most {@link #EXPORT_LIMIT} records.
     */
    public RegisterExport export(CaseScope scope, RegisterFilter filter) {
        RegisterQuery query = check(scope, filter.fromTheStart());
        Instant now = clock.instant();
        return new RegisterExport(scope.organisation(), now, (cap, each) -> queries.each(scope, query, now, cap, each));
    }

    /** The checked, typed query; package-private so the plans of its statements can be tested. */
    RegisterQuery check(CaseScope scope, RegisterFilter f) {
        Organisation org = organisations.require(scope.organisation());
        PolicyPack pack = packs.active(org.code()).orElseThrow(() -> new NotFoundException("organisation", "has no active policy pack"));
        List<FieldError> errors = new ArrayList<>();
        String text = text(errors, "text", f.text());
        String type = text(errors, "type", f.type());
        List<String> types = pack.recordTypes().stream().map(PolicyPack.RecordType::id).toList();
        if (type != null && !types.contains(type)) {
            errors.add(new FieldError("type", "must be one of " + String.join(", ", types)));
        }
        CaseStatus status = null;
        String statusText = blankToNull(f.status());
        if (statusText != null) {
            try {
                status = CaseStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + String.join(", ", Arrays.stream(CaseStatus.values()).map(Enum::name).toList())));
            }
        }
        Integer stage = number(errors, "stage", f.stage(), 0, 99, "must be a stage number from 0 (not staged) to 99");
        String line = text(errors, "serviceLine", f.serviceLine());
        List<String> lines = pack.serviceLines().stream().map(PolicyPack.ServiceLine::id).toList();
        if (line != null && !lines.contains(line)) {
            errors.add(new FieldError("serviceLine", lines.isEmpty() ? "this organisation's procedure has no service lines"
                    : "must be one of " + String.join(", ", lines)));
        }
        String area = text(errors, "serviceArea", f.serviceArea());
        String subject = text(errors, "subject", f.subject());
        String owner = text(errors, "owner", f.owner());
        LocalDate from = RequestDates.optional("receivedFrom", f.receivedFrom(), errors);
        LocalDate to = RequestDates.optional("receivedTo", f.receivedTo(), errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("receivedTo", "must be the same day as receivedFrom or after it"));
        }
        boolean overdue = false;
        String overdueText = blankToNull(f.overdue());
        if (overdueText != null) {
            if (overdueText.equalsIgnoreCase("true")) {
                overdue = true;
            } else if (!overdueText.equalsIgnoreCase("false")) {
                errors.add(new FieldError("overdue", "must be true or false"));
            }
        }
        Sort sort = Sort.RECEIVED;
        String sortText = blankToNull(f.sort());
        if (sortText != null) {
            try {
                sort = Sort.valueOf(sortText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sort", "must be received, due or reference"));
            }
        }
        Integer size = number(errors, "size", f.size(), 1, MAX_SIZE, "must be a whole number from 1 to " + MAX_SIZE);
        String cursor = blankToNull(f.cursor());
        if (cursor != null) {
            if (cursor.length() > 500) {
                errors.add(new FieldError("cursor", "is not a cursor the register gave out for this order"));
            } else {
                try {
                    RegisterQueries.Cursor.decode(cursor, sort);
                } catch (InvalidInputException e) {
                    errors.addAll(e.errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new RegisterQuery(text, type, status, stage, line, area, subject, owner,
                from == null ? null : from.atStartOfDay(UK).toInstant(), to == null ? null : to.plusDays(1).atStartOfDay(UK).toInstant(),
                overdue, sort, size == null ? DEFAULT_SIZE : size, cursor);
    }

    private static @Nullable String text(List<FieldError> errors, String field, @Nullable String value) {
        String stripped = blankToNull(value);
        return TextLimits.check(errors, field, stripped, TextLimits.NAME) ? null : stripped;
    }

    private static @Nullable Integer number(List<FieldError> errors, String field, @Nullable String value, int min, int max, String message) {
        String stripped = blankToNull(value);
        if (stripped == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(stripped);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        errors.add(new FieldError(field, message));
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
