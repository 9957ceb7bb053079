package org.redress.whatif;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.policy.ComplianceReport;
import org.redress.policy.PackDrafts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Drafts made by changing figures (issue 25): a stored version of the organisation's pack with clocks, extensions and
 * stages changed, stored inactive, ready to replay. For administrators, who may both replay and store pack versions.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/what-if/drafts")
@Tag(name = "What-if")
class WhatIfDraftController {

    private final PackDrafts drafts;

    WhatIfDraftController(PackDrafts drafts) {
        this.drafts = drafts;
    }

    /** The stored draft, with where to read its YAML and how to replay it. */
    record Drafted(String id, int version, int from, String note, List<String> changes, List<String> warnings,
                   ComplianceReport compliance, Map<String, String> links) {
    }

    @PostMapping
    @Operation(summary = "Make a draft of the organisation's pack by changing figures of a stored version (default: the active one) "
            + "and store it as a new inactive version; replay it with POST .../what-if {\"version\": N}",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject("""
                    {"from": 1, "changes": [
                      {"kind": "clock-length", "stage": "stage-1", "clock": "acknowledge", "length": 3, "unit": "working-days"},
                      {"kind": "clock-start", "stage": "stage-1", "clock": "respond", "start": "received"},
                      {"kind": "extension-size", "stage": "stage-1", "clock": "respond", "extension": 1, "size": 15, "unit": "working-days", "maxTimes": 1},
                      {"kind": "remove-stage", "stage": "stage-2"},
                      {"kind": "add-stage", "after": "stage-1", "id": "review", "name": "Review panel", "copyOf": "stage-2", "owner": "review-panel",
                       "clocks": [{"id": "respond", "name": "Review panel decision", "length": 20, "unit": "working-days", "start": "received", "until": "responded"}]}]}"""))))
    @ApiResponse(responseCode = "201", description = "Stored inactive; Location is its YAML")
    @ApiResponse(responseCode = "400", description = "Bad input, nothing stored; each error names its field, e.g. changes[0].length")
    @ApiResponse(responseCode = "422", description = "The draft would not be a procedure Redress can run, nothing stored; names the change and the pack's rule")
    ResponseEntity<Drafted> make(@PathVariable String organisation, @RequestBody(required = false) PackDrafts.@Nullable DraftRequest request) {
        PackDrafts.Made made = drafts.fromFigures(organisation, request == null ? new PackDrafts.DraftRequest(null, null) : request);
        String yaml = "/api/v1/organisations/" + organisation + "/what-if/drafts/" + made.version();
        return ResponseEntity.created(URI.create(yaml)).body(new Drafted(made.id(), made.version(), made.from(), made.note(),
                made.changes(), made.warnings(), made.compliance(), Map.of("yaml", yaml,
                        "replay", "/api/v1/organisations/" + organisation + "/what-if",
                        "page", "/staff/" + organisation + "/what-if?version=" + made.version())));
    }

    @GetMapping("/{version}")
    @Operation(summary = "The YAML of a stored version of the organisation's pack (a draft's begins with how it was made)")
    ResponseEntity<String> yaml(@PathVariable String organisation, @PathVariable int version) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .body(drafts.yaml(organisation, version));
    }
}
