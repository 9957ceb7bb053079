package org.redress.equality;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

import java.util.Map;

/**
 * The equality monitoring API (H-3): the summary (aggregate only), the customer profile (setting it needs the
 * ADMINISTER permission), and answers a complainant gave staff on a case (kept without the case).
 */
@RestController
@Tag(name = "Equality monitoring", description = "Optional equality questions, reported only in aggregate (H-3)")
class EqualityController {

    private final EqualityMonitoring equality;

    EqualityController(EqualityMonitoring equality) {
        this.equality = equality;
    }

    @GetMapping("/api/v1/organisations/{organisation}/equality/summary")
    @Operation(summary = "Responses per group for months from..to (YYYY-MM; default the last 12 months), groups of fewer than 5 hidden, "
            + "compared with the customer profile; for a member limited to some service areas, their areas' answers only")
    EqualitySummary summary(CaseScope scope, @RequestParam(required = false) @Nullable String from,
                            @RequestParam(required = false) @Nullable String to) {
        return equality.summary(scope, from, to);
    }

    @GetMapping("/api/v1/organisations/{organisation}/equality/profile")
    @Operation(summary = "The organisation's customer profile: per question, the percent of customers in each group")
    Map<String, Map<String, Double>> profile(@PathVariable String organisation) {
        return equality.profile(organisation);
    }

    @PutMapping("/api/v1/organisations/{organisation}/equality/profile")
    @Operation(summary = "Replace the customer profile, e.g. {\"ethnicity\":{\"white\":81.7,\"asian\":9.6}} (administrators only)")
    Map<String, Map<String, Double>> setProfile(@PathVariable String organisation, @RequestBody Map<String, Map<String, Double>> profile) {
        return equality.setProfile(organisation, profile);
    }

    record Recorded(String kept) {
    }

    @PostMapping("/api/v1/organisations/{organisation}/cases/{case}/equality")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the answers a complainant gave staff, e.g. {\"age_band\":\"25-34\",\"disability\":\"no\"}; "
            + "kept with only the case's month and service area, never the case")
    Recorded record(@PathVariable String organisation, @PathVariable("case") String caseRef, @RequestBody Map<String, String> answers) {
        equality.recordForCase(organisation, caseRef, new EqualityMonitoring.Answers(answers));
        return new Recorded("the answers were kept apart from the case, with its month and service area only");
    }
}
