package org.redress.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redress.pages.Branding;
import org.redress.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Map;

/** The person's other cases (F-7): in the API and as a section page of the case. */
@Controller
@Tag(name = "Cases")
class PersonCasesController {

    private final PersonCases cases;
    private final Casework casework;
    private final Branding branding;

    PersonCasesController(PersonCases cases, Casework casework, Branding branding) {
        this.cases = cases;
        this.casework = casework;
        this.branding = branding;
    }

    @GetMapping("/api/v1/organisations/{organisation}/cases/{case}/their-cases")
    @ResponseBody
    @Operation(summary = "Every other case of this case's person (same email, phone number, or name and address), newest first, "
            + "whatever their status or any restriction on contact (F-7); for a member limited to some service areas, only those of their areas")
    List<PersonCases.PersonCase> api(CaseScope scope, @PathVariable("case") String caseRef) {
        return cases.otherCasesOf(scope, caseRef).rows();
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/their-cases")
    String page(CaseScope scope, @PathVariable String reference, Model model) {
        CaseView view = casework.get(scope.organisation(), reference);
        CaseScope.Shown<PersonCases.PersonCase> found = cases.otherCasesOf(scope, view.id());
        model.addAttribute("brand", branding.of(scope.organisation()));
        model.addAttribute("caseFile", view);
        model.addAttribute("cases", found.rows());
        model.addAttribute("elsewhere", found.elsewhereInWords());
        return "casework/their-cases";
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
