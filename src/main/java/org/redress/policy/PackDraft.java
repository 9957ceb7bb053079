package org.redress.policy;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.web.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A draft pack made from a stored version by changing figures (issue 25): a clock's length, unit and start, an
 * extension's size and limit, a stage removed or added. Every mutation of a pack made this way is here. It works on the
 * version's YAML as a tree, so everything a change does not touch (cites, assumptions, routes, letters' wording) is kept
 * as it was; the YAML comments are not (the note at the top of the draft says how it was made). Bad input is collected
 * as field errors naming the change ({@code changes[0].length}); whether the result is a procedure Redress can run is
 * for {@link PackReader} and {@link PackConsistency} to say afterwards.
 */
final class PackDraft {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
            .build();
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> made = new ArrayList<>();

    private PackDraft(ObjectNode root) {
        this.root = root;
    }

    /** The tree of a stored (so valid) version's YAML. */
    static PackDraft of(String yaml) {
        JsonNode tree = YAML.readTree(yaml);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalStateException("a stored pack version is not a block of keys");
        }
        return new PackDraft(object);
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Each change made, in plain words, in order. */
    List<String> made() {
        return List.copyOf(made);
    }

    /** The draft as YAML, with {@code header} as comment lines at the top. */
    String yaml(List<String> header) {
        String comments = header.stream().map(l -> "# " + l.replace('\n', ' ')).collect(Collectors.joining("\n"));
        return (comments.isEmpty() ? "" : comments + "\n") + YAML.writeValueAsString(root);
    }

    /** Applies one change; bad input is kept as field errors under {@code changes[index]}, and the tree is left as it was. */
    void apply(int index, PackDrafts.DraftChange change) {
        String at = "changes[" + index + "]";
        String kind = change.kind() == null ? "" : change.kind().strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "clock-length" -> clockLength(at, change);
            case "clock-start" -> clockStart(at, change);
            case "extension-size" -> extensionSize(at, change);
            case "remove-stage" -> removeStage(at, change);
            case "add-stage" -> addStage(at, change);
            default -> errors.add(new FieldError(at + ".kind", (kind.isEmpty() ? "is required" : "is '" + change.kind() + "'")
                    + "; use clock-length, clock-start, extension-size, remove-stage or add-stage"));
        }
    }

    // ---- the changes -------------------------------------------------------------------------------------------------

    private void clockLength(String at, PackDrafts.DraftChange change) {
        ObjectNode clock = clock(at, change.stage(), change.clock());
        if (clock == null) {
            return;
        }
        String before = text(clock, "within");
        ClockUnit unit = change.unit() == null ? unitOf(before) : unit(at + ".unit", change.unit());
        Integer length = length(at + ".length", change.length(), unit);
        if (unit == null || length == null) {
            return;
        }
        String after = unit.describe(length);
        clock.put("within", after);
        made.add(where(change.stage(), clock) + ": " + before + " changed to " + after);
    }

    private void clockStart(String at, PackDrafts.DraftChange change) {
        ObjectNode clock = clock(at, change.stage(), change.clock());
        PolicyPack.Milestone start = milestone(at + ".start", change.start());
        if (clock == null || start == null) {
            return;
        }
        String before = text(clock, "from");
        clock.put("from", name(start));
        made.add(where(change.stage(), clock) + ": starts when " + (before.isEmpty() ? "received" : before) + " changed to when "
                + name(start));
    }

    private void extensionSize(String at, PackDrafts.DraftChange change) {
        ObjectNode clock = clock(at, change.stage(), change.clock());
        if (clock == null) {
            return;
        }
        JsonNode list = clock.get("extensions");
        int count = list instanceof ArrayNode a ? a.size() : 0;
        int number = change.extension() == null ? 1 : change.extension();
        if (count == 0) {
            errors.add(new FieldError(at + ".clock", "the clock '" + change.clock() + "' allows no extension; change its length instead"));
            return;
        }
        if (number < 1 || number > count) {
            errors.add(new FieldError(at + ".extension", "is " + number + "; the clock '" + change.clock() + "' has "
                    + (count == 1 ? "1 extension (1)" : count + " extensions (1 to " + count + ")")));
            return;
        }
        if (change.size() == null && change.maxTimes() == null) {
            errors.add(new FieldError(at + ".size", "give the size (the most it may add), the limit (maxTimes), or both"));
            return;
        }
        ObjectNode extension = (ObjectNode) list.get(number - 1);
        List<String> said = new ArrayList<>();
        int problems = errors.size();
        String clockWithin = text(clock, "within");
        String upTo = text(extension, "upTo");
        ClockUnit unit = change.unit() != null ? unit(at + ".unit", change.unit())
                : unitOf(upTo.isEmpty() ? clockWithin : upTo);
        Integer size = change.size() == null ? null : length(at + ".size", change.size(), unit);
        Integer times = change.maxTimes();
        if (times != null && (times < 1 || times > 10)) {
            errors.add(new FieldError(at + ".maxTimes", "is " + times + "; an extension may be used from 1 to 10 times"));
        }
        if (errors.size() > problems || unit == null) {
            return;
        }
        if (size != null) {
            extension.put("upTo", unit.describe(size));
            said.add("at most " + (upTo.isEmpty() ? "no figure" : upTo) + " changed to " + unit.describe(size));
        }
        if (times != null) {
            JsonNode was = extension.get("maxTimes");
            extension.put("maxTimes", times);
            said.add("used at most " + (was == null ? "any number of times" : was.asString() + (was.asInt() == 1 ? " time" : " times"))
                    + " changed to " + times + (times == 1 ? " time" : " times"));
        }
        made.add(where(change.stage(), clock) + ", extension " + number + ": " + String.join(", ", said));
    }

    private void removeStage(String at, PackDrafts.DraftChange change) {
        ArrayNode stages = stages();
        int index = stageIndex(at + ".stage", change.stage());
        if (index < 0) {
            return;
        }
        ObjectNode removed = (ObjectNode) stages.get(index);
        String id = text(removed, "id");
        int number = index + 1;
        stages.remove(index);
        List<String> also = new ArrayList<>();
        // steps name stages by number: the removed one goes, later ones move up; a step held only there goes with it
        JsonNode steps = root.get("steps");
        if (steps instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (!(list.get(i) instanceof ObjectNode step) || !(step.get("stages") instanceof ArrayNode in) || in.isEmpty()) {
                    continue;
                }
                ArrayNode renumbered = NODES.arrayNode();
                in.forEach(n -> {
                    if (n.asInt() < number) {
                        renumbered.add(n.asInt());
                    } else if (n.asInt() > number) {
                        renumbered.add(n.asInt() - 1);
                    }
                });
                if (renumbered.isEmpty()) {
                    list.remove(i);
                    also.add("the step '" + text(step, "id") + "', held only at that stage, is removed");
                } else {
                    step.set("stages", renumbered);
                }
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            ObjectNode stage = (ObjectNode) stages.get(i);
            if (stage.has("number")) {
                stage.put("number", i + 1);
            }
            if (stage.get("entry") instanceof ObjectNode entry && entry.get("from") instanceof ArrayNode from) {
                for (int j = from.size() - 1; j >= 0; j--) {
                    if (from.get(j).asString().equals(id)) {
                        from.remove(j);
                    }
                }
                if (from.isEmpty()) {
                    entry.remove("from");
                    also.add("'" + text(stage, "id") + "' is entered from the stage before it");
                }
            }
        }
        if (index == 0 && !stages.isEmpty() && stages.get(0) instanceof ObjectNode first && first.has("entry")) {
            first.remove("entry");
            also.add("'" + text(first, "id") + "' is now where a case starts, so it has no escalation rule");
        }
        made.add("stage " + number + " '" + text(removed, "name") + "' removed" + (also.isEmpty() ? "" : " (" + String.join("; ", also) + ")"));
    }

    private void addStage(String at, PackDrafts.DraftChange change) {
        ArrayNode stages = stages();
        int after = stageIndex(at + ".after", change.after());
        int problems = errors.size();
        String id = change.id() == null ? "" : change.id().strip();
        if (id.isEmpty()) {
            errors.add(new FieldError(at + ".id", "is required: a short id for the new stage, such as review"));
        } else if (!ID.matcher(id).matches() || id.length() > 60) {
            errors.add(new FieldError(at + ".id", "is '" + id + "'; use lower-case letters, digits and single hyphens, such as review-panel"));
        } else if (stageIndex(null, id) >= 0) {
            errors.add(new FieldError(at + ".id", "'" + id + "' is already a stage of this procedure; choose another"));
        }
        String name = change.name() == null ? "" : change.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError(at + ".name", "is required: the new stage's name, such as Review panel"));
        }
        int source = change.copyOf() == null || change.copyOf().isBlank() ? after : stageIndex(at + ".copyOf", change.copyOf());
        String owner = change.owner() == null || change.owner().isBlank() ? null : change.owner().strip();
        if (owner != null && roles().stream().noneMatch(owner::equals)) {
            errors.add(new FieldError(at + ".owner", "is '" + owner + "', which is not a role of this procedure ("
                    + String.join(", ", roles()) + ")"));
        }
        ArrayNode clocks = change.clocks() == null ? null : clocks(at, change.clocks());
        if (errors.size() > problems || after < 0 || source < 0) {
            return;
        }
        ObjectNode stage = ((ObjectNode) stages.get(source)).deepCopy();
        withoutCites(stage);
        stage.put("id", id);
        stage.put("name", name);
        if (stage.has("number")) {
            stage.remove("number");
        }
        if (owner != null) {
            stage.put("owner", owner);
        }
        if (clocks != null) {
            stage.set("clocks", clocks);
        }
        // a stage after the first is reached by escalation from the stage right before it
        ObjectNode entry = stage.get("entry") instanceof ObjectNode e ? e : NODES.objectNode().set("refusalGrounds", NODES.arrayNode());
        entry.remove("from");
        stage.set("entry", entry);
        int number = after + 2;
        stages.insert(after + 1, stage);
        JsonNode steps = root.get("steps");
        if (steps instanceof ArrayNode list) {
            list.forEach(s -> {
                if (s instanceof ObjectNode step && step.get("stages") instanceof ArrayNode in) {
                    ArrayNode renumbered = NODES.arrayNode();
                    in.forEach(n -> renumbered.add(n.asInt() >= number ? n.asInt() + 1 : n.asInt()));
                    step.set("stages", renumbered);
                }
            });
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof ObjectNode s && s.has("number")) {
                s.put("number", i + 1);
            }
        }
        made.add("stage '" + name + "' added after '" + text((ObjectNode) stages.get(after), "name") + "', shaped like '"
                + text((ObjectNode) stages.get(source >= after + 1 ? source + 1 : source), "name") + "'");
    }

    private @Nullable ArrayNode clocks(String at, List<PackDrafts.DraftClock> asked) {
        ArrayNode clocks = NODES.arrayNode();
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < asked.size(); j++) {
            PackDrafts.DraftClock c = asked.get(j);
            String path = at + ".clocks[" + j + "]";
            if (c == null) {
                errors.add(new FieldError(path, "is empty; give id, name, length, unit, start and until"));
                continue;
            }
            String id = c.id() == null ? "" : c.id().strip();
            if (!ID.matcher(id).matches()) {
                errors.add(new FieldError(path + ".id", id.isEmpty() ? "is required, such as respond"
                        : "is '" + id + "'; use lower-case letters, digits and single hyphens"));
            } else if (ids.contains(id)) {
                errors.add(new FieldError(path + ".id", "'" + id + "' is already a clock of the new stage"));
            }
            ids.add(id);
            if (c.name() == null || c.name().isBlank()) {
                errors.add(new FieldError(path + ".name", "is required, such as Review panel decision"));
            }
            ClockUnit unit = c.unit() == null ? ClockUnit.WORKING_DAYS : unit(path + ".unit", c.unit());
            Integer length = length(path + ".length", c.length(), unit);
            PolicyPack.Milestone start = milestone(path + ".start", c.start() == null ? "received" : c.start());
            PolicyPack.Milestone until = milestone(path + ".until", c.until() == null ? "responded" : c.until());
            if (unit != null && length != null && start != null && until != null && c.name() != null) {
                ObjectNode clock = NODES.objectNode();
                clock.put("id", id);
                clock.put("name", c.name().strip());
                clock.put("within", unit.describe(length));
                clock.put("from", name(start));
                clock.put("until", name(until));
                clocks.add(clock);
            }
        }
        if (asked.isEmpty()) {
            errors.add(new FieldError(at + ".clocks", "give at least one clock, or leave clocks out to copy the stage's"));
        }
        return clocks;
    }

    // ---- finding things in the tree ----------------------------------------------------------------------------------

    private ArrayNode stages() {
        return root.get("stages") instanceof ArrayNode stages ? stages : root.putArray("stages");
    }

    /** The stage's position in the file, or -1 (with an error on {@code field} when one is given). */
    private int stageIndex(@Nullable String field, @Nullable String id) {
        ArrayNode stages = stages();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof ObjectNode s && text(s, "id").equals(id == null ? null : id.strip())) {
                return i;
            }
        }
        if (field != null) {
            List<String> ids = new ArrayList<>();
            stages.forEach(s -> ids.add(s.get("id") == null ? "" : s.get("id").asString()));
            errors.add(new FieldError(field, (id == null || id.isBlank() ? "is required" : "is '" + id + "', which is not a stage of this procedure")
                    + "; its stages are " + String.join(", ", ids)));
        }
        return -1;
    }

    private @Nullable ObjectNode clock(String at, @Nullable String stageId, @Nullable String clockId) {
        int index = stageIndex(at + ".stage", stageId);
        if (index < 0) {
            return null;
        }
        ObjectNode stage = (ObjectNode) stages().get(index);
        List<String> ids = new ArrayList<>();
        if (stage.get("clocks") instanceof ArrayNode clocks) {
            for (JsonNode c : clocks) {
                if (c instanceof ObjectNode clock) {
                    if (text(clock, "id").equals(clockId == null ? "" : clockId.strip())) {
                        return clock;
                    }
                    ids.add(text(clock, "id"));
                }
            }
        }
        errors.add(new FieldError(at + ".clock", (clockId == null || clockId.isBlank() ? "is required"
                : "is '" + clockId + "', which is not a clock of " + stageId) + "; its clocks are "
                + (ids.isEmpty() ? "none" : String.join(", ", ids))));
        return null;
    }

    private List<String> roles() {
        List<String> roles = new ArrayList<>();
        if (root.get("roles") instanceof ArrayNode list) {
            list.forEach(r -> roles.add(r.get("id") == null ? "" : r.get("id").asString()));
        }
        return roles;
    }

    private String where(@Nullable String stageId, ObjectNode clock) {
        return "stage " + (stageIndex(null, stageId) + 1) + " '" + text(clock, "name") + "'";
    }

    private static void withoutCites(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("cite");
            object.forEach(PackDraft::withoutCites);
        } else if (node instanceof ArrayNode array) {
            array.forEach(PackDraft::withoutCites);
        }
    }

    private static String text(ObjectNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : value.asString();
    }

    // ---- figures ----------------------------------------------------------------------------------------------------

    /** The longest a clock or extension may be in each unit: a year. */
    static int longest(ClockUnit unit) {
        return switch (unit) {
            case WORKING_DAYS -> 260;
            case CLOCK_HOURS -> 8784;
            case CALENDAR_DAYS -> 366;
            case WEEKS -> 52;
            case CALENDAR_MONTHS -> 12;
        };
    }

    private @Nullable Integer length(String field, @Nullable Integer length, @Nullable ClockUnit unit) {
        if (length == null) {
            errors.add(new FieldError(field, "is required: a whole number, such as 10"));
            return null;
        }
        if (length < 1) {
            errors.add(new FieldError(field, "is " + length + "; it must be at least 1"));
            return null;
        }
        if (unit != null && length > longest(unit)) {
            errors.add(new FieldError(field, "is " + length + "; at most " + unit.describe(longest(unit)) + " (a year)"));
            return null;
        }
        return length;
    }

    /** The unit a figure such as "10 working days" is written in, by the pack's own reading. */
    private static @Nullable ClockUnit unitOf(String figure) {
        String words = figure.replaceFirst("^\\s*\\d+\\s+", "").strip().toLowerCase(Locale.ROOT);
        return unit(words.replace(' ', '-')).orElse(null);
    }

    private @Nullable ClockUnit unit(String field, String text) {
        return unit(text.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-')).orElseGet(() -> {
            errors.add(new FieldError(field, "is '" + text + "'; use working-days, calendar-days, hours, weeks or months"));
            return null;
        });
    }

    static Optional<ClockUnit> unit(String slug) {
        return Optional.ofNullable(switch (slug) {
            case "working-day", "working-days", "business-days" -> ClockUnit.WORKING_DAYS;
            case "hour", "hours", "clock-hours" -> ClockUnit.CLOCK_HOURS;
            case "calendar-day", "calendar-days" -> ClockUnit.CALENDAR_DAYS;
            case "week", "weeks" -> ClockUnit.WEEKS;
            case "month", "months", "calendar-month", "calendar-months" -> ClockUnit.CALENDAR_MONTHS;
            default -> null;
        });
    }

    /** The unit as the API and the form write it. */
    static String slug(ClockUnit unit) {
        return switch (unit) {
            case WORKING_DAYS -> "working-days";
            case CLOCK_HOURS -> "hours";
            case CALENDAR_DAYS -> "calendar-days";
            case WEEKS -> "weeks";
            case CALENDAR_MONTHS -> "months";
        };
    }

    private PolicyPack.@Nullable Milestone milestone(String field, @Nullable String text) {
        String slug = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(PolicyPack.Milestone.values()).filter(m -> name(m).equals(slug)).findFirst().orElseGet(() -> {
            errors.add(new FieldError(field, (slug.isEmpty() ? "is required" : "is '" + text + "'") + "; use one of "
                    + Arrays.stream(PolicyPack.Milestone.values()).map(PackDraft::name).collect(Collectors.joining(", "))));
            return null;
        });
    }

    static String name(PolicyPack.Milestone milestone) {
        return milestone.name().toLowerCase(Locale.ROOT);
    }
}
