package org.redress.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    record NewOrganisation(@Size(max = TextLimits.NAME) @Nullable String code, @Size(max = TextLimits.NAME) @Nullable String name,
                           @Size(max = TextLimits.NAME) @Nullable String referencePrefix, @Size(max = TextLimits.NAME) @Nullable String policyPack,
                           @Nullable List<@Size(max = TextLimits.NAME) String> serviceAreas) {
    }

    @GetMapping
    @Operation(summary = "Every organisation of this installation")
    List<Organisation> list() {
        return organisations.all();
    }

    @GetMapping("/{organisation}")
    Organisation get(@PathVariable String organisation) {
        return organisations.require(organisation);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an organisation, running a policy pack")
    Organisation create(@RequestBody NewOrganisation request) {
        String code = request.code() == null ? "" : request.code().strip();
        return organisations.create(new Organisation(code,
                request.name() == null ? "" : request.name().strip(),
                request.referencePrefix() == null ? "" : request.referencePrefix().strip(),
                request.policyPack() == null || request.policyPack().isBlank() ? code : request.policyPack().strip(),
                request.serviceAreas() == null ? List.of() : request.serviceAreas()));
    }
}
