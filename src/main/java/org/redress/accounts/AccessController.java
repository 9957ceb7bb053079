package org.redress.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An organisation's administrators: the special category read log, and limiting members to service areas. */
@RestController
@Tag(name = "Access", description = "Special category read log; service-area limits (administrators)")
class AccessController {

    private final SpecialCategoryAudit audit;
    private final Accounts accounts;
    private final CaseAccess access;

    AccessController(SpecialCategoryAudit audit, Accounts accounts, CaseAccess access) {
        this.audit = audit;
        this.access = access;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/organisations/{organisation}/audit/special-category")
    @Operation(summary = "Who read special category data (adjustments, equality answers, named staff), newest first; of one case when given")
    List<SpecialCategoryAudit.Read> reads(@PathVariable String organisation, @RequestParam(name = "case", required = false) @Nullable String caseRef,
                                          @RequestParam(defaultValue = "200") int limit) {
        return audit.reads(organisation, access.current(organisation), caseRef == null || caseRef.isBlank() ? null : caseRef.strip(), limit);
    }

    record ServiceAreas(@Nullable List<@Size(max = TextLimits.NAME) String> serviceAreas) {
    }

    @PutMapping("/api/v1/organisations/{organisation}/staff/{username}/service-areas")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Limit a member to these service areas' cases, or lift the limit with null")
    void limit(@PathVariable String organisation, @PathVariable String username, @RequestBody ServiceAreas request) {
        Set<String> areas = request.serviceAreas() == null ? null : new LinkedHashSet<>(request.serviceAreas().stream().map(String::strip).toList());
        accounts.limitToServiceAreas(username, organisation, areas);
    }
}
