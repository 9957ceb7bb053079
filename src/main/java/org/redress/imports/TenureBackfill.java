package org.redress.imports;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseBulkWriter;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.imports.ImportRow.Problem;
import org.redress.people.Organisations;
import org.redress.reporting.ReadModel;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A back-fill by file (issue 20, item 7): a file of (source id or Redress reference, tenure, and optionally the
 * register's own reference) sets only those of existing cases, so TSM CH01 and CH02 by tenure cover the history a
 * register did not split by tenure. Each changed case gets an import correction in its history; a case whose tenure
 * and reference are already as the file says is unchanged, so the same file twice changes nothing. The register's row
 * fingerprint is kept, so importing the original register again does not undo the back-fill.
 */
@Service
class TenureBackfill {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final CaseBulkWriter writer;
    private final Organisations organisations;
    private final ReadModel readModel;
    private final Clock clock;

    TenureBackfill(CaseBulkWriter writer, Organisations organisations, ReadModel readModel, Clock clock) {
        this.writer = writer;
        this.organisations = organisations;
        this.readModel = readModel;
        this.clock = clock;
    }

    /** What a back-fill did, or would do on a dry run. */
    record Result(String fileName, boolean dryRun, int rows, int updated, int unchanged, int refused, List<Problem> problems) {
    }

    Result run(String organisation, String fileName, byte[] content, @Nullable ColumnMapping given, boolean dryRun, String actor) {
        organisations.find(organisation)
                .orElseThrow(() -> new NotFoundException("organisation", "no organisation '" + organisation + "'"));
        List<String> headers = new ArrayList<>();
        RegisterFile.read(fileName, content, (number, cells) -> {
            cells.forEach(c -> headers.add(c.strip()));
            return false;
        });
        ColumnMapping mapping = given != null ? given : ColumnMapping.suggested(headers);
        String tenureColumn = mapping.column(ImportField.TENURE);
        String sourceColumn = mapping.column(ImportField.SOURCE_ID);
        String referenceColumn = mapping.column(ImportField.REFERENCE);
        if (tenureColumn == null || !headers.contains(tenureColumn)) {
            throw new InvalidInputException("mapping.columns.tenure", "must name the file's tenure column");
        }
        if ((sourceColumn == null || !headers.contains(sourceColumn)) && (referenceColumn == null || !headers.contains(referenceColumn))) {
            throw new InvalidInputException("mapping.columns.sourceId", "must name the file's source id column, or its reference column");
        }
        int tenureAt = headers.indexOf(tenureColumn);
        int sourceAt = sourceColumn == null ? -1 : headers.indexOf(sourceColumn);
        int referenceAt = referenceColumn == null ? -1 : headers.indexOf(referenceColumn);
        Map<String, CaseBulkWriter.ImportedCase> imported = writer.importedCases(organisation);
        Map<String, CaseBulkWriter.CaseTenure> byReference = writer.tenures(organisation);
        Instant now = clock.instant();
        LocalDate today = UkTime.dateOf(now);
        List<CaseBulkWriter.TenureCorrection> corrections = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] counts = new int[3];
        RegisterFile.read(fileName, content, (number, cells) -> {
            if (number == 1) {
                return true;
            }
            counts[0]++;
            String sourceId = cell(cells, sourceAt);
            String reference = cell(cells, referenceAt);
            String tenureText = cell(cells, tenureAt);
            CaseBulkWriter.ImportedCase importedCase = sourceId == null ? null : imported.get(sourceId);
            CaseBulkWriter.CaseTenure target = importedCase != null ? byReference.get(importedCase.reference())
                    : reference == null ? null : byReference.get(reference);
            if (target == null) {
                problems.add(new Problem(number, sourceId != null ? sourceColumn : referenceColumn, sourceId != null ? "sourceId" : "reference",
                        "matches no case: give the source id of an imported case or a case's reference"));
                return true;
            }
            Tenure tenure;
            try {
                tenure = tenureText == null ? Tenure.UNKNOWN : RowReading.tenure(tenureText);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(number, tenureColumn, "tenure", "'" + tenureText + "' is not a tenure; the tenures are "
                        + List.of(Tenure.values())));
                return true;
            }
            if (!seen.add(target.reference())) {
                problems.add(new Problem(number, sourceId != null ? sourceColumn : referenceColumn, sourceId != null ? "sourceId" : "reference",
                        "appears again: the case " + target.reference() + " is on an earlier row"));
                return true;
            }
            // the register's own reference changes only for a case found by its source id (a reference column found it otherwise)
            String externalReference = importedCase != null && reference != null ? reference : importedCase != null ? importedCase.sourceReference() : null;
            List<String> changed = new ArrayList<>();
            if (!tenure.name().equals(target.tenure())) {
                changed.add("tenure");
            }
            if (importedCase != null && reference != null && !reference.equals(importedCase.sourceReference())) {
                changed.add("reference");
            }
            if (changed.isEmpty()) {
                counts[2]++;
                return true;
            }
            counts[1]++;
            corrections.add(new CaseBulkWriter.TenureCorrection(target.id(), tenure,
                    new CaseFact.Imported(fileName, today, importedCase != null ? Objects.requireNonNull(sourceId) : "", externalReference,
                            importedCase != null ? importedCase.rowHash() : "", true, changed, List.of()),
                    "import correction from " + fileName + ", " + today.format(DAY) + ": " + String.join(", ", changed)
                            + (changed.contains("tenure") ? " (" + target.tenure() + " to " + tenure.name() + ")" : "")));
            return true;
        });
        if (!dryRun && !corrections.isEmpty()) {
            try {
                for (int from = 0; from < corrections.size(); from += Imports.BATCH) {
                    writer.correctTenures(organisation, corrections.subList(from, Math.min(corrections.size(), from + Imports.BATCH)), now, actor);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the back-fill could not be written: " + e.getMessage(), e);
            }
            readModel.rebuild(organisation);
        }
        return new Result(fileName, dryRun, counts[0], counts[1], counts[2], problems.size(), List.copyOf(problems));
    }

    private static @Nullable String cell(List<String> cells, int index) {
        return index < 0 || index >= cells.size() || cells.get(index).isBlank() ? null : cells.get(index).strip();
    }
}
