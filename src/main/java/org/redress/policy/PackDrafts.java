package org.redress.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Drafts made by changing figures rather than by editing YAML (issue 25): a stored version of the organisation's pack
 * (by default the active one), changed as {@link PackDraft} does, checked as any upload is, and stored through the
 * same upload as a new inactive version with a note saying which version it came from and what changed. Bad input is
 * a 400 naming the change's field; a result that is no longer a procedure Redress can run is a 422 naming the change
 * and the pack's rule it breaks; either way nothing is stored.
 */
@Service
public class PackDrafts {

    /** At most this many changes in one draft. */
    static final int MOST_CHANGES = 50;

    private final PolicyPacks packs;
    private final PackVersions versions;

    PackDrafts(PolicyPacks packs, PackVersions versions) {
        this.packs = packs;
        this.versions = versions;
    }

    /**
     * A draft asked for: the version to start from (the active one when left out) and the changes, applied in order.
     */
    public record DraftRequest(@Nullable Integer from, @Nullable List<@Valid @Nullable DraftChange> changes) {
    }

    /**
     * One change, by its {@code kind}; each kind reads only its own fields.
     * <ul>
     *   <li>{@code clock-length}: {@code stage}, {@code clock}, {@code length}, {@code unit} (left out: the clock's own)</li>
     *   <li>{@code clock-start}: {@code stage}, {@code clock}, {@code start} (received, logged, acknowledged, contacted, responded, closed)</li>
     *   <li>{@code extension-size}: {@code stage}, {@code clock}, {@code extension} (1 for the first, the default), {@code size},
     *       {@code unit}, {@code maxTimes}</li>
     *   <li>{@code remove-stage}: {@code stage}</li>
     *   <li>{@code add-stage}: {@code after}, {@code id}, {@code name}, {@code copyOf} (the stage whose shape is copied; left
     *       out: {@code after}), {@code owner} (a role; left out: the copied stage's), {@code clocks} (left out: the copied stage's)</li>
     * </ul>
     */
    public record DraftChange(@Size(max = TextLimits.NAME) @Nullable String kind, @Size(max = TextLimits.NAME) @Nullable String stage,
                         @Size(max = TextLimits.NAME) @Nullable String clock, @Nullable Integer length,
                         @Size(max = TextLimits.NAME) @Nullable String unit, @Size(max = TextLimits.NAME) @Nullable String start,
                         @Nullable Integer extension, @Nullable Integer size, @Nullable Integer maxTimes,
                         @Size(max = TextLimits.NAME) @Nullable String after, @Size(max = TextLimits.NAME) @Nullable String id,
                         @Size(max = TextLimits.NAME) @Nullable String name, @Size(max = TextLimits.NAME) @Nullable String copyOf,
                         @Size(max = TextLimits.NAME) @Nullable String owner, @Nullable List<@Valid @Nullable DraftClock> clocks) {

        public static DraftChange clockLength(String stage, String clock, int length, String unit) {
            return new DraftChange("clock-length", stage, clock, length, unit, null, null, null, null, null, null, null, null, null, null);
        }

        public static DraftChange clockStart(String stage, String clock, String start) {
            return new DraftChange("clock-start", stage, clock, null, null, start, null, null, null, null, null, null, null, null, null);
        }

        public static DraftChange extensionSize(String stage, String clock, int extension, @Nullable Integer size, @Nullable String unit,
                                           @Nullable Integer maxTimes) {
            return new DraftChange("extension-size", stage, clock, null, unit, null, extension, size, maxTimes, null, null, null, null, null, null);
        }

        public static DraftChange removeStage(String stage) {
            return new DraftChange("remove-stage", stage, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public static DraftChange addStage(String after, String id, String name, @Nullable String copyOf, @Nullable String owner) {
            return new DraftChange("add-stage", null, null, null, null, null, null, null, null, after, id, name, copyOf, owner, null);
        }
    }

    /** A clock of an added stage: its figure, and the milestones it starts and stops at. */
    public record DraftClock(@Size(max = TextLimits.NAME) @Nullable String id, @Size(max = TextLimits.NAME) @Nullable String name,
                           @Nullable Integer length, @Size(max = TextLimits.NAME) @Nullable String unit,
                           @Size(max = TextLimits.NAME) @Nullable String start, @Size(max = TextLimits.NAME) @Nullable String until) {
    }

    /** The stored draft: its version, where it came from, what changed, its warnings and its Housing Ombudsman Code check. */
    public record Made(String id, int version, int from, String note, List<String> changes, List<String> warnings,
                       ComplianceReport compliance) {
    }

    /**
     * Makes and stores a draft of the organisation's pack; 400 naming the field for bad input, 422 naming the change and
     * the rule for a result that would not run; nothing is stored unless it is made.
     */
    @Transactional
    public Made fromFigures(String organisation, DraftRequest request) {
        PolicyPack active = packs.active(organisation).orElseThrow(() -> new InvalidInputException("from",
                "the organisation has no active policy pack to start a draft from"));
        int from = request.from() == null ? active.version() : request.from();
        PackVersions.Stored base = versions.find(active.id(), from).orElseThrow(() -> new InvalidInputException("from",
                "the " + active.id() + " policy has no version " + from));
        List<@Nullable DraftChange> changes = request.changes() == null ? List.of() : request.changes();
        if (changes.isEmpty()) {
            throw new InvalidInputException("changes", "give at least one change: clock-length, clock-start, extension-size, "
                    + "remove-stage or add-stage");
        }
        if (changes.size() > MOST_CHANGES) {
            throw new InvalidInputException("changes", "has " + changes.size() + " changes; a draft may make at most " + MOST_CHANGES);
        }
        PackDraft draft = PackDraft.of(base.yaml());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            DraftChange change = changes.get(i);
            if (change == null) {
                errors.add(new FieldError("changes[" + i + "]", "is empty; give its kind and figures"));
            } else {
                draft.apply(i, change);
            }
        }
        errors.addAll(draft.errors());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String note = "Made from version " + from + " by changing figures: " + String.join("; ", draft.made());
        String yaml = draft.yaml(header(active.id(), from, draft.made()));
        PackReader.Reading reading = PackReader.read(yaml, from);
        if (!reading.valid()) {
            throw inconsistent(base.yaml(), changes, reading.errors().get(0));
        }
        PolicyPacks.Upload upload = packs.upload(yaml, organisation, note);
        return new Made(upload.id(), upload.version(), from, note, draft.made(),
                upload.warnings().stream().map(PackError::toString).toList(), upload.compliance());
    }

    /** The YAML of a stored version of the organisation's pack, as stored (a draft's with its note at the top). */
    @Transactional(readOnly = true)
    public String yaml(String organisation, int version) {
        PolicyPack active = packs.active(organisation).orElseThrow(() -> new NotFoundException("version",
                "the organisation has no policy pack"));
        return versions.find(active.id(), version).map(PackVersions.Stored::yaml).orElseThrow(() ->
                new NotFoundException("version", "the " + active.id() + " policy has no version " + version));
    }

    private static List<String> header(String packId, int from, List<String> made) {
        List<String> lines = new ArrayList<>();
        lines.add("A draft of " + packId + ", made from version " + from + " by changing figures (what-if, issue 25):");
        made.forEach(m -> lines.add("- " + m));
        lines.add("The comments of version " + from + " are not carried over; its cites and assumptions are.");
        return lines;
    }

    /**
     * The 422 for a draft that would not run: the first change after which the pack breaks a rule (the changes are tried
     * again one more at a time), named by its field, with the rule's place in the pack and its message.
     */
    private static RefusedException inconsistent(String baseYaml, List<@Nullable DraftChange> changes, PackError last) {
        PackDraft again = PackDraft.of(baseYaml);
        for (int i = 0; i < changes.size(); i++) {
            DraftChange change = changes.get(i);
            if (change != null) {
                again.apply(i, change);
            }
            PackReader.Reading reading = PackReader.read(again.yaml(List.of()), 1);
            if (!reading.valid()) {
                PackError broken = reading.errors().get(0);
                return new RefusedException("with this change the draft's " + broken.field() + " " + broken.message(),
                        broken.field(), "changes[" + i + "]" + mainField(change));
            }
        }
        return new RefusedException("the draft's " + last.field() + " " + last.message(), last.field(), "changes");
    }

    private static String mainField(@Nullable DraftChange change) {
        String kind = change == null || change.kind() == null ? "" : change.kind().strip();
        return switch (kind) {
            case "clock-length" -> ".length";
            case "clock-start" -> ".start";
            case "extension-size" -> ".size";
            case "remove-stage" -> ".stage";
            case "add-stage" -> ".after";
            default -> "";
        };
    }
}
