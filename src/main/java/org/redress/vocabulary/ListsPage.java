package org.redress.vocabulary;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The lists page for administrators (issue 20): each list with its entries, their other spellings and whether new cases
 * may choose them; a form to add an entry, one per entry to add a spelling and to stop or start using it, and whether
 * the list takes values outside it. Every form is an ordinary form: it works with the keyboard alone and without scripts.
 */
@Controller
class ListsPage implements org.redress.pages.StaffPage {

    @Override
    public java.util.List<org.redress.pages.StaffMenuItem> menu() {
        return java.util.List.of(new org.redress.pages.StaffMenuItem("Lists", "lists", 105));
    }

    private final Vocabulary vocabulary;
    private final Organisations organisations;

    ListsPage(Vocabulary vocabulary, Organisations organisations) {
        this.vocabulary = vocabulary;
        this.organisations = organisations;
    }

    @GetMapping("/staff/{organisation}/lists")
    String page(@PathVariable String organisation, Model model) {
        return page(organisation, model, List.of());
    }

    @PostMapping("/staff/{organisation}/lists/{list}/entries")
    String add(@PathVariable String organisation, @PathVariable String list, @RequestParam(required = false) @Nullable String name,
               @RequestParam(required = false) @Nullable String parent, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ListKind kind = ListKind.of(list);
        return change(organisation, model, redirect, response, kind.path() + "-name", () -> {
            TextLimits.check("name", name, TextLimits.NAME);
            TextLimits.check("parent", parent, TextLimits.NAME);
            Long parentId = parent == null || parent.isBlank() ? null : number("parent", parent);
            vocabulary.add(organisation, kind, name, parentId);
            return "Added " + (name == null ? "" : name.strip()) + " to the " + kind.title().toLowerCase() + " list";
        });
    }

    @PostMapping("/staff/{organisation}/lists/{list}/entries/{entry}/aliases")
    String alias(@PathVariable String organisation, @PathVariable String list, @PathVariable long entry,
                 @RequestParam(required = false) @Nullable String alias, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ListKind kind = ListKind.of(list);
        return change(organisation, model, redirect, response, "alias-" + entry, () -> {
            TextLimits.check("alias", alias, TextLimits.NAME);
            ControlledList changed = vocabulary.addAlias(organisation, kind, entry, alias);
            return "'" + (alias == null ? "" : alias.strip()) + "' is now stored as " + changed.entry(entry).orElseThrow().name();
        });
    }

    @PostMapping("/staff/{organisation}/lists/{list}/entries/{entry}/active")
    String active(@PathVariable String organisation, @PathVariable String list, @PathVariable long entry,
                  @RequestParam(required = false) @Nullable String use, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ListKind kind = ListKind.of(list);
        return change(organisation, model, redirect, response, "entry-" + entry, () -> {
            TextLimits.check("use", use, TextLimits.NAME);
            boolean on = "yes".equals(use);
            ControlledList changed = vocabulary.setActive(organisation, kind, entry, on);
            String name = changed.entry(entry).orElseThrow().name();
            return on ? "New cases can choose " + name + " again" : "New cases can no longer choose " + name + "; cases filed under it keep it";
        });
    }

    @PostMapping("/staff/{organisation}/lists/{list}/free-values")
    String freeValues(@PathVariable String organisation, @PathVariable String list, @RequestParam(required = false) @Nullable String allowed,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ListKind kind = ListKind.of(list);
        return change(organisation, model, redirect, response, kind.path() + "-free", () -> {
            TextLimits.check("allowed", allowed, TextLimits.NAME);
            if (!"yes".equals(allowed) && !"no".equals(allowed)) {
                throw new InvalidInputException("allowed", "Choose whether other values are allowed");
            }
            vocabulary.setFreeValues(organisation, kind, "yes".equals(allowed));
            return "yes".equals(allowed) ? kind.title() + ": values not on the list are now accepted as written"
                    : kind.title() + ": only values on the list are accepted now";
        });
    }

    private interface Change {
        String apply();
    }

    /** Makes the change and goes back to the page, or shows the page again with the problem on the form it came from. */
    private String change(String organisation, Model model, RedirectAttributes redirect, HttpServletResponse response, String fieldId, Change change) {
        try {
            String done = change.apply();
            redirect.addFlashAttribute("done", done);
            return "redirect:/staff/" + organisation + "/lists";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return page(organisation, model, e.errors().stream().map(f -> new FieldError(fieldId, plain(f))).toList());
        }
    }

    private static String plain(FieldError f) {
        String what = switch (f.field()) {
            case "name" -> "The name ";
            case "alias" -> "The other spelling ";
            case "parent" -> "The subject ";
            default -> "";
        };
        return what.isEmpty() ? f.message() : what + f.message();
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "is not one of the list's subjects");
        }
    }

    private String page(String organisation, Model model, List<FieldError> errors) {
        model.addAttribute("organisation", organisations.require(organisation));
        Filing.Lists lists = vocabulary.lists(organisation);
        model.addAttribute("lists", List.of(lists.serviceAreas(), lists.subjects()));
        model.addAttribute("errors", errors);
        model.addAttribute("nameLimit", TextLimits.NAME);
        return "vocabulary/lists";
    }
}
