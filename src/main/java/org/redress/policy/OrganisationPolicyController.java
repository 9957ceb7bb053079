package org.redress.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * An organisation's own procedure: its administrators upload and activate versions of the pack whose
 * {@code organisation.code} is theirs, and no other. Installing any pack is the installation operator's
 * ({@code /api/v1/policies}).
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/policies")
@Tag(name = "Policy packs")
class OrganisationPolicyController {

    private final PolicyPacks packs;

    OrganisationPolicyController(PolicyPacks packs) {
        this.packs = packs;
    }

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Upload a new version of the organisation's own pack (YAML), stored inactive")
    @ApiResponse(responseCode = "201", description = "Stored; the body gives the version, warnings and the Code check")
    @ApiResponse(responseCode = "400", description = "Refused, nothing stored: invalid, or a pack for another organisation")
    ResponseEntity<PolicyPacks.Upload> upload(@PathVariable String organisation, @RequestBody(required = false) @Nullable String yaml) {
        PolicyPacks.Upload upload = packs.upload(yaml == null ? "" : yaml, organisation);
        return ResponseEntity.created(URI.create("/api/v1/policies/" + upload.id() + "?version=" + upload.version())).body(upload);
    }

    @PostMapping("/{id}/versions/{version}/activate")
    @Operation(summary = "Make a stored version of the organisation's own pack the active one")
    @ApiResponse(responseCode = "404", description = "No such pack of this organisation, or no such version")
    PackSummary activate(@PathVariable String organisation, @PathVariable String id, @PathVariable int version) {
        return packs.activate(id, version, organisation);
    }
}
