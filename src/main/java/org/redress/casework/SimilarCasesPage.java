package org.redress.casework;

import org.redress.pages.Branding;
import org.redress.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/** The staff page of similar earlier cases (F-11), a section of the case page. */
@Controller
class SimilarCasesPage {

    private final Casework casework;
    private final Branding branding;

    SimilarCasesPage(Casework casework, Branding branding) {
        this.casework = casework;
        this.branding = branding;
    }

    @GetMapping("/staff/{organisation}/cases/{reference}/similar")
    String page(CaseScope scope, @PathVariable String reference, Model model) {
        CaseView view = casework.get(scope.organisation(), reference);
        model.addAttribute("brand", branding.of(scope.organisation()));
        model.addAttribute("caseFile", view);
        CaseScope.Shown<SimilarCase> similar = casework.similarTo(scope, view.id());
        model.addAttribute("similar", similar.rows());
        model.addAttribute("elsewhere", similar.elsewhereInWords());
        return "casework/similar";
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
