package org.redress.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** The policy pack API: list, read, check against the Housing Ombudsman Code, upload and activate versions. */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "Policy packs", description = "Each organisation's complaint procedure as a versioned YAML pack")
class PolicyController {

    private static final String YAML = "application/yaml";

    private final PolicyPacks packs;

    PolicyController(PolicyPacks packs) {
        this.packs = packs;
    }

    @GetMapping
    @Operation(summary = "Every stored version of every pack, with the active one marked")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
            [{"id":"the-trust","organisation":"the-trust","title":"The Trust complaints policy (support services and housing)",
              "version":1,"active":true,"shipped":true}]""")))
    List<PackSummary> list() {
        return packs.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A pack as JSON: the active version, or an older one with ?version=N; assumptions included")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
            {"id":"the-trust","version":1,"title":"The Trust complaints policy (support services and housing)",
             "organisation":{"code":"the-trust","name":"The Trust","jurisdiction":"england-and-wales","socialLandlord":true},
             "stages":[{"number":1,"id":"stage-1","owner":"investigating-manager","clocks":[{"id":"respond",
               "starts":"LOGGED","unit":"WORKING_DAYS","amount":10,"stops":"RESPONDED"}]}],
             "assumptions":[{"clause":"exclusions","assumption":"no exclusions are encoded",
               "source":"004 'The following complaints fall outside the scope of this policy, these are:' ends without its list"}]}""")))
    @ApiResponse(responseCode = "404", description = "No such pack or version (problem+json naming id or version)")
    PolicyPack get(@PathVariable String id,
                   @Parameter(description = "a stored version; the active one when left out", example = "1")
                   @RequestParam(required = false) @Nullable Integer version) {
        return version == null ? packs.activePack(id) : packs.version(id, version);
    }

    @GetMapping("/{id}/compliance")
    @Operation(summary = "The Housing Ombudsman Complaint Handling Code 2024 check of a pack version")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
            {"packId":"helping-our-future","version":1,"applies":true,"compliant":false,
             "checkedAgainst":"housing-ombudsman-code-2024 v1","summary":"Fails 2 of 12 provisions checked: 5.1, 6.12",
             "findings":[{"provision":"5.1","rule":"exactly 2 stages, with no informal stage before them","outcome":"FAIL",
               "reason":"the pack has 3 stages: ..."}]}""")))
    ComplianceReport compliance(@PathVariable String id, @RequestParam(required = false) @Nullable Integer version) {
        return packs.compliance(get(id, version));
    }

    @PostMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Upload a pack file (YAML): validated, stored as the pack's next version, inactive",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = YAML,
                    examples = @ExampleObject("""
                            id: the-trust
                            title: The Trust complaints policy
                            organisation: {code: the-trust, name: The Trust, jurisdiction: england-and-wales, socialLandlord: true}
                            roles: [{id: investigating-manager, name: Investigating manager}]
                            recordTypes: [{id: complaint, name: Complaint, handling: staged}]
                            stages:
                              - id: stage-1
                                name: Stage 1
                                owner: investigating-manager
                                clocks:
                                  - {id: respond, name: Response, within: 10 working days, from: logged, until: responded}
                            """))))
    @ApiResponse(responseCode = "201", description = "Stored; the body gives the version, warnings and the Code check")
    @ApiResponse(responseCode = "400", description = "Refused, nothing stored; every error with its line",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = @ExampleObject("""
                    {"type":"about:blank","title":"Invalid policy pack","status":400,
                     "detail":"line 12: stages[0].owner: names the role 'ceo', which is not declared under roles",
                     "errors":[{"field":"stages[0].owner","line":12,
                       "message":"names the role 'ceo', which is not declared under roles (investigating-manager)"}]}""")))
    ResponseEntity<PolicyPacks.Upload> upload(@RequestBody(required = false) @Nullable String yaml) {
        PolicyPacks.Upload upload = packs.upload(yaml == null ? "" : yaml);
        return ResponseEntity.created(URI.create("/api/v1/policies/" + upload.id() + "?version=" + upload.version()))
                .body(upload);
    }

    @PostMapping("/{id}/versions/{version}/activate")
    @Operation(summary = "Make a stored version the pack's active one; cases already started keep their version")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject("""
            {"id":"the-trust","organisation":"the-trust","title":"The Trust complaints policy","version":2,
             "active":true,"shipped":false}""")))
    PackSummary activate(@PathVariable String id, @PathVariable int version) {
        return packs.activate(id, version);
    }
}
