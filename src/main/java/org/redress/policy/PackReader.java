package org.redress.policy;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Jurisdiction;
import org.redress.policy.PolicyPack.AdmissionKind;
import org.redress.policy.PolicyPack.AdmissionRule;
import org.redress.policy.PolicyPack.Assumption;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.CompensationAuthority;
import org.redress.policy.PolicyPack.Escalation;
import org.redress.policy.PolicyPack.Exclusion;
import org.redress.policy.PolicyPack.ExtensionRule;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.OmbudsmanRoute;
import org.redress.policy.PolicyPack.PackOrganisation;
import org.redress.policy.PolicyPack.RecordType;
import org.redress.policy.PolicyPack.Role;
import org.redress.policy.PolicyPack.ServiceLine;
import org.redress.policy.PolicyPack.Stage;
import org.redress.policy.PolicyPack.StepKind;
import org.redress.policy.PolicyPack.StepRule;
import org.redress.policy.PolicyPack.Window;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a pack file into a {@link PolicyPack}, collecting every error with its line rather than stopping at the
 * first, then runs the consistency rules of {@link PackConsistency}. The file format is documented in
 * {@code docs/policy-packs.md}: readable figures ("10 working days"), lower-case names ("working-days" is not
 * needed), and an error for every key it does not know, so a typo never silently drops a rule.
 */
final class PackReader {

    /** The outcome of reading one file: a pack only when there are no errors. */
    record Reading(@Nullable PolicyPack pack, List<PackError> errors, List<PackError> warnings,
                   ToIntFunction<String> lines) {

        boolean valid() {
            return pack != null && errors.isEmpty();
        }

        /** The line of a field's path, or of the nearest block that holds it. */
        int line(String path) {
            return lines.applyAsInt(path);
        }
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FIGURE = Pattern.compile("\\s*([+-]?\\d+)\\s+([A-Za-z ]+?)\\s*");

    private final List<PackError> errors = new ArrayList<>();
    private final List<PackError> warnings = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private PackReader() {
    }

    /** Reads a pack; {@code version} is the number the store gives it (packs do not number themselves). */
    static Reading read(String yaml, int version) {
        return new PackReader().readAll(yaml, version);
    }

    private Reading readAll(String yaml, int version) {
        PackNode.Parsed parsed = PackNode.parse(yaml);
        errors.addAll(parsed.errors());
        PackNode root = parsed.root();
        if (root == null) {
            return new Reading(null, List.copyOf(errors), List.of(), this::lineOf);
        }
        index(root, "");
        if (!root.isMap()) {
            errors.add(new PackError("yaml", root.line(), "must be a block of keys such as id, title, organisation, stages"));
            return new Reading(null, List.copyOf(errors), List.of(), this::lineOf);
        }
        PolicyPack pack = pack(root, version);
        PackConsistency.check(pack, this::lineOf, errors, warnings);
        List<PackError> sortedErrors = sorted(errors);
        return new Reading(sortedErrors.isEmpty() ? pack : null, sortedErrors, sorted(warnings), this::lineOf);
    }

    private static List<PackError> sorted(List<PackError> list) {
        return list.stream().distinct()
                .sorted((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : a.field().compareTo(b.field()))
                .toList();
    }

    private void index(PackNode node, String path) {
        lines.put(path, node.line());
        node.fields().forEach((name, child) -> index(child, path.isEmpty() ? name : path + "." + name));
        for (int i = 0; i < node.items().size(); i++) {
            index(node.items().get(i), path + "[" + i + "]");
        }
    }

    /** The line of a path, or of its nearest parent that is in the file (a missing key is reported on its block). */
    int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, cut);
        }
    }

    // ---- the pack, block by block -------------------------------------------------------------------------------

    private PolicyPack pack(PackNode root, int version) {
        keys(root, "", Set.of("id", "title", "organisation", "serviceLines", "roles", "recordTypes", "stages",
                "admission", "exclusions", "steps", "ombudsmen", "compensation", "assumptions", "sources", "version"));
        if (root.get("version") != null) {
            warnings.add(new PackError("version", lineOf("version"),
                    "is ignored: the server numbers versions (this upload becomes the next one)"));
        }
        String id = id(root, "", "id");
        String title = required(root, "", "title");
        PackNode org = root.get("organisation");
        PackOrganisation placeholder = new PackOrganisation("", "", Jurisdiction.ENGLAND_AND_WALES, false, List.of());
        PackOrganisation organisation = org == null ? missing("", "organisation", placeholder)
                : block(org, "organisation") ? organisation(org, "organisation") : placeholder;
        List<RecordType> recordTypes = list(root, "", "recordTypes", this::recordType);
        if (recordTypes.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("recordTypes"))) {
            error("recordTypes", "is required: at least the complaint record type");
        }
        return new PolicyPack(id, version, title, organisation,
                list(root, "", "serviceLines", this::serviceLine),
                list(root, "", "roles", this::role),
                recordTypes,
                stages(root),
                list(root, "", "admission", this::admission),
                list(root, "", "exclusions", this::exclusion),
                list(root, "", "steps", this::step),
                list(root, "", "ombudsmen", this::ombudsman),
                list(root, "", "compensation", this::compensation),
                list(root, "", "assumptions", this::assumption),
                strings(root, "", "sources"));
    }

    private PackOrganisation organisation(PackNode node, String path) {
        keys(node, path, Set.of("code", "name", "jurisdiction", "socialLandlord", "regulators"));
        String code = id(node, path, "code");
        String name = required(node, path, "name");
        Jurisdiction jurisdiction = Jurisdiction.ENGLAND_AND_WALES;
        String slug = required(node, path, "jurisdiction");
        if (!slug.isEmpty()) {
            jurisdiction = Jurisdiction.fromSlug(slug.toLowerCase(Locale.ROOT))
                    .or(() -> Arrays.stream(Jurisdiction.values()).filter(j -> j.name().equalsIgnoreCase(slug)).findFirst())
                    .orElseGet(() -> {
                        error(path + ".jurisdiction", "is '" + slug + "'; use one of "
                                + Arrays.stream(Jurisdiction.values()).map(Jurisdiction::slug).collect(Collectors.joining(", ")));
                        return Jurisdiction.ENGLAND_AND_WALES;
                    });
        }
        return new PackOrganisation(code, name, jurisdiction, bool(node, path, "socialLandlord", false),
                strings(node, path, "regulators"));
    }

    private ServiceLine serviceLine(PackNode node, String path) {
        keys(node, path, Set.of("id", "name", "ombudsman", "serviceAreas"));
        return new ServiceLine(id(node, path, "id"), required(node, path, "name"), required(node, path, "ombudsman"),
                strings(node, path, "serviceAreas"));
    }

    private Role role(PackNode node, String path) {
        keys(node, path, Set.of("id", "name", "cite"));
        return new Role(id(node, path, "id"), required(node, path, "name"), optional(node, path, "cite"));
    }

    private RecordType recordType(PackNode node, String path) {
        keys(node, path, Set.of("id", "name", "handling", "clocks", "becomes", "cite"));
        return new RecordType(id(node, path, "id"), required(node, path, "name"),
                enumValue(node, path, "handling", Handling.class, Handling.RECORDED),
                list(node, path, "clocks", this::clock), strings(node, path, "becomes"), optional(node, path, "cite"));
    }

    private List<Stage> stages(PackNode root) {
        PackNode stages = root.get("stages");
        if (stages == null) {
            return List.of();
        }
        if (!stages.isList()) {
            error("stages", "must be a list (each entry starting with '- ')");
            return List.of();
        }
        List<Stage> result = new ArrayList<>();
        for (int i = 0; i < stages.items().size(); i++) {
            result.add(stage(stages.items().get(i), "stages[" + i + "]", i + 1));
        }
        return result;
    }

    private Stage stage(PackNode node, String path, int number) {
        if (!block(node, path)) {
            return new Stage(number, "", "", "", false, List.of(), null, null);
        }
        keys(node, path, Set.of("number", "id", "name", "owner", "differentHandler", "clocks", "entry", "cite"));
        Integer declared = integer(node, path, "number");
        if (declared != null && declared != number) {
            error(path + ".number", "is " + declared + " but this is stage " + number + " (stages are numbered in order)");
        }
        PackNode entry = node.get("entry");
        return new Stage(number, id(node, path, "id"), required(node, path, "name"), required(node, path, "owner"),
                bool(node, path, "differentHandler", false), list(node, path, "clocks", this::clock),
                entry == null ? null : escalation(entry, path + ".entry"), optional(node, path, "cite"));
    }

    private ClockRule clock(PackNode node, String path) {
        keys(node, path, Set.of("id", "name", "within", "from", "until", "extensions", "cite"));
        Figure within = figure(node, path, "within", true);
        ClockUnit unit = within == null ? ClockUnit.WORKING_DAYS : within.unit();
        List<ExtensionRule> extensions = new ArrayList<>();
        PackNode list = node.get("extensions");
        if (list != null) {
            if (!list.isList()) {
                error(path + ".extensions", "must be a list (each entry starting with '- ')");
            } else {
                for (int i = 0; i < list.items().size(); i++) {
                    extensions.add(extension(list.items().get(i), path + ".extensions[" + i + "]", unit));
                }
            }
        }
        return new ClockRule(id(node, path, "id"), required(node, path, "name"),
                enumValue(node, path, "from", Milestone.class, Milestone.RECEIVED), unit,
                within == null ? 1 : within.amount(),
                enumValue(node, path, "until", Milestone.class, Milestone.RESPONDED),
                List.copyOf(extensions), optional(node, path, "cite"));
    }

    private ExtensionRule extension(PackNode node, String path, ClockUnit clockUnit) {
        if (!block(node, path)) {
            return new ExtensionRule(null, clockUnit, false, false, false, null, null, null);
        }
        keys(node, path, Set.of("upTo", "needsAgreement", "needsReason", "tellOmbudsman", "maxTimes", "condition", "cite"));
        Figure upTo = figure(node, path, "upTo", false);
        Integer maxTimes = integer(node, path, "maxTimes");
        if (maxTimes != null && maxTimes < 1) {
            error(path + ".maxTimes", "is " + maxTimes + "; it must be at least 1 (leave it out for no limit)");
        }
        return new ExtensionRule(upTo == null ? null : upTo.amount(), upTo == null ? clockUnit : upTo.unit(),
                bool(node, path, "needsAgreement", false), bool(node, path, "needsReason", false),
                bool(node, path, "tellOmbudsman", false), maxTimes, optional(node, path, "condition"),
                optional(node, path, "cite"));
    }

    private Escalation escalation(PackNode node, String path) {
        if (!block(node, path)) {
            return new Escalation(null, List.of(), List.of(), null);
        }
        keys(node, path, Set.of("window", "refusalGrounds", "refusalMustInclude", "cite"));
        Window window = null;
        PackNode w = node.get("window");
        if (w != null && block(w, path + ".window")) {
            keys(w, path + ".window", Set.of("within", "from"));
            Figure within = figure(w, path + ".window", "within", true);
            Milestone from = enumValue(w, path + ".window", "from", Milestone.class, Milestone.RESPONDED);
            if (within != null) {
                window = new Window(within.unit(), within.amount(), from);
            }
        }
        return new Escalation(window, strings(node, path, "refusalGrounds"), strings(node, path, "refusalMustInclude"),
                optional(node, path, "cite"));
    }

    private AdmissionRule admission(PackNode node, String path) {
        keys(node, path, Set.of("kind", "months", "decidedBy", "description", "cite"));
        Integer months = integer(node, path, "months");
        if (months != null && months < 1) {
            error(path + ".months", "is " + months + "; it must be at least 1");
        }
        return new AdmissionRule(enumValue(node, path, "kind", AdmissionKind.class, AdmissionKind.TIME_LIMIT), months,
                optional(node, path, "decidedBy"), required(node, path, "description"), optional(node, path, "cite"));
    }

    private Exclusion exclusion(PackNode node, String path) {
        keys(node, path, Set.of("id", "description", "redirectTo", "cite"));
        return new Exclusion(id(node, path, "id"), required(node, path, "description"), optional(node, path, "redirectTo"),
                optional(node, path, "cite"));
    }

    private StepRule step(PackNode node, String path) {
        keys(node, path, Set.of("id", "kind", "stages", "beforeResponse", "role", "cite"));
        List<Integer> stages = new ArrayList<>();
        PackNode list = node.get("stages");
        if (list == null) {
            error(path + ".stages", "is required: the numbers of the stages the step happens in, e.g. [2]");
        } else if (!list.isList()) {
            error(path + ".stages", "must be a list of stage numbers, e.g. [1, 2]");
        } else {
            for (int i = 0; i < list.items().size(); i++) {
                Integer n = asInteger(list.items().get(i), path + ".stages[" + i + "]");
                if (n != null) {
                    stages.add(n);
                }
            }
        }
        return new StepRule(id(node, path, "id"), enumValue(node, path, "kind", StepKind.class, StepKind.CASE_CONFERENCE),
                List.copyOf(stages), bool(node, path, "beforeResponse", false), optional(node, path, "role"),
                optional(node, path, "cite"));
    }

    private OmbudsmanRoute ombudsman(PackNode node, String path) {
        keys(node, path, Set.of("id", "name", "phone", "email", "website", "address", "conditions", "cite"));
        return new OmbudsmanRoute(id(node, path, "id"), required(node, path, "name"), optional(node, path, "phone"),
                optional(node, path, "email"), optional(node, path, "website"), optional(node, path, "address"),
                optional(node, path, "conditions"), optional(node, path, "cite"));
    }

    private CompensationAuthority compensation(PackNode node, String path) {
        keys(node, path, Set.of("role", "kind", "upTo", "cite"));
        BigDecimal upTo = null;
        String text = optional(node, path, "upTo");
        if (text != null) {
            try {
                upTo = new BigDecimal(text.replace("£", "").replace(",", "").trim());
                if (upTo.signum() < 0) {
                    error(path + ".upTo", "is " + text + "; an amount cannot be negative");
                }
            } catch (NumberFormatException e) {
                error(path + ".upTo", "is '" + text + "'; write an amount in pounds such as 250 or 250.00");
            }
        }
        return new CompensationAuthority(required(node, path, "role"), required(node, path, "kind"), upTo,
                optional(node, path, "cite"));
    }

    private Assumption assumption(PackNode node, String path) {
        keys(node, path, Set.of("clause", "assumption", "source"));
        return new Assumption(required(node, path, "clause"), required(node, path, "assumption"),
                required(node, path, "source"));
    }

    // ---- small readers -------------------------------------------------------------------------------------------

    /** A figure such as "10 working days", "24 hours", "8 weeks" or "6 months". */
    record Figure(int amount, ClockUnit unit) {
    }

    private @Nullable Figure figure(PackNode node, String path, String key, boolean required) {
        String text = required ? required(node, path, key) : optional(node, path, key);
        if (text == null || text.isEmpty()) {
            return null;
        }
        String at = path + "." + key;
        Matcher m = FIGURE.matcher(text);
        if (!m.matches()) {
            error(at, "is '" + text + "'; write an amount and a unit, e.g. '10 working days', '24 hours', '8 weeks', '6 months'");
            return null;
        }
        int amount;
        try {
            amount = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            error(at, "is '" + text + "'; the amount is too large");
            return null;
        }
        ClockUnit unit = unit(m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (unit == null) {
            error(at, "has the unknown unit '" + m.group(2) + "'; use working days, hours, calendar days, weeks or months");
            return null;
        }
        if (amount <= 0) {
            error(at, "is '" + text + "'; the amount must be more than zero");
            return null;
        }
        return new Figure(amount, unit);
    }

    private static @Nullable ClockUnit unit(String words) {
        return switch (words) {
            case "working day", "working days", "business day", "business days" -> ClockUnit.WORKING_DAYS;
            case "hour", "hours", "clock hour", "clock hours" -> ClockUnit.CLOCK_HOURS;
            case "calendar day", "calendar days" -> ClockUnit.CALENDAR_DAYS;
            case "week", "weeks" -> ClockUnit.WEEKS;
            case "month", "months", "calendar month", "calendar months" -> ClockUnit.CALENDAR_MONTHS;
            default -> null;
        };
    }

    private <T> List<T> list(PackNode node, String path, String key, BiFunction<PackNode, String, T> reader) {
        PackNode list = node.get(key);
        String at = path.isEmpty() ? key : path + "." + key;
        if (list == null || list.kind() == PackNode.Kind.NULL) {
            return List.of();
        }
        if (!list.isList()) {
            error(at, "must be a list (each entry starting with '- ')");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            PackNode item = list.items().get(i);
            String itemPath = at + "[" + i + "]";
            if (block(item, itemPath)) {
                result.add(reader.apply(item, itemPath));
            }
        }
        return List.copyOf(result);
    }

    private List<String> strings(PackNode node, String path, String key) {
        PackNode list = node.get(key);
        String at = path.isEmpty() ? key : path + "." + key;
        if (list == null || list.kind() == PackNode.Kind.NULL) {
            return List.of();
        }
        if (!list.isList()) {
            error(at, "must be a list of words or sentences");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            PackNode item = list.items().get(i);
            if (item.isScalar() && item.text() != null) {
                result.add(item.text());
            } else {
                error(at + "[" + i + "]", "must be a single value, not a block or list");
            }
        }
        return List.copyOf(result);
    }

    private boolean block(PackNode node, String path) {
        if (!node.isMap()) {
            error(path, "must be a block of keys (key: value)");
            return false;
        }
        return true;
    }

    private void keys(PackNode node, String path, Set<String> known) {
        for (String key : node.fields().keySet()) {
            if (!known.contains(key)) {
                error(path.isEmpty() ? key : path + "." + key,
                        "is not a key this block knows; use " + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private String id(PackNode node, String path, String key) {
        String id = required(node, path, key);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            error(path.isEmpty() ? key : path + "." + key,
                    "is '" + id + "'; ids use lower-case letters, digits and single hyphens, e.g. 'stage-1'");
        }
        return id;
    }

    private String required(PackNode node, String path, String key) {
        String value = optional(node, path, key);
        if (value == null || value.isBlank()) {
            if (value == null && node.get(key) == null) {
                error(path.isEmpty() ? key : path + "." + key, "is required");
            } else if (value != null) {
                error(path.isEmpty() ? key : path + "." + key, "must not be empty");
            }
            return "";
        }
        return value;
    }

    private @Nullable String optional(PackNode node, String path, String key) {
        PackNode value = node.get(key);
        if (value == null || value.kind() == PackNode.Kind.NULL) {
            return null;
        }
        if (!value.isScalar()) {
            error(path.isEmpty() ? key : path + "." + key, "must be a single value, not a block or list");
            return null;
        }
        return value.text();
    }

    private boolean bool(PackNode node, String path, String key, boolean otherwise) {
        String text = optional(node, path, key);
        if (text == null) {
            return otherwise;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                error(path + "." + key, "is '" + text + "'; use true or false");
                yield otherwise;
            }
        };
    }

    private @Nullable Integer integer(PackNode node, String path, String key) {
        PackNode value = node.get(key);
        return value == null || value.kind() == PackNode.Kind.NULL ? null : asInteger(value, path + "." + key);
    }

    private @Nullable Integer asInteger(PackNode value, String path) {
        String text = value.isScalar() ? value.text() : null;
        try {
            return text == null ? fail(path, "must be a whole number") : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return fail(path, "is '" + text + "'; it must be a whole number");
        }
    }

    private @Nullable Integer fail(String path, String message) {
        error(path, message);
        return null;
    }

    private <E extends Enum<E>> E enumValue(PackNode node, String path, String key, Class<E> type, E otherwise) {
        String text = required(node, path, key);
        if (text.isEmpty()) {
            return otherwise;
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        error(path + "." + key, "is '" + text + "'; use one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
        return otherwise;
    }

    private <T> T missing(String path, String key, T placeholder) {
        error(path.isEmpty() ? key : path + "." + key, "is required");
        return placeholder;
    }

    private void error(String path, String message) {
        errors.add(new PackError(path, lineOf(path), message));
    }
}
