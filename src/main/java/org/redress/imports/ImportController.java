package org.redress.imports;

import org.jspecify.annotations.Nullable;
import org.redress.web.InvalidInputException;
import org.redress.web.SafeCsv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The import API (issue 20): the organisation's remembered mapping (GET, PUT), a file's preview and dry run, and the
 * import itself (202 with the job, whose progress and result are read with GET; its refused rows as CSV).
 * Files are sent as multipart {@code file}, with an optional {@code mapping} part in the mapping's JSON.
 */
@RestController
class ImportController {

    private final Imports imports;
    private final Uploads uploads;
    private final TenureBackfill backfill;
    private final JsonMapper json;

    ImportController(Imports imports, Uploads uploads, TenureBackfill backfill, JsonMapper json) {
        this.imports = imports;
        this.uploads = uploads;
        this.backfill = backfill;
        this.json = json;
    }

    @GetMapping("/api/v1/organisations/{organisation}/imports/mapping")
    ResponseEntity<ColumnMapping> mapping(@PathVariable String organisation) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + organisation + "-import-mapping.json\"")
                .body(imports.mapping(organisation));
    }

    @PutMapping("/api/v1/organisations/{organisation}/imports/mapping")
    ColumnMapping remember(@PathVariable String organisation, @RequestBody ColumnMapping mapping, Principal principal) {
        org.redress.web.TextLimits.check(mapping);
        return imports.remember(organisation, mapping, principal.getName());
    }

    @PostMapping("/api/v1/organisations/{organisation}/imports/preview")
    Imports.Inspection preview(@PathVariable String organisation, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                               @RequestParam(name = "mapping", required = false) @Nullable String mapping) {
        mappingSized(mapping);
        return imports.inspect(organisation, name(file), bytes(file), mapping == null ? null : parseMapping(mapping));
    }

    @PostMapping("/api/v1/organisations/{organisation}/imports/dry-run")
    Imports.ImportCheck dryRun(@PathVariable String organisation, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                          @RequestParam(name = "mapping", required = false) @Nullable String mapping) {
        mappingSized(mapping);
        byte[] content = bytes(file);
        return imports.dryRun(organisation, name(file), content, chosen(organisation, file, content, mapping));
    }

    @PostMapping("/api/v1/organisations/{organisation}/imports")
    ResponseEntity<ImportJobs.Job> start(@PathVariable String organisation, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                         @RequestParam(name = "mapping", required = false) @Nullable String mapping, Principal principal) {
        mappingSized(mapping);
        byte[] content = bytes(file);
        ColumnMapping chosen = chosen(organisation, file, content, mapping);
        ImportJobs.Job job = imports.start(organisation, uploads.keep(organisation, name(file), content), chosen, principal.getName());
        return accepted(organisation, job);
    }

    /**
     * A back-fill by file (issue 20, item 7): sets only the tenure (and the register's own reference) of existing cases
     * found by source id or reference, each change an import correction in the case's history; {@code dryRun} says what
     * it would change and stores nothing.
     */
    @PostMapping("/api/v1/organisations/{organisation}/imports/back-fill")
    TenureBackfill.Result backfill(@PathVariable String organisation, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                   @RequestParam(name = "mapping", required = false) @Nullable String mapping,
                                   @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun, Principal principal) {
        mappingSized(mapping);
        return backfill.run(organisation, name(file), bytes(file), mapping == null ? null : parseMapping(mapping), dryRun, principal.getName());
    }

    /** Runs an import again from its kept file and mapping: an interrupted one completes the rest, without duplicates. */
    @PostMapping("/api/v1/organisations/{organisation}/imports/{id}/again")
    ResponseEntity<ImportJobs.Job> again(@PathVariable String organisation, @PathVariable UUID id, Principal principal) {
        return accepted(organisation, imports.again(organisation, id, principal.getName()));
    }

    private static ResponseEntity<ImportJobs.Job> accepted(String organisation, ImportJobs.Job job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/organisations/" + organisation + "/imports/" + job.id())).body(job);
    }

    @GetMapping("/api/v1/organisations/{organisation}/imports")
    List<ImportJobs.Job> recent(@PathVariable String organisation) {
        return imports.recent(organisation);
    }

    @GetMapping("/api/v1/organisations/{organisation}/imports/{id}")
    ImportJobs.Job job(@PathVariable String organisation, @PathVariable UUID id) {
        return imports.job(organisation, id);
    }

    @GetMapping("/api/v1/organisations/{organisation}/imports/{id}/refused")
    List<ImportJobs.RefusedRow> refused(@PathVariable String organisation, @PathVariable UUID id) {
        return imports.refused(organisation, id);
    }

    @GetMapping(path = "/api/v1/organisations/{organisation}/imports/{id}/refused.csv", produces = "text/csv")
    ResponseEntity<String> refusedCsv(@PathVariable String organisation, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"refused-rows.csv\"")
                .body(refusedCsv(imports.refused(organisation, id)));
    }

    /** The refused rows to fix and upload again: each with its row number, its problems, then its cells as they were. */
    static String refusedCsv(List<ImportJobs.RefusedRow> rows) {
        int width = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        List<String> header = new ArrayList<>(List.of("row", "problems"));
        for (int i = 1; i <= width; i++) {
            header.add("column " + i);
        }
        return SafeCsv.write(header, csv -> {
            for (ImportJobs.RefusedRow row : rows) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.row());
                cells.add(String.join("; ", row.problems().stream()
                        .map(p -> (p.column() == null ? p.field() : p.column()) + ": " + p.message()).toList()));
                cells.addAll(row.cells());
                csv.row(cells.toArray());
            }
        });
    }

    private ColumnMapping chosen(String organisation, @Nullable MultipartFile file, byte[] content, @Nullable String mapping) {
        return mapping != null ? parseMapping(mapping) : imports.inspect(organisation, name(file), content, null).mapping();
    }

    /** A mapping sent with the file is JSON of a few hundred characters: a longer one is refused before the file is read. */
    private static void mappingSized(@Nullable String mapping) {
        if (mapping != null && mapping.length() > org.redress.web.TextLimits.TEXT) {
            throw new InvalidInputException("mapping", org.redress.web.TextLimits.tooLong(org.redress.web.TextLimits.TEXT));
        }
    }

    private ColumnMapping parseMapping(String text) {
        try {
            return json.readValue(text, ColumnMapping.class);
        } catch (RuntimeException e) {
            throw new InvalidInputException("mapping", "is not a mapping in JSON: " + e.getMessage());
        }
    }

    private static String name(@Nullable MultipartFile file) {
        if (file == null) {
            throw new InvalidInputException("file", "is required: send the register as the multipart/form-data part 'file'");
        }
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("file", "must have a file name ending .csv or .xlsx");
        }
        String base = name.replace('\\', '/');
        return base.substring(base.lastIndexOf('/') + 1);
    }

    private static byte[] bytes(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("file", "could not be read");
        }
    }
}
