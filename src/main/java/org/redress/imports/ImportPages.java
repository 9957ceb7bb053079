package org.redress.imports;

import org.redress.pages.StaffPage;
import org.redress.pages.StaffMenuItem;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The staff pages of an import (issue 20), for administrators and complaint managers: upload a register, confirm
 * which column holds each field and how dates are written (the first rows shown as they will be stored), check it
 * (the dry run: every problem by row and column), import it, and watch its progress (a progress bar that refreshes
 * itself without JavaScript) until its result: imported, updated, unchanged and refused rows with their reasons.
 */
@Controller
class ImportPages implements StaffPage {

    @Override
    public List<StaffMenuItem> menu() {
        return List.of(new StaffMenuItem("Import", "imports", 90));
    }

    private final Imports imports;
    private final Uploads uploads;
    private final TenureBackfill backfill;

    ImportPages(Imports imports, Uploads uploads, TenureBackfill backfill) {
        this.imports = imports;
        this.uploads = uploads;
        this.backfill = backfill;
    }

    @GetMapping("/staff/{organisation}/imports")
    String start(@PathVariable String organisation, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("jobs", imports.recent(organisation));
        model.addAttribute("errors", List.of());
        return "imports/start";
    }

    @PostMapping("/staff/{organisation}/imports")
    String upload(@PathVariable String organisation, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                  Model model, HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty() || file.getOriginalFilename() == null) {
                throw new InvalidInputException("file", "Choose the register file to upload (CSV or Excel)");
            }
            String name = file.getOriginalFilename().replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            byte[] content = file.getBytes();
            Imports.Inspection inspection = imports.inspect(organisation, name, content, null);
            UUID upload = uploads.keep(organisation, name, content);
            return check(organisation, upload, inspection, null, model);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("organisation", organisation);
            model.addAttribute("jobs", imports.recent(organisation));
            model.addAttribute("errors", e.errors().stream().map(f -> new FieldError("file", "The file " + f.message())).toList());
            return "imports/start";
        } catch (IOException e) {
            throw new InvalidInputException("file", "could not be read");
        }
    }

    /** Confirms the mapping (remembered for the organisation), then dry-runs or imports the uploaded file. */
    @PostMapping("/staff/{organisation}/imports/uploads/{upload}")
    String confirm(@PathVariable String organisation, @PathVariable UUID upload, @RequestParam Map<String, String> form,
                   Principal principal, Model model, HttpServletResponse response) {
        Uploads.Upload file = uploads.find(organisation, upload);
        Map<String, String> columns = new LinkedHashMap<>();
        for (ImportField field : ImportField.values()) {
            String column = form.get("column-" + field.key());
            if (column != null && !column.isBlank()) {
                columns.put(field.key(), column);
            }
        }
        ColumnMapping mapping = new ColumnMapping(columns, "ISO".equals(form.get("dates")) ? ColumnMapping.DateOrder.ISO
                : ColumnMapping.DateOrder.DAY_MONTH_YEAR, form.getOrDefault("defaultChannel", "LETTER"));
        try {
            imports.remember(organisation, mapping, principal.getName());
            if ("import".equals(form.get("action"))) {
                ImportJobs.Job job = imports.start(organisation, upload, mapping, principal.getName());
                return "redirect:/staff/" + organisation + "/imports/" + job.id();
            }
            Imports.Inspection inspection = imports.inspect(organisation, file.name(), file.content(), mapping);
            model.addAttribute("dryRun", imports.dryRun(organisation, file.name(), file.content(), mapping));
            return check(organisation, upload, inspection, null, model);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            Imports.Inspection inspection = imports.inspect(organisation, file.name(), file.content(), mapping);
            return check(organisation, upload, inspection, e.errors().stream().map(f -> new FieldError(
                    f.field().replace("mapping.columns.", "column-"), f.message())).toList(), model);
        }
    }

    private String check(String organisation, UUID upload, Imports.Inspection inspection, @Nullable List<FieldError> errors, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("upload", upload);
        model.addAttribute("inspection", inspection);
        model.addAttribute("fields", ImportField.values());
        model.addAttribute("errors", errors == null ? List.of() : errors);
        return "imports/check";
    }

    @GetMapping("/staff/{organisation}/imports/{id}")
    String job(@PathVariable String organisation, @PathVariable UUID id, Model model, HttpServletResponse response) {
        ImportJobs.Job job = imports.job(organisation, id);
        if (job.status().equals("RUNNING")) {
            // the page reloads itself every two seconds while the import runs: no JavaScript needed
            response.setHeader("Refresh", "2");
        }
        model.addAttribute("organisation", organisation);
        model.addAttribute("job", job);
        model.addAttribute("refused", job.status().equals("RUNNING") ? List.of() : imports.refused(organisation, id));
        model.addAttribute("errors", List.of());
        return "imports/job";
    }

    /** Runs an interrupted or partly refused import again from its kept file and mapping: the rows already stored stay as they are. */
    @PostMapping("/staff/{organisation}/imports/{id}/again")
    String again(@PathVariable String organisation, @PathVariable UUID id, Principal principal, Model model, HttpServletResponse response) {
        try {
            ImportJobs.Job job = imports.again(organisation, id, principal.getName());
            return "redirect:/staff/" + organisation + "/imports/" + job.id();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            String result = job(organisation, id, model, response);
            model.addAttribute("errors", e.errors().stream().map(f -> new FieldError("again", "The import cannot be run again: " + f.message())).toList());
            return result;
        }
    }

    /** A back-fill by file (tenure and the register's own reference of cases already imported), or only its check. */
    @PostMapping("/staff/{organisation}/imports/back-fill")
    String backfill(@PathVariable String organisation, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                    @RequestParam(name = "dryRun", required = false) @Nullable String dryRun, Principal principal, Model model,
                    HttpServletResponse response) {
        try {
            if (file == null || file.isEmpty() || file.getOriginalFilename() == null) {
                throw new InvalidInputException("back-fill-file", "Choose the back-fill file to upload (CSV or Excel)");
            }
            String name = file.getOriginalFilename().replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            model.addAttribute("organisation", organisation);
            model.addAttribute("result", backfill.run(organisation, name, file.getBytes(), null, "yes".equals(dryRun), principal.getName()));
            return "imports/back-fill";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("organisation", organisation);
            model.addAttribute("jobs", imports.recent(organisation));
            model.addAttribute("errors", e.errors().stream().map(f -> new FieldError("back-fill-file", f.field().equals("back-fill-file")
                    ? f.message() : "The back-fill file " + f.message().replace("must name the file's ", "needs a "))).toList());
            return "imports/start";
        } catch (IOException e) {
            throw new InvalidInputException("file", "could not be read");
        }
    }

    @GetMapping("/staff/{organisation}/imports/{id}/refused.csv")
    ResponseEntity<String> refusedCsv(@PathVariable String organisation, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"refused-rows.csv\"")
                .body(ImportController.refusedCsv(imports.refused(organisation, id)));
    }
}
