package org.redress.policy;

import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.RecordType;
import org.redress.policy.PolicyPack.Stage;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The rules a pack must keep to be runnable, beyond its shape: ids are unique, everything named is declared, at
 * most three stages, and every clock starts and stops on a milestone that actually happens where it runs. A clock
 * that waits for a milestone that never comes would silently never fall due, so it is an error, not a warning.
 */
final class PackConsistency {

    private static final int MOST_STAGES = 3;

    private final PolicyPack pack;
    private final ToIntFunction<String> lineOf;
    private final List<PackError> errors;
    private final List<PackError> warnings;

    private PackConsistency(PolicyPack pack, ToIntFunction<String> lineOf, List<PackError> errors, List<PackError> warnings) {
        this.pack = pack;
        this.lineOf = lineOf;
        this.errors = errors;
        this.warnings = warnings;
    }

    static void check(PolicyPack pack, ToIntFunction<String> lineOf, List<PackError> errors, List<PackError> warnings) {
        new PackConsistency(pack, lineOf, errors, warnings).checkAll();
    }

    private void checkAll() {
        unique("serviceLines", pack.serviceLines(), PolicyPack.ServiceLine::id);
        unique("roles", pack.roles(), PolicyPack.Role::id);
        unique("recordTypes", pack.recordTypes(), RecordType::id);
        // the stages run come first in the file, then those not kept (F-5): one list, so an id is unique across both
        unique("stages", java.util.stream.Stream.concat(pack.stages().stream(), pack.stagesNotKept().stream()).toList(), Stage::id);
        unique("exclusions", pack.exclusions(), PolicyPack.Exclusion::id);
        unique("steps", pack.steps(), PolicyPack.StepRule::id);
        unique("ombudsmen", pack.ombudsmen(), PolicyPack.OmbudsmanRoute::id);
        unique("categories", pack.categories(), PolicyPack.ComplaintCategory::id);
        unique("procedures", pack.procedures(), PolicyPack.Procedure::id);
        hazardCategories();

        Set<String> roles = ids(pack.roles(), PolicyPack.Role::id);
        Set<String> ombudsmen = ids(pack.ombudsmen(), PolicyPack.OmbudsmanRoute::id);
        Set<String> types = ids(pack.recordTypes(), RecordType::id);

        for (int i = 0; i < pack.serviceLines().size(); i++) {
            String ombudsman = pack.serviceLines().get(i).ombudsman();
            if (!ombudsman.isEmpty() && !ombudsmen.contains(ombudsman)) {
                error("serviceLines[" + i + "].ombudsman", "names '" + ombudsman + "', which is not declared under ombudsmen"
                        + declared(ombudsmen));
            }
        }
        for (int i = 0; i < pack.recordTypes().size(); i++) {
            recordType(pack.recordTypes().get(i), "recordTypes[" + i + "]", types);
            for (int j = 0; j < pack.recordTypes().get(i).tell().size(); j++) {
                roleNamed(pack.recordTypes().get(i).tell().get(j), "recordTypes[" + i + "].tell[" + j + "]", roles);
            }
        }
        stages(roles);
        procedures(roles);
        for (int i = 0; i < pack.admission().size(); i++) {
            roleNamed(pack.admission().get(i).decidedBy(), "admission[" + i + "].decidedBy", roles);
        }
        steps(pack.steps(), "steps", "the pack", pack.stages().size(), roles);
        for (int i = 0; i < pack.compensation().size(); i++) {
            roleNamed(pack.compensation().get(i).role(), "compensation[" + i + "].role", roles);
        }
        if (pack.organisation().socialLandlord() && pack.ombudsmen().isEmpty()) {
            warning("ombudsmen", "a social landlord's final response must give the Housing Ombudsman's details "
                    + "(Code 6.7, A-10), but no ombudsman is declared");
        }
    }

    private void stages(Set<String> roles) {
        // the stages not kept (F-5) are checked as the stages run are, in their place in the file
        List<Stage> stages = java.util.stream.Stream.concat(pack.stages().stream(), pack.stagesNotKept().stream())
                .sorted(java.util.Comparator.comparingInt(Stage::number)).toList();
        boolean staged = pack.recordTypes().stream().anyMatch(t -> t.handling() == Handling.STAGED);
        if (staged && stages.isEmpty()) {
            error("stages", "is empty, but a record type is handled 'staged'; declare at least one stage");
        }
        if (!staged && !stages.isEmpty()) {
            warning("stages", "no record type is handled 'staged', so these stages are never used");
        }
        stageList(roles, stages, "stages", pack.stages().size());
    }

    /**
     * A service line's own procedure (F-8): named by a service line, its stages checked as the pack's are; a line naming a
     * procedure that is not declared is an error, a procedure no line names a warning.
     */
    private void procedures(Set<String> roles) {
        Set<String> declared = ids(pack.procedures(), PolicyPack.Procedure::id);
        Set<String> named = new java.util.HashSet<>();
        for (int i = 0; i < pack.serviceLines().size(); i++) {
            String procedure = pack.serviceLines().get(i).procedure();
            if (procedure == null) {
                continue;
            }
            named.add(procedure);
            if (!declared.contains(procedure)) {
                error("serviceLines[" + i + "].procedure", "names '" + procedure + "', which is not declared under procedures"
                        + declared(declared) + "; leave it out for the pack's own stages");
            }
        }
        for (int i = 0; i < pack.procedures().size(); i++) {
            PolicyPack.Procedure procedure = pack.procedures().get(i);
            String path = "procedures[" + i + "]";
            if (procedure.stages().isEmpty()) {
                error(path + ".stages", "is empty; a procedure has one, two or three stages (H-10)");
            }
            unique(path + ".stages", procedure.stages(), Stage::id);
            stageList(roles, procedure.stages(), path + ".stages", procedure.stages().size());
            if (procedure.steps() != null) {
                unique(path + ".steps", procedure.steps(), PolicyPack.StepRule::id);
                steps(procedure.steps(), path + ".steps", "the procedure", procedure.stages().size(), roles);
            }
            if (!procedure.id().isEmpty() && !named.contains(procedure.id())) {
                warning(path, "no service line names the procedure '" + procedure.id() + "' (serviceLines[].procedure), so it never runs");
            }
        }
    }

    /** Steps (the pack's, or a procedure's own) name declared roles and stages of their own procedure. */
    private void steps(List<PolicyPack.StepRule> steps, String prefix, String whose, int stageCount, Set<String> roles) {
        for (int i = 0; i < steps.size(); i++) {
            PolicyPack.StepRule step = steps.get(i);
            roleNamed(step.role(), prefix + "[" + i + "].role", roles);
            for (int j = 0; j < step.stages().size(); j++) {
                int n = step.stages().get(j);
                if (n < 1 || n > stageCount) {
                    error(prefix + "[" + i + "].stages[" + j + "]", "is stage " + n + ", but " + whose + " has "
                            + stageCount + " stage" + (stageCount == 1 ? "" : "s"));
                }
            }
        }
    }

    private void stageList(Set<String> roles, List<Stage> stages, String prefix, int run) {
        if (run > MOST_STAGES) {
            error(prefix + "[" + MOST_STAGES + "]", "a procedure has one, two or three stages (H-10), not " + run);
        }
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            String path = prefix + "[" + i + "]";
            roleNamed(stage.owner(), path + ".owner", roles);
            for (int j = 0; j < stage.coOwners().size(); j++) {
                roleNamed(stage.coOwners().get(j), path + ".coOwners[" + j + "]", roles);
            }
            unique(path + ".clocks", stage.clocks(), ClockRule::id);
            Set<Milestone> happen = happening(EnumSet.of(Milestone.RECEIVED, Milestone.LOGGED, Milestone.RESPONDED,
                    Milestone.CLOSED), stage.clocks());
            for (int j = 0; j < stage.clocks().size(); j++) {
                clock(stage.clocks().get(j), path + ".clocks[" + j + "]", happen, "stage " + stage.number());
            }
            if (i == 0 && stage.entry() != null) {
                error(path + ".entry", "stage 1 is where a case starts; only a later stage has an entry (escalation) rule");
            }
            if (i > 0 && stage.entry() == null) {
                warning(path, "has no entry rule: a complainant may escalate at any time, with no refusal grounds");
            }
            PolicyPack.Escalation entry = stage.entry();
            furtherStage(stages, i, path);
            if (i > 0 && entry != null) {
                List<String> earlier = stages.subList(0, i).stream().filter(s -> !pack.stagesNotKept().contains(s)).map(Stage::id).toList();
                for (int j = 0; j < entry.from().size(); j++) {
                    if (!earlier.contains(entry.from().get(j))) {
                        error(path + ".entry.from[" + j + "]", "names '" + entry.from().get(j) + "', which is not an earlier stage "
                                + "the procedure runs" + declared(Set.copyOf(earlier)));
                    }
                }
            }
            if (i > 0 && entry != null && entry.window() != null
                    && !EnumSet.of(Milestone.RESPONDED, Milestone.CLOSED).contains(entry.window().from())) {
                error(path + ".entry.window.from", "is '" + name(entry.window().from()) + "'; the window to escalate "
                        + "runs from the previous stage's response or closure (responded, closed)");
            }
        }
    }

    /**
     * An optional stage (F-5) comes after the final internal stage: never first, never followed by a stage that is not
     * optional, and one not kept is never followed by one that is.
     */
    private void furtherStage(List<Stage> stages, int i, String path) {
        Stage stage = stages.get(i);
        boolean kept = !pack.stagesNotKept().contains(stage);
        if (i == 0 && stage.optional()) {
            error(path + ".optional", "stage 1 is where every case starts, so it cannot be optional");
        }
        if (i > 0) {
            Stage before = stages.get(i - 1);
            if (before.optional() && !stage.optional()) {
                error(path + ".optional", "an optional stage comes after the stages every case may go through; '"
                        + before.id() + "' is optional, so this one must be too");
            } else if (kept && pack.stagesNotKept().contains(before)) {
                error(path + ".kept", "'" + before.id() + "' before it is not kept, so a case could never reach this one");
            }
        }
    }

    private void recordType(RecordType type, String path, Set<String> types) {
        unique(path + ".clocks", type.clocks(), ClockRule::id);
        Set<Milestone> intrinsic = switch (type.handling()) {
            case STAGED -> EnumSet.of(Milestone.RECEIVED, Milestone.LOGGED, Milestone.ACKNOWLEDGED, Milestone.RESPONDED,
                    Milestone.CLOSED);
            case CLOCKED -> EnumSet.of(Milestone.RECEIVED, Milestone.LOGGED, Milestone.RESPONDED, Milestone.CLOSED);
            // Compliments, feedback and suggestions are acknowledged and recorded (F-1), never answered as a complaint is.
            case RECORDED -> EnumSet.of(Milestone.RECEIVED, Milestone.LOGGED, Milestone.CLOSED);
        };
        Set<Milestone> happen = happening(intrinsic, type.clocks());
        if (type.handling() == Handling.RECORDED) {
            happen.remove(Milestone.RESPONDED);
        }
        for (int j = 0; j < type.clocks().size(); j++) {
            clock(type.clocks().get(j), path + ".clocks[" + j + "]", happen, "a " + name(type.handling()) + " record type");
        }
        if (type.handling() == Handling.CLOCKED && type.clocks().isEmpty()) {
            warning(path + ".handling", "is 'clocked' but the type has no clocks; 'recorded' may be meant");
        }
        for (int j = 0; j < type.becomes().size(); j++) {
            String target = type.becomes().get(j);
            if (!types.contains(target)) {
                error(path + ".becomes[" + j + "]", "names '" + target + "', which is not a declared record type" + declared(types));
            } else if (target.equals(type.id())) {
                error(path + ".becomes[" + j + "]", "a record type cannot become itself");
            }
        }
    }

    /** The milestones that happen: the intrinsic ones, and any a clock stops on (that clock makes it a step). */
    private static Set<Milestone> happening(Set<Milestone> intrinsic, List<ClockRule> clocks) {
        Set<Milestone> happen = EnumSet.copyOf(intrinsic);
        clocks.forEach(c -> happen.add(c.stops()));
        return happen;
    }

    private void clock(ClockRule clock, String path, Set<Milestone> happen, String where) {
        if (!happen.contains(clock.starts())) {
            error(path + ".from", "is '" + name(clock.starts()) + "', which never happens in " + where
                    + (clock.starts() == Milestone.ACKNOWLEDGED || clock.starts() == Milestone.CONTACTED
                    ? ": no clock there stops at '" + name(clock.starts()) + "'" : ""));
        }
        if (!happen.contains(clock.stops())) {
            error(path + ".until", "is '" + name(clock.stops()) + "', which never happens in " + where
                    + ", so the clock would never stop");
        }
        if (clock.starts().compareTo(clock.stops()) >= 0) {
            error(path + ".until", "is '" + name(clock.stops()) + "', which does not come after '" + name(clock.starts())
                    + "' (milestones run received, logged, acknowledged, contacted, responded, closed)");
        }
    }

    private void roleNamed(String role, String path, Set<String> roles) {
        if (role != null && !role.isEmpty() && !roles.contains(role)) {
            error(path, "names the role '" + role + "', which is not declared under roles" + declared(roles));
        }
    }

    /**
     * Awaab's Law's hazard categories (R-3, issue 23): unique ids and names, one entry at most for emergencies and one for
     * the rest, and the emergencies' entry has its day; a name an entry is also called must not be another entry's.
     */
    private void hazardCategories() {
        List<PolicyPack.HazardCategory> list = pack.hazardCategories();
        unique("hazardCategories", list, PolicyPack.HazardCategory::id);
        Map<String, Integer> names = new HashMap<>();
        int emergencies = -1;
        int rest = -1;
        for (int i = 0; i < list.size(); i++) {
            PolicyPack.HazardCategory c = list.get(i);
            String path = "hazardCategories[" + i + "]";
            List<String> called = new java.util.ArrayList<>(List.of(c.name()));
            called.addAll(c.alsoCalled());
            for (int j = 0; j < called.size(); j++) {
                String name = called.get(j).strip().toLowerCase(Locale.ROOT);
                Integer first = name.isEmpty() ? null : names.putIfAbsent(name, i);
                if (first != null && first != i) {
                    error(path + (j == 0 ? ".name" : ".alsoCalled[" + (j - 1) + "]"), "'" + called.get(j) + "' already names hazardCategories["
                            + first + "]; a name may mean one category only");
                }
            }
            if (c.emergencies()) {
                if (emergencies >= 0) {
                    error(path + ".emergencies", "only one entry covers emergencies; hazardCategories[" + emergencies + "] already does");
                }
                emergencies = i;
                if (c.from() == null) {
                    error(path + ".from", "is required for the entry that covers emergencies: the day the law applies to them from");
                }
            }
            if (c.coversTheRest()) {
                if (rest >= 0) {
                    error(path + ".coversTheRest", "only one entry covers the rest; hazardCategories[" + rest + "] already does");
                }
                rest = i;
            }
        }
    }

    private <T> void unique(String path, List<T> items, Function<T, String> id) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(value, i);
            if (first != null) {
                error(path + "[" + i + "].id", "'" + value + "' is already used on line " + lineOf.applyAsInt(path + "[" + first + "].id"));
            }
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }

    private static String declared(Set<String> ids) {
        return ids.isEmpty() ? " (none are)" : " (" + ids.stream().sorted().collect(Collectors.joining(", ")) + ")";
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void error(String path, String message) {
        errors.add(new PackError(path, lineOf.applyAsInt(path), message));
    }

    private void warning(String path, String message) {
        warnings.add(new PackError(path, lineOf.applyAsInt(path), message));
    }
}
