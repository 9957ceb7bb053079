package org.redress.policy;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.Jurisdiction;
import org.redress.policy.PolicyPack.AdmissionKind;
import org.redress.policy.PolicyPack.AdmissionRule;
import org.redress.policy.PolicyPack.Assumption;
import org.redress.policy.PolicyPack.CompensationAuthority;
import org.redress.policy.PolicyPack.Exclusion;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.OmbudsmanRoute;
import org.redress.policy.PolicyPack.PackOrganisation;
import org.redress.policy.PolicyPack.RecordType;
import org.redress.policy.PolicyPack.Role;
import org.redress.policy.PolicyPack.ServiceLine;
import org.redress.policy.PolicyPack.Stage;
import org.redress.policy.PolicyPack.StepKind;
import org.redress.policy.PolicyPack.StepRule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Reads a pack file into a {@link PolicyPack}, collecting every error with its line rather than stopping at the
 * first, then runs the consistency rules of {@link PackConsistency}. The file format is documented in
 * {@code docs/policy-packs.md}: readable figures ("10 working days"), lower-case names ("working-days" is not
 * needed), and an error for every key it does not know, so a typo never silently drops a rule. The small field
 * readers and their errors are {@link PackFields}; the clocks and their figures are {@link PackClocks}.
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

    private final PackFields fields = new PackFields();
    private final List<PackError> errors = fields.errors();
    private final List<PackError> warnings = fields.warnings();
    private final PackClocks clocks = new PackClocks(fields);
    /** The numbers of the optional stages the pack says are not kept (F-5): read and checked, never run. */
    private final Set<Integer> notKept = new java.util.HashSet<>();

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
            return new Reading(null, List.copyOf(errors), List.of(), fields::lineOf);
        }
        fields.index(root, "");
        if (!root.isMap()) {
            errors.add(new PackError("yaml", root.line(), "must be a block of keys such as id, title, organisation, stages"));
            return new Reading(null, List.copyOf(errors), List.of(), fields::lineOf);
        }
        PolicyPack pack = pack(root, version);
        PackConsistency.check(pack, fields::lineOf, errors, warnings);
        List<PackError> sortedErrors = sorted(errors);
        return new Reading(sortedErrors.isEmpty() ? pack : null, sortedErrors, sorted(warnings), fields::lineOf);
    }

    private static List<PackError> sorted(List<PackError> list) {
        return list.stream().distinct()
                .sorted((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : a.field().compareTo(b.field()))
                .toList();
    }

    // ---- the pack, block by block -------------------------------------------------------------------------------

    private PolicyPack pack(PackNode root, int version) {
        fields.keys(root, "", Set.of("id", "title", "organisation", "serviceLines", "roles", "recordTypes", "stages",
                "admission", "exclusions", "steps", "ombudsmen", "compensation", "assumptions", "sources", "version", "categories",
                "procedures", "hazardCategories"));
        if (root.get("version") != null) {
            warnings.add(new PackError("version", fields.lineOf("version"),
                    "is ignored: the server numbers versions (this upload becomes the next one)"));
        }
        String id = fields.id(root, "", "id");
        String title = fields.required(root, "", "title");
        PackNode org = root.get("organisation");
        PackOrganisation placeholder = new PackOrganisation("", "", Jurisdiction.ENGLAND_AND_WALES, false, List.of());
        PackOrganisation organisation = org == null ? fields.missing("", "organisation", placeholder)
                : fields.block(org, "organisation") ? organisation(org, "organisation") : placeholder;
        List<RecordType> recordTypes = fields.list(root, "", "recordTypes", this::recordType);
        if (recordTypes.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("recordTypes"))) {
            fields.error("recordTypes", "is required: at least the complaint record type");
        }
        List<Stage> stages = stages(root);
        return new PolicyPack(id, version, title, organisation,
                fields.list(root, "", "serviceLines", this::serviceLine),
                fields.list(root, "", "roles", this::role),
                recordTypes,
                stages.stream().filter(s -> !notKept.contains(s.number())).toList(),
                fields.list(root, "", "admission", this::admission),
                fields.list(root, "", "exclusions", this::exclusion),
                fields.list(root, "", "steps", this::step),
                fields.list(root, "", "ombudsmen", this::ombudsman),
                fields.list(root, "", "compensation", this::compensation),
                fields.list(root, "", "assumptions", this::assumption),
                fields.strings(root, "", "sources"),
                stages.stream().filter(s -> notKept.contains(s.number())).toList(),
                fields.list(root, "", "categories", this::category),
                fields.list(root, "", "procedures", this::procedure),
                fields.list(root, "", "hazardCategories", this::hazardCategory));
    }

    /**
     * A service line's own procedure (F-8): its stages are read as the pack's are, and all of them run; its steps, when it
     * has the key, as the pack's are (left out: the pack's steps apply by stage number).
     */
    private PolicyPack.Procedure procedure(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "name", "regulators", "stages", "cite", "steps"));
        Set<Integer> packNotKept = Set.copyOf(notKept);
        List<Stage> stages = stages(node, path + ".stages");
        if (!notKept.equals(packNotKept)) {
            notKept.clear();
            notKept.addAll(packNotKept);
            fields.error(path + ".stages", "has a stage that is not kept; a procedure lists only the stages it runs");
        }
        if (node.get("stages") == null) {
            fields.error(path + ".stages", "is required: the procedure's stages, in order");
        }
        @Nullable List<StepRule> steps = node.get("steps") == null ? null : fields.list(node, path, "steps", this::step);
        return new PolicyPack.Procedure(fields.id(node, path, "id"), fields.required(node, path, "name"),
                fields.strings(node, path, "regulators"), stages, fields.optional(node, path, "cite"), steps);
    }

    /** One of Awaab's Law's hazard categories with the day the law applies to it from (R-3, issue 23). */
    private PolicyPack.HazardCategory hazardCategory(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "name", "alsoCalled", "from", "emergencies", "coversTheRest", "confirmed", "cite"));
        String from = fields.optional(node, path, "from");
        java.time.LocalDate day = null;
        if (from != null) {
            try {
                day = java.time.LocalDate.parse(from.strip());
            } catch (java.time.format.DateTimeParseException e) {
                fields.error(path + ".from", "is '" + from + "'; give the day the law applies from as YYYY-MM-DD, e.g. 2025-10-27");
            }
        }
        return new PolicyPack.HazardCategory(fields.id(node, path, "id"), fields.required(node, path, "name"),
                fields.strings(node, path, "alsoCalled"), day, fields.bool(node, path, "emergencies", false),
                fields.bool(node, path, "coversTheRest", false), fields.bool(node, path, "confirmed", true), fields.optional(node, path, "cite"));
    }

    private PolicyPack.ComplaintCategory category(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "name", "cite"));
        return new PolicyPack.ComplaintCategory(fields.id(node, path, "id"), fields.required(node, path, "name"), fields.optional(node, path, "cite"));
    }

    private PackOrganisation organisation(PackNode node, String path) {
        fields.keys(node, path, Set.of("code", "name", "jurisdiction", "socialLandlord", "regulators", "phone"));
        String code = fields.id(node, path, "code");
        String name = fields.required(node, path, "name");
        Jurisdiction jurisdiction = Jurisdiction.ENGLAND_AND_WALES;
        String slug = fields.required(node, path, "jurisdiction");
        if (!slug.isEmpty()) {
            jurisdiction = Jurisdiction.fromSlug(slug.toLowerCase(Locale.ROOT))
                    .or(() -> Arrays.stream(Jurisdiction.values()).filter(j -> j.name().equalsIgnoreCase(slug)).findFirst())
                    .orElseGet(() -> {
                        fields.error(path + ".jurisdiction", "is '" + slug + "'; use one of "
                                + Arrays.stream(Jurisdiction.values()).map(Jurisdiction::slug).collect(Collectors.joining(", ")));
                        return Jurisdiction.ENGLAND_AND_WALES;
                    });
        }
        return new PackOrganisation(code, name, jurisdiction, fields.bool(node, path, "socialLandlord", false),
                fields.strings(node, path, "regulators"), fields.optional(node, path, "phone"));
    }

    private ServiceLine serviceLine(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "name", "ombudsman", "serviceAreas", "procedure"));
        return new ServiceLine(fields.id(node, path, "id"), fields.required(node, path, "name"), fields.required(node, path, "ombudsman"),
                fields.strings(node, path, "serviceAreas"), fields.optional(node, path, "procedure"));
    }

    private Role role(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "name", "cite"));
        return new Role(fields.id(node, path, "id"), fields.required(node, path, "name"), fields.optional(node, path, "cite"));
    }

    private RecordType recordType(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "name", "handling", "clocks", "becomes", "cite", "tell"));
        return new RecordType(fields.id(node, path, "id"), fields.required(node, path, "name"),
                fields.enumValue(node, path, "handling", Handling.class, Handling.RECORDED),
                fields.list(node, path, "clocks", clocks::clock), fields.strings(node, path, "becomes"), fields.optional(node, path, "cite"),
                fields.strings(node, path, "tell"));
    }

    private List<Stage> stages(PackNode root) {
        return stages(root, "stages");
    }

    /** The stages under {@code path} ("stages", or a procedure's "procedures[0].stages"), numbered by position. */
    private List<Stage> stages(PackNode parent, String path) {
        PackNode stages = parent.get("stages");
        if (stages == null) {
            return List.of();
        }
        if (!stages.isList()) {
            fields.error(path, "must be a list (each entry starting with '- ')");
            return List.of();
        }
        List<Stage> result = new ArrayList<>();
        for (int i = 0; i < stages.items().size(); i++) {
            result.add(stage(stages.items().get(i), path + "[" + i + "]", i + 1));
        }
        return result;
    }

    private Stage stage(PackNode node, String path, int number) {
        if (!fields.block(node, path)) {
            return new Stage(number, "", "", "", false, List.of(), null, null);
        }
        fields.keys(node, path, Set.of("number", "id", "name", "owner", "differentHandler", "clocks", "entry", "cite", "optional", "kept",
                "coOwners", "ownerRoutedBy", "agreesContact"));
        boolean optional = fields.bool(node, path, "optional", false);
        if (node.get("kept") != null && !optional) {
            fields.error(path + ".kept", "is only for an optional stage; add 'optional: true' or leave 'kept' out");
        } else if (optional && !fields.bool(node, path, "kept", true)) {
            notKept.add(number);
        }
        Integer declared = fields.integer(node, path, "number");
        if (declared != null && declared != number) {
            fields.error(path + ".number", "is " + declared + " but this is stage " + number + " (stages are numbered in order)");
        }
        PackNode entry = node.get("entry");
        return new Stage(number, fields.id(node, path, "id"), fields.required(node, path, "name"), fields.required(node, path, "owner"),
                fields.bool(node, path, "differentHandler", false), fields.list(node, path, "clocks", clocks::clock),
                entry == null ? null : clocks.escalation(entry, path + ".entry"), fields.optional(node, path, "cite"), optional,
                fields.strings(node, path, "coOwners"), node.get("ownerRoutedBy") == null ? null
                        : fields.enumValue(node, path, "ownerRoutedBy", PolicyPack.OwnerRouting.class, PolicyPack.OwnerRouting.SERVICE_AREA),
                fields.bool(node, path, "agreesContact", false));
    }

    private AdmissionRule admission(PackNode node, String path) {
        fields.keys(node, path, Set.of("kind", "months", "decidedBy", "description", "cite", "atAnyPoint"));
        Integer months = fields.integer(node, path, "months");
        if (months != null && months < 1) {
            fields.error(path + ".months", "is " + months + "; it must be at least 1");
        }
        return new AdmissionRule(fields.enumValue(node, path, "kind", AdmissionKind.class, AdmissionKind.TIME_LIMIT), months,
                fields.optional(node, path, "decidedBy"), fields.required(node, path, "description"), fields.optional(node, path, "cite"),
                fields.bool(node, path, "atAnyPoint", false));
    }

    private Exclusion exclusion(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "description", "redirectTo", "cite", "redirectOptions", "tellOmbudsman"));
        String redirectTo = fields.optional(node, path, "redirectTo");
        List<String> options = fields.strings(node, path, "redirectOptions");
        boolean tellOmbudsman = fields.bool(node, path, "tellOmbudsman", true);
        if (!tellOmbudsman && redirectTo == null && options.isEmpty()) {
            // S0-3: a decline letter without the ombudsman must point somewhere
            fields.error(path + ".tellOmbudsman", "is false, so the decline letter must say where the matter goes instead: give redirectTo or redirectOptions");
        }
        return new Exclusion(fields.id(node, path, "id"), fields.required(node, path, "description"), redirectTo,
                fields.optional(node, path, "cite"), options, tellOmbudsman);
    }

    private StepRule step(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "kind", "stages", "beforeResponse", "role", "cite"));
        List<Integer> stages = new ArrayList<>();
        PackNode list = node.get("stages");
        if (list == null) {
            fields.error(path + ".stages", "is required: the numbers of the stages the step happens in, e.g. [2]");
        } else if (!list.isList()) {
            fields.error(path + ".stages", "must be a list of stage numbers, e.g. [1, 2]");
        } else {
            for (int i = 0; i < list.items().size(); i++) {
                Integer n = fields.asInteger(list.items().get(i), path + ".stages[" + i + "]");
                if (n != null) {
                    stages.add(n);
                }
            }
        }
        return new StepRule(fields.id(node, path, "id"), fields.enumValue(node, path, "kind", StepKind.class, StepKind.CASE_CONFERENCE),
                List.copyOf(stages), fields.bool(node, path, "beforeResponse", false), fields.optional(node, path, "role"),
                fields.optional(node, path, "cite"));
    }

    private OmbudsmanRoute ombudsman(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "name", "phone", "email", "website", "address", "conditions", "cite", "referWithin"));
        return new OmbudsmanRoute(fields.id(node, path, "id"), fields.required(node, path, "name"), fields.optional(node, path, "phone"),
                fields.optional(node, path, "email"), fields.optional(node, path, "website"), fields.optional(node, path, "address"),
                fields.optional(node, path, "conditions"), fields.optional(node, path, "cite"), clocks.referWithin(node, path));
    }

    private CompensationAuthority compensation(PackNode node, String path) {
        fields.keys(node, path, Set.of("role", "kind", "upTo", "cite"));
        BigDecimal upTo = null;
        String text = fields.optional(node, path, "upTo");
        if (text != null) {
            try {
                upTo = new BigDecimal(text.replace("£", "").replace(",", "").trim());
                if (upTo.signum() < 0) {
                    fields.error(path + ".upTo", "is " + text + "; an amount cannot be negative");
                }
            } catch (NumberFormatException e) {
                fields.error(path + ".upTo", "is '" + text + "'; write an amount in pounds such as 250 or 250.00");
            }
        }
        return new CompensationAuthority(fields.required(node, path, "role"), fields.required(node, path, "kind"), upTo,
                fields.optional(node, path, "cite"));
    }

    private Assumption assumption(PackNode node, String path) {
        fields.keys(node, path, Set.of("clause", "assumption", "source"));
        return new Assumption(fields.required(node, path, "clause"), fields.required(node, path, "assumption"),
                fields.required(node, path, "source"));
    }
}
