package org.redress.whatif;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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
            + "answers 202 with the replay's address, where its progress and then its result are read")
    ResponseEntity<WhatIfJobs.Progress> start(@PathVariable String organisation, @RequestBody(required = false) WhatIfJobs.@Nullable Start request) {
        WhatIfJobs.Job job = jobs.start(organisation, request == null ? new WhatIfJobs.Start(null, null, null) : request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/organisations/" + organisation + "/what-if/" + job.id))
                .body(job.progress());
    }

    @GetMapping
    @Operation(summary = "The organisation's replays kept (the last 20), newest first, without their results")
    List<WhatIfJobs.Progress> list(@PathVariable String organisation) {
        return jobs.of(organisation).stream().map(j -> {
            WhatIfJobs.Progress p = j.progress();
            return new WhatIfJobs.Progress(p.id(), p.organisation(), p.draft(), p.from(), p.to(), p.status(), p.cases(),
                    p.replayed(), p.percent(), p.startedAt(), p.finishedAt(), p.problem(), null);
        }).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A replay's progress, and once finished its comparison of today's packs with the draft")
    WhatIfJobs.Progress progress(@PathVariable String organisation, @PathVariable UUID id) {
        return job(organisation, id).progress();
    }

    @GetMapping("/{id}/export.xlsx")
    @Operation(summary = "A finished replay's comparison as an Excel workbook, for the Board")
    ResponseEntity<byte[]> xlsx(@PathVariable String organisation, @PathVariable UUID id) {
        WhatIfResult result = finished(job(organisation, id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"what-if-" + organisation + "-" + result.from() + "-"
                        + result.to() + ".xlsx\"")
                .body(export.xlsx(result));
    }

    @GetMapping("/{id}/export.pdf")
    @Operation(summary = "A finished replay's comparison as a PDF for the Board: the figures side by side, the weekly chart, "
            + "the forward look, the draft's Code check and the first 50 cases that change")
    ResponseEntity<byte[]> pdf(@PathVariable String organisation, @PathVariable UUID id) {
        WhatIfResult result = finished(job(organisation, id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"what-if-" + organisation + "-" + result.from() + "-"
                        + result.to() + ".pdf\"")
                .body(export.pdf(result));
    }

    private WhatIfJobs.Job job(String organisation, UUID id) {
        return jobs.find(organisation, id).orElseThrow(() -> new NotFoundException("id", "no what-if replay " + id));
    }

    static WhatIfResult finished(WhatIfJobs.Job job) {
        WhatIfResult result = job.result;
        if (result == null) {
            throw new NotFoundException("id", "the replay has not finished: " + job.percent() + "% done");
        }
        return result;
    }
}
