package org.redress.staffui;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.Register;
import org.redress.casework.RegisterFilter;
import org.redress.casework.RegisterPage;
import org.redress.pages.StaffMenuItem;
import org.redress.pages.StaffPage;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.vocabulary.ListEntry;
import org.redress.vocabulary.ListKind;
import org.redress.vocabulary.Vocabulary;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Arrays;
import java.util.List;

/**
 * The register page (issue 21, S0-9): every record of the organisation, searched, filtered, sorted and paged, with
 * links to the same records as CSV and Excel (the API's exports, with the filters checked here). Thin: the form's
 * dates are put together ({@link RegisterForm}), {@link Register} checks and reads.
 */
@Controller
class RegisterPages implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Register", "register", 15));
    }

    /** A choice in a select: its value and its words. */
    record Choice(String value, String label) {
    }

    /** What the page shows: the lists to choose from, the filters as typed, the page of records and the export links. */
    record RegisterView(Organisation organisation, List<Choice> types, List<Choice> statuses, List<Choice> stages,
                        List<Choice> serviceLines, List<String> serviceAreas, List<String> subjects, RegisterForm form,
                        RegisterPage page, List<FieldError> errors, @Nullable String exportQuery, @Nullable String nextPage,
                        String exportLimit) {

        public boolean hasError(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }
    }

    private final Register register;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final Vocabulary vocabulary;

    RegisterPages(Register register, Organisations organisations, PolicyPacks packs, Vocabulary vocabulary) {
        this.register = register;
        this.organisations = organisations;
        this.packs = packs;
        this.vocabulary = vocabulary;
    }

    @GetMapping("/staff/{organisation}/register")
    String register(CaseScope scope, RegisterForm form, Model model, HttpServletResponse response) {
        Organisation org = organisations.require(scope.organisation());
        PolicyPack pack = packs.active(org.code()).orElseThrow(() -> new NotFoundException("organisation", "has no active policy pack"));
        List<FieldError> errors = new java.util.ArrayList<>(form.dateErrors());
        RegisterPage page = new RegisterPage(List.of(), null, scope.limitNotice());
        RegisterFilter filter = form.filter();
        if (errors.isEmpty()) {
            try {
                page = register.page(scope, filter);
            } catch (InvalidInputException e) {
                errors.addAll(e.errors().stream().map(RegisterForm::onThePage).toList());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
        }
        model.addAttribute("register", new RegisterView(org,
                pack.recordTypes().stream().map(t -> new Choice(t.id(), t.name())).toList(),
                Arrays.stream(CaseStatus.values()).map(s -> new Choice(s.name(), words(s.name()))).toList(),
                stages(pack), pack.serviceLines().stream().map(l -> new Choice(l.id(), l.name())).toList(),
                names(scope.organisation(), ListKind.SERVICE_AREAS).stream().filter(scope::mayOpen).toList(),
                names(scope.organisation(), ListKind.SUBJECTS),
                form, page, errors, errors.isEmpty() ? form.exportQuery() : null,
                errors.isEmpty() && page.nextCursor() != null ? form.pageQuery(page.nextCursor()) : null,
                String.format(java.util.Locale.UK, "%,d", Register.EXPORT_LIMIT)));
        return "staff/register";
    }

    private static List<Choice> stages(PolicyPack pack) {
        List<Choice> stages = new java.util.ArrayList<>();
        stages.add(new Choice("0", "Not staged"));
        pack.stages().forEach(s -> stages.add(new Choice(String.valueOf(s.number()), s.name())));
        return stages;
    }

    private List<String> names(String organisation, ListKind kind) {
        return vocabulary.list(organisation, kind).top().stream().map(ListEntry::name).toList();
    }

    private static String words(String code) {
        String text = code.replace('_', ' ').toLowerCase(java.util.Locale.UK);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
