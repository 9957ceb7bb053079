package org.redress.vocabulary;

import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a new case is filed, by the organisation's lists: each value given as its canonical entry, or a problem naming
 * the field. A subject given as one of the subjects' sub-categories ("Noise") is filed under its subject with that
 * sub-category ("Anti-social behaviour", "Noise").
 */
public record Filing(@Nullable String serviceArea, @Nullable String subject, @Nullable String subSubject, List<FieldError> problems) {

    /** The canonical values, or a 400 naming every field that is not in its list. */
    public Filing orThrow() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }

    /** Both of an organisation's lists, read once (an import files every row of a file against the same lists). */
    public record Lists(ControlledList serviceAreas, ControlledList subjects) {

        public Filing file(@Nullable String serviceArea, @Nullable String subject, @Nullable String subSubject) {
            List<FieldError> problems = new ArrayList<>();
            String area = area(blankToNull(serviceArea), problems);
            String given = blankToNull(subject);
            String givenSub = blankToNull(subSubject);
            if (given == null && givenSub == null) {
                return new Filing(area, null, null, List.copyOf(problems));
            }
            ControlledList list = subjects;
            Optional<ListEntry> top = given == null ? Optional.empty() : list.findTop(given);
            if (top.isEmpty()) {
                Optional<ListEntry> child = list.findAnyChild(given != null ? given : givenSub);
                if (child.isPresent() && (given == null || givenSub == null)) {
                    ListEntry parent = list.entry(child.get().parent()).orElseThrow();
                    return new Filing(area, parent.name(), child.get().name(), List.copyOf(problems));
                }
                if (!list.freeValues()) {
                    String field = given == null ? "subSubject" : ListKind.SUBJECTS.field();
                    problems.add(new FieldError(field, "'" + (given == null ? givenSub : given) + "' is not one of the organisation's subjects "
                            + list.activeNames()));
                }
                return new Filing(area, given, givenSub, List.copyOf(problems));
            }
            ListEntry entry = top.get();
            if (!entry.active() && !list.freeValues()) {
                problems.add(new FieldError("subject", "'" + entry.name() + "' is no longer used for new cases: choose one of "
                        + list.activeNames()));
            }
            if (givenSub == null) {
                return new Filing(area, entry.name(), null, List.copyOf(problems));
            }
            Optional<ListEntry> sub = list.findChild(entry, givenSub).filter(e -> e.active() || list.freeValues());
            if (sub.isPresent()) {
                return new Filing(area, entry.name(), sub.get().name(), List.copyOf(problems));
            }
            if (!list.freeValues()) {
                List<String> children = list.childrenOf(entry).stream().filter(ListEntry::active).map(ListEntry::name).toList();
                problems.add(new FieldError("subSubject", "'" + givenSub + "' is not a sub-category of " + entry.name()
                        + (children.isEmpty() ? ", which has none" : ": choose one of " + children)));
            }
            return new Filing(area, entry.name(), givenSub, List.copyOf(problems));
        }

        private @Nullable String area(@Nullable String given, List<FieldError> problems) {
            if (given == null) {
                return null;
            }
            Optional<ListEntry> found = serviceAreas.findTop(given);
            if (found.isPresent() && (found.get().active() || serviceAreas.freeValues())) {
                return found.get().name();
            }
            if (serviceAreas.freeValues()) {
                return given;
            }
            problems.add(new FieldError(ListKind.SERVICE_AREAS.field(), found.isPresent()
                    ? "'" + found.get().name() + "' is no longer used for new cases: choose one of " + serviceAreas.activeNames()
                    : "'" + given + "' is not one of the organisation's service areas " + serviceAreas.activeNames()));
            return null;
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
