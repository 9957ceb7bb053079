package org.redress.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Similar earlier cases (F-11), most alike first. */
@RestController
@Tag(name = "Cases")
class SimilarCasesController {

    private final Casework casework;

    SimilarCasesController(Casework casework) {
        this.casework = casework;
    }

    @GetMapping("/api/v1/organisations/{organisation}/cases/{case}/similar")
    @Operation(summary = "Earlier cases that may be this complaint again (same person, or same address and matter), most alike first; "
            + "for a member limited to some service areas, only those of their areas")
    List<SimilarCase> similar(CaseScope scope, @PathVariable("case") String caseRef) {
        return casework.similarTo(scope, caseRef).rows();
    }
}
