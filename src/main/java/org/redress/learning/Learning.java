package org.redress.learning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.correspondence.LetterKind;
import org.redress.correspondence.StaffNotices;
import org.redress.learning.Lesson.CaseLink;
import org.redress.learning.Lesson.Kind;
import org.redress.learning.Lesson.Status;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The learning module's entry point: record a lesson or service change against cases, move it on, tell the people who
 * complained once it is done (each once, H-8), and the read facade reporting uses (S0-11, H-11).
 */
@Service
public class Learning {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final LessonStore store;
    private final Casework casework;
    private final StaffNotices notices;
    private final Clock clock;

    Learning(LessonStore store, Casework casework, StaffNotices notices, Clock clock) {
        this.store = store;
        this.casework = casework;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * A lesson to record, as typed (so the API and the page are checked alike).
     *
     * @param cases case references (or ids), at least one
     */
    public record NewLesson(@Size(max = TextLimits.NAME) @Nullable String kind,
                            @NotBlank(message = "is required: the lesson or change in a few words") @Size(max = TextLimits.NAME) @Nullable String title,
                            @NotBlank(message = "is required: what was learned or what will change") @Size(max = TextLimits.TEXT) @Nullable String description,
                            @Size(max = TextLimits.NAME) @Nullable String rootCause,
                            @NotBlank(message = "is required: who makes it happen") @Size(max = TextLimits.NAME) @Nullable String owner, @Nullable List<@Size(max = TextLimits.TEXT) String> cases,
                            boolean groupSuggestion) {
    }

    /** A status change: the new status, the date done (today when left out), the reason when not adopted. */
    public record StatusChange(@Size(max = TextLimits.NAME) @Nullable String status, @Size(max = TextLimits.NAME) @Nullable String doneOn,
                               @Size(max = TextLimits.TEXT) @Nullable String reason) {
    }

    /** Who was told of a change: letters written now, and people already told before. */
    public record Told(int told, int alreadyTold, List<String> references) {
    }

    /** A lesson with how many people have been told of it. */
    public record LessonView(Lesson lesson, int complainantsTold, String statusInWords, String rootCauseInWords,
                             int casesInOtherAreas) {
    }

    /** A lesson or service change for reporting (S0-11 lessons learned and status of service changes; H-11 changes introduced). */
    public record LessonRecord(UUID id, Kind kind, String title, RootCause rootCause, Status status, @Nullable LocalDate doneOn,
                               @Nullable String notAdoptedReason, List<String> caseReferences, Instant recordedAt) {
    }

    @Transactional
    public LessonView create(String organisation, NewLesson input, String actor) {
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(input)); // its declared shape, then the cases it names
        Kind kind = parse(Kind.class, input.kind() == null || input.kind().isBlank() ? "LESSON" : input.kind(), "kind", errors);
        String title = strip(input.title());
        String description = strip(input.description());
        RootCause cause = input.rootCause() == null || input.rootCause().isBlank() ? null : parse(RootCause.class, input.rootCause(), "rootCause", errors);
        if (cause == null && errors.stream().noneMatch(e -> e.field().equals("rootCause"))) {
            errors.add(new FieldError("rootCause", "is required: one of " + Arrays.toString(RootCause.values())));
        }
        String owner = strip(input.owner());
        Set<String> references = new LinkedHashSet<>();
        for (String ref : input.cases() == null ? List.<String>of() : input.cases()) {
            for (String part : ref.split("[,\\s]+")) {
                if (!part.isBlank()) references.add(part.strip());
            }
        }
        List<CaseLink> links = new ArrayList<>();
        if (references.isEmpty()) {
            errors.add(new FieldError("cases", "is required: the reference of at least one case it came from"));
        } else {
            List<String> unknown = references.stream().filter(r -> !casework.exists(organisation, r)).toList();
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("cases", "has no case " + String.join(", ", unknown) + " in this organisation"));
            } else {
                for (String ref : references) {
                    CaseView c = casework.get(organisation, ref);
                    if (links.stream().noneMatch(l -> l.caseId().equals(c.id()))) {
                        links.add(new CaseLink(c.id(), c.reference()));
                    }
                }
            }
        }
        if (!errors.isEmpty() || kind == null || cause == null || title == null || description == null || owner == null) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        Lesson lesson = new Lesson(UUID.randomUUID(), organisation, kind, title, description, cause, owner, Status.PROPOSED, null,
                null, input.groupSuggestion(), links, actor, now, 0);
        store.insert(lesson);
        store.event(lesson.id(), "recorded", now, actor, null);
        return view(lesson);
    }

    @Transactional(readOnly = true)
    public List<LessonView> list(CaseScope scope, @Nullable String status, @Nullable String rootCause) {
        List<FieldError> errors = new ArrayList<>();
        Status s = status == null || status.isBlank() ? null : parse(Status.class, status, "status", errors);
        RootCause c = rootCause == null || rootCause.isBlank() ? null : parse(RootCause.class, rootCause, "category", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return views(scope, store.list(scope.organisation(), s == null ? null : s.name(), c == null ? null : c.name()));
    }

    @Transactional(readOnly = true)
    public LessonView get(String organisation, String id) {
        return view(load(organisation, id));
    }

    @Transactional
    public LessonView changeStatus(String organisation, String id, StatusChange change, String actor) {
        TextLimits.check(change);
        Lesson lesson = load(organisation, id);
        List<FieldError> errors = new ArrayList<>();
        Status to = change.status() == null || change.status().isBlank() ? null : parse(Status.class, change.status(), "status", errors);
        if (to == null && errors.isEmpty()) {
            errors.add(new FieldError("status", "is required: one of " + Arrays.toString(Status.values())));
        }
        LocalDate on = null;
        if (change.doneOn() != null && !change.doneOn().isBlank()) {
            try {
                on = RequestDates.parse(change.doneOn());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("doneOn", RequestDates.explain(e, "must be a date written YYYY-MM-DD") + ", not '" + change.doneOn() + "'"));
            }
        }
        if (!errors.isEmpty() || to == null) {
            throw new InvalidInputException(errors);
        }
        Lesson.Outcome outcome = lesson.moveTo(to, on, change.reason(), today());
        if (outcome.refusal() != null) {
            throw outcome.refusal().refuse();
        }
        Lesson after = java.util.Objects.requireNonNull(outcome.after());
        Instant now = clock.instant();
        if (!store.updateStatus(after, now)) {
            throw new RefusedException("someone else changed this lesson at the same time; reload it and try again", "F-14", null);
        }
        store.event(after.id(), Lesson.words(to), now, actor, change.reason());
        return view(load(organisation, id));
    }

    /**
     * Tells each person who complained in the linked cases about the change, by letter (H-8, F-14): once each, even
     * if asked again or if one person made several of the complaints.
     */
    @Transactional
    public Told tellComplainants(String organisation, String id, String actor) {
        Lesson lesson = load(organisation, id);
        lesson.mayTellComplainants().ifPresent(r -> {
            throw r.refuse();
        });
        int elsewhere = casework.visible(casework.scope(organisation), lesson.cases(), CaseLink::caseId).elsewhere();
        if (elsewhere > 0) {
            // a member limited to some service areas may not write to, or learn who made, another area's complaints
            throw new RefusedException("this lesson comes from " + elsewhere + (elsewhere == 1 ? " case" : " cases")
                    + " in service areas you do not work in: someone who works across them tells the people who complained",
                    "H-8", null);
        }
        store.lock(lesson.id());
        Instant now = clock.instant();
        int told = 0;
        int already = 0;
        List<String> references = new ArrayList<>();
        for (CaseLink link : lesson.cases()) {
            CaseView c = casework.get(organisation, link.caseId());
            String person = personKey(c);
            if (store.wasTold(lesson.id(), person)) {
                already++;
                continue;
            }
            Map<String, Object> vars = new HashMap<>();
            vars.put("change", lesson.title() + ": " + lesson.description());
            vars.put("doneOn", lesson.doneOn() == null ? null : DAY.format(lesson.doneOn()));
            UUID letter = notices.sendCaseLetter(c, LetterKind.SERVICE_CHANGE, "A change we have made because of your complaint", vars);
            store.told(lesson.id(), person, c.reference(), letter, now, actor);
            told++;
            references.add(c.reference());
        }
        store.event(lesson.id(), "complainants told", now, actor, told + " told, " + already + " already told");
        return new Told(told, already, references);
    }

    /** The lessons a case is linked to, for its case page. */
    @Transactional(readOnly = true)
    public List<LessonView> ofCase(String organisation, String caseId) {
        return views(casework.scope(organisation), store.ofCase(organisation, UUID.fromString(caseId)));
    }

    /**
     * Lessons and service changes live at some point in a period, with their status (S0-11, H-11): recorded before
     * its end and not done before its start; each naming only the scope's cases it came from.
     *
     * @param toExclusive the day after the period's last day
     */
    @Transactional(readOnly = true)
    public List<LessonRecord> inPeriod(CaseScope scope, LocalDate from, LocalDate toExclusive) {
        Instant start = from.atStartOfDay(UkTime.ZONE).toInstant();
        Instant end = toExclusive.atStartOfDay(UkTime.ZONE).toInstant();
        List<Lesson> lessons = store.inPeriod(scope.organisation(), from, toExclusive, start, end);
        Set<String> open = openCases(scope, lessons);
        return lessons.stream()
                .map(l -> new LessonRecord(l.id(), l.kind(), l.title(), l.rootCause(), l.status(), l.doneOn(), l.notAdoptedReason(),
                        l.cases().stream().filter(c -> open.contains(c.caseId())).map(CaseLink::reference).toList(), l.createdAt()))
                .toList();
    }

    /** The same person across cases: their email, or else their name and address. */
    private static String personKey(CaseView c) {
        var p = c.complainant();
        if (p.email() != null && !p.email().isBlank()) {
            return "email:" + p.email().strip().toLowerCase(Locale.UK);
        }
        return "name:" + p.name().strip().toLowerCase(Locale.UK) + "|" + (p.address() == null ? "" : p.address().strip().toLowerCase(Locale.UK));
    }

    /** A lesson as the signed-in member may see it (see {@link #views}). */
    private LessonView view(Lesson l) {
        return views(casework.scope(l.organisation()), List.of(l)).get(0);
    }

    /**
     * Lessons as a member may see them: one limited to some service areas is shown only the references of the scope's
     * cases, and how many others there are, never which. One question to casework for all of them.
     */
    private List<LessonView> views(CaseScope scope, List<Lesson> lessons) {
        Set<String> open = openCases(scope, lessons);
        return lessons.stream().map(l -> {
            List<CaseLink> shown = l.cases().stream().filter(c -> open.contains(c.caseId())).toList();
            Lesson visible = shown.size() == l.cases().size() ? l : l.naming(shown);
            return new LessonView(visible, store.toldCount(l.id()), capitalised(Lesson.words(l.status())), l.rootCause().words(),
                    l.cases().size() - shown.size());
        }).toList();
    }

    /** The ids of the lessons' cases that are in the scope. */
    private Set<String> openCases(CaseScope scope, List<Lesson> lessons) {
        List<CaseLink> links = lessons.stream().flatMap(l -> l.cases().stream()).toList();
        return casework.visible(scope, links, CaseLink::caseId).rows().stream().map(CaseLink::caseId).collect(java.util.stream.Collectors.toSet());
    }

    private Lesson load(String organisation, String id) {
        try {
            return store.find(organisation, UUID.fromString(id)).orElseThrow(() -> new NotFoundException("id", "no lesson " + id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("id", "no lesson " + id);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UkTime.ZONE);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String text, String field, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.UK).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + text + "'"));
            return null;
        }
    }
}
