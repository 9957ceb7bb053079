package org.redress.whatif;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

/**
 * The what-if API: start a replay of the organisation's cases under a draft pack version (202, it runs in the
 * background), then read its progress and, once finished, its comparison. For complaint managers and directors.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/what-if")
@Tag(name = "What-if")
class WhatIfController {

    private final WhatIfJobs jobs;
    private final WhatIfExport export;

    WhatIfController(WhatIfJobs jobs, WhatIfExport export) {
        this.jobs = jobs;
        this.export = export;
    }

    @PostMapping
    @Operation(summary = "Replay the cases of a period (default: the last 12 months) under a draft version of the organisation's pack; "
            + "answers 202 with the replay's address, where its progress and then its result are read (from any server: replays are "
            + "stored, and one interrupted by a server stopping is marked failed, to be run again)")
    ResponseEntity<WhatIfJobs.Progress> start(@PathVariable String organisation, @RequestBody(required = false) WhatIfJobs.@Nullable Start request,
                                              Principal principal) {
        WhatIfStore.Row row = jobs.start(organisation, principal.getName(), request == null ? new WhatIfJobs.Start(null, null, null) : request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/organisations/" + organisation + "/what-if/" + row.id()))
                .body(WhatIfJobs.Progress.of(row, null));
    }

    @GetMapping
    @Operation(summary = "The organisation's last 20 replays, newest first, without their results")
    List<WhatIfJobs.Progress> list(@PathVariable String organisation) {
        return jobs.of(organisation);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A replay's progress, and once finished its comparison of today's packs with the draft; a member limited to "
            + "some service areas sees every figure but only their areas' cases behind them")
    WhatIfJobs.Progress progress(CaseScope scope, @PathVariable UUID id) {
        return job(scope, id);
    }

    @GetMapping("/{id}/export.xlsx")
    @Operation(summary = "A finished replay's comparison as an Excel workbook, for the Board")
    ResponseEntity<byte[]> xlsx(CaseScope scope, @PathVariable String organisation, @PathVariable UUID id) {
        WhatIfResult result = finished(job(scope, id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"what-if-" + organisation + "-" + result.from() + "-"
                        + result.to() + ".xlsx\"")
                .body(export.xlsx(result));
    }

    @GetMapping("/{id}/export.pdf")
    @Operation(summary = "A finished replay's comparison as a PDF for the Board: the figures side by side, the weekly chart, "
            + "the workload by role, the forward look, the draft's Code check and the first 50 cases that change")
    ResponseEntity<byte[]> pdf(CaseScope scope, @PathVariable String organisation, @PathVariable UUID id) {
        WhatIfResult result = finished(job(scope, id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"what-if-" + organisation + "-" + result.from() + "-"
                        + result.to() + ".pdf\"")
                .body(export.pdf(result));
    }

    private WhatIfJobs.Progress job(CaseScope scope, UUID id) {
        return jobs.find(scope, id).orElseThrow(() -> new NotFoundException("id", "no what-if replay " + id));
    }

    static WhatIfResult finished(WhatIfJobs.Progress progress) {
        WhatIfResult result = progress.result();
        if (result == null) {
            throw new NotFoundException("id", progress.status() == WhatIfStore.Status.FAILED ? "the replay failed: " + progress.problem()
                    : "the replay has not finished: " + progress.percent() + "% done");
        }
        return result;
    }
}
