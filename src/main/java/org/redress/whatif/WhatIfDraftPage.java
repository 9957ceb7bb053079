package org.redress.whatif;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.people.Organisations;
import org.redress.policy.PackDrafts;
import org.redress.policy.PackSummary;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * "Make a draft by changing figures" (issue 25): the figures of a stored version of the procedure (by default the active
 * one) in a form, stage by stage and clock by clock; what is changed, removed or added becomes a draft through
 * {@link PackDrafts}, and the what-if page opens again with the new draft chosen, ready to replay.
 */
@Controller
class WhatIfDraftPage implements org.redress.pages.StaffPage {

    private static final Pattern CHANGE_FIELD = Pattern.compile("^changes\\[(\\d+)](?:\\.(\\w+))?.*");

    private final PackDrafts drafts;
    private final PolicyPacks packs;
    private final Organisations organisations;

    WhatIfDraftPage(PackDrafts drafts, PolicyPacks packs, Organisations organisations) {
        this.drafts = drafts;
        this.packs = packs;
        this.organisations = organisations;
    }

    /** One clock's figures as the form shows them; {@code key} begins the names of its inputs. */
    record ClockFields(String key, String name, String length, String unit, String start, List<ExtensionFields> extensions) {
    }

    record ExtensionFields(String key, int number, String size, String unit, String times, boolean limited) {
    }

    record StageFields(String id, int number, String name, boolean kept, boolean removed, List<ClockFields> clocks) {
    }

    /** A choice in a list: its value and its words. */
    record Choice(String value, String label) {
    }

    static final List<Choice> UNITS = List.of(new Choice("working-days", "working days"), new Choice("calendar-days", "calendar days"),
            new Choice("hours", "hours"), new Choice("weeks", "weeks"), new Choice("months", "calendar months"));

    static final List<Choice> STARTS = List.of(new Choice("received", "the complaint, or the request to take it further, is received"),
            new Choice("logged", "it is logged"), new Choice("acknowledged", "it is acknowledged"),
            new Choice("contacted", "the complainant is contacted"), new Choice("responded", "the response is sent"),
            new Choice("closed", "the case is closed"));

    @GetMapping("/staff/{organisation}/what-if/drafts/new")
    String form(@PathVariable String organisation, @RequestParam(required = false) @Nullable Integer from, Model model) {
        PolicyPack base = base(organisation, from);
        return form(organisation, base, new LinkedMultiValueMap<>(), List.of(), model);
    }

    @PostMapping("/staff/{organisation}/what-if/drafts")
    String make(@PathVariable String organisation, @RequestParam MultiValueMap<String, String> form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        Integer from = number(form.getFirst("from"));
        PolicyPack base = base(organisation, from);
        List<FieldError> errors = new ArrayList<>();
        // every input of this form is a figure, a choice or a name
        form.forEach((input, values) -> values.stream().filter(v -> v != null && v.length() > TextLimits.NAME).findFirst()
                .ifPresent(v -> errors.add(new FieldError(input, TextLimits.tooLong(TextLimits.NAME)))));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(organisation, base, new LinkedMultiValueMap<>(), errors, model);
        }
        List<Map<String, String>> inputs = new ArrayList<>();
        List<PackDrafts.DraftChange> changes = changes(base, form, errors, inputs);
        if (errors.isEmpty() && changes.isEmpty()) {
            errors.add(new FieldError("figures", "Change at least one figure, remove a stage or add one"));
        }
        if (errors.isEmpty()) {
            try {
                PackDrafts.Made made = drafts.fromFigures(organisation, new PackDrafts.DraftRequest(base.version(), changes));
                redirect.addFlashAttribute("made", "Version " + made.version() + " is stored as a draft. " + made.note());
                return "redirect:/staff/" + organisation + "/what-if?version=" + made.version();
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.add(new FieldError(input(f.field(), inputs), f.message())));
            } catch (RefusedException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                errors.add(new FieldError(input(e.field(), inputs), "This draft would not work as a procedure: " + e.getMessage()));
                return form(organisation, base, form, errors, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return form(organisation, base, form, errors, model);
    }

    /** A version the pack does not have, or an organisation with no pack, is a 404 page. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    private PolicyPack base(String organisation, @Nullable Integer from) {
        PolicyPack active = packs.active(organisation).orElseThrow(() -> new NotFoundException("organisation",
                "the organisation has no policy pack"));
        return from == null || from == active.version() ? active : packs.version(active.id(), from);
    }

    private String form(String organisation, PolicyPack base, MultiValueMap<String, String> sent, List<FieldError> errors, Model model) {
        model.addAttribute("organisation", organisations.require(organisation));
        model.addAttribute("base", base);
        model.addAttribute("versions", packs.list().stream().filter(p -> p.id().equals(base.id()))
                .sorted(Comparator.comparingInt(PackSummary::version).reversed()).toList());
        model.addAttribute("stages", stages(base).stream().map(s -> fields(s, base, sent)).toList());
        model.addAttribute("units", UNITS);
        model.addAttribute("starts", STARTS);
        model.addAttribute("roles", base.roles());
        model.addAttribute("add", Map.of("after", value(sent, "add-after", ""), "name", value(sent, "add-name", ""),
                "copy", value(sent, "add-copy", ""), "owner", value(sent, "add-owner", "")));
        model.addAttribute("errors", errors);
        return "whatif/draft";
    }

    /** Every stage in the file's order, those not kept included (they may be removed too). */
    private static List<PolicyPack.Stage> stages(PolicyPack pack) {
        return Stream.concat(pack.stages().stream(), pack.stagesNotKept().stream())
                .sorted(Comparator.comparingInt(PolicyPack.Stage::number)).toList();
    }

    private static StageFields fields(PolicyPack.Stage stage, PolicyPack base, MultiValueMap<String, String> sent) {
        List<ClockFields> clocks = new ArrayList<>();
        for (PolicyPack.ClockRule clock : stage.clocks()) {
            String key = stage.id() + "--" + clock.id();
            List<ExtensionFields> extensions = new ArrayList<>();
            for (int i = 0; i < clock.extensions().size(); i++) {
                PolicyPack.ExtensionRule e = clock.extensions().get(i);
                String ext = key + "--extension-" + (i + 1);
                extensions.add(new ExtensionFields(ext, i + 1, value(sent, ext + "--size", e.upTo() == null ? "" : e.upTo().toString()),
                        value(sent, ext + "--unit", slug(e.unit())), value(sent, ext + "--times", e.maxTimes() == null ? "" : e.maxTimes().toString()),
                        e.maxTimes() != null));
            }
            clocks.add(new ClockFields(key, clock.name(), value(sent, key + "--length", String.valueOf(clock.amount())),
                    value(sent, key + "--unit", slug(clock.unit())), value(sent, key + "--start", name(clock.starts())), extensions));
        }
        List<String> removed = sent.getOrDefault("remove", List.of());
        return new StageFields(stage.id(), stage.number(), stage.name(), !base.stagesNotKept().contains(stage), removed.contains(stage.id()),
                clocks);
    }

    /**
     * The changes the form asks for: each figure that differs from the base version, then a stage added, then the stages
     * removed; {@code inputs} gets, for each change, which input each of its fields came from.
     */
    private static List<PackDrafts.DraftChange> changes(PolicyPack base, MultiValueMap<String, String> form, List<FieldError> errors,
                                                   List<Map<String, String>> inputs) {
        List<PackDrafts.DraftChange> changes = new ArrayList<>();
        List<String> removed = form.getOrDefault("remove", List.of());
        for (PolicyPack.Stage stage : stages(base)) {
            if (removed.contains(stage.id())) {
                continue;
            }
            for (PolicyPack.ClockRule clock : stage.clocks()) {
                String key = stage.id() + "--" + clock.id();
                Integer length = form.containsKey(key + "--length") ? whole(form, key + "--length", errors) : Integer.valueOf(clock.amount());
                String unit = value(form, key + "--unit", slug(clock.unit()));
                if (length != null && (length != clock.amount() || !unit.equals(slug(clock.unit())))) {
                    changes.add(PackDrafts.DraftChange.clockLength(stage.id(), clock.id(), length, unit));
                    inputs.add(Map.of("length", key + "--length", "unit", key + "--unit", "", key + "--length"));
                }
                String start = value(form, key + "--start", name(clock.starts()));
                if (!start.equals(name(clock.starts()))) {
                    changes.add(PackDrafts.DraftChange.clockStart(stage.id(), clock.id(), start));
                    inputs.add(Map.of("start", key + "--start", "", key + "--start"));
                }
                for (int i = 0; i < clock.extensions().size(); i++) {
                    PolicyPack.ExtensionRule e = clock.extensions().get(i);
                    String ext = key + "--extension-" + (i + 1);
                    Integer size = form.getFirst(ext + "--size") == null || value(form, ext + "--size", "").isEmpty() ? null
                            : whole(form, ext + "--size", errors);
                    String extUnit = value(form, ext + "--unit", slug(e.unit()));
                    Integer times = value(form, ext + "--times", "").isEmpty() ? null : whole(form, ext + "--times", errors);
                    boolean sized = size != null && (!size.equals(e.upTo()) || !extUnit.equals(slug(e.unit())));
                    boolean limited = times != null && !times.equals(e.maxTimes());
                    if (sized || limited) {
                        changes.add(PackDrafts.DraftChange.extensionSize(stage.id(), clock.id(), i + 1, sized ? size : null,
                                sized ? extUnit : null, limited ? times : null));
                        inputs.add(Map.of("size", ext + "--size", "unit", ext + "--unit", "maxTimes", ext + "--times", "", ext + "--size"));
                    }
                }
            }
        }
        String after = value(form, "add-after", "");
        if (!after.isEmpty()) {
            String name = value(form, "add-name", "");
            String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (name.isEmpty()) {
                errors.add(new FieldError("add-name", "Enter the new stage's name"));
            } else if (id.isEmpty()) {
                errors.add(new FieldError("add-name", "Enter a name with letters or digits in it"));
            } else {
                changes.add(PackDrafts.DraftChange.addStage(after, id.length() > 60 ? id.substring(0, 60).replaceAll("-+$", "") : id, name,
                        blankToNull(value(form, "add-copy", "")), blankToNull(value(form, "add-owner", ""))));
                inputs.add(Map.of("after", "add-after", "name", "add-name", "id", "add-name", "copyOf", "add-copy", "owner", "add-owner",
                        "", "add-after"));
            }
        }
        for (String stage : removed) {
            changes.add(PackDrafts.DraftChange.removeStage(stage));
            inputs.add(Map.of("", "remove-" + stage));
        }
        return changes;
    }

    /** The input a service error names ({@code changes[2].length}), or the form's figures when it names none. */
    private static String input(@Nullable String field, List<Map<String, String>> inputs) {
        Matcher m = field == null ? null : CHANGE_FIELD.matcher(field);
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= inputs.size()) {
            return "figures";
        }
        Map<String, String> of = inputs.get(Integer.parseInt(m.group(1)));
        return of.getOrDefault(m.group(2) == null ? "" : m.group(2), of.get(""));
    }

    private static @Nullable Integer whole(MultiValueMap<String, String> form, String input, List<FieldError> errors) {
        String text = value(form, input, "");
        Integer n = number(text);
        if (n == null) {
            errors.add(new FieldError(input, text.isEmpty() ? "Enter a number" : "Enter a whole number, such as 10"));
        }
        return n;
    }

    private static @Nullable Integer number(@Nullable String text) {
        if (text == null || !text.strip().matches("-?\\d{1,6}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static String value(MultiValueMap<String, String> form, String input, String otherwise) {
        String value = form.getFirst(input);
        return value == null ? otherwise : value.strip();
    }

    private static @Nullable String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    static String slug(ClockUnit unit) {
        return switch (unit) {
            case WORKING_DAYS -> "working-days";
            case CLOCK_HOURS -> "hours";
            case CALENDAR_DAYS -> "calendar-days";
            case WEEKS -> "weeks";
            case CALENDAR_MONTHS -> "months";
        };
    }

    static String name(PolicyPack.Milestone milestone) {
        return milestone.name().toLowerCase(Locale.ROOT);
    }
}
