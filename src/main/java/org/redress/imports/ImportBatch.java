package org.redress.imports;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseBulkWriter;
import org.redress.casework.CaseFile;
import org.redress.imports.ImportRow.Problem;
import org.redress.ombudsman.OmbudsmanReferrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * One batch of a register's rows (issue 20): its new cases serialised for COPY (in parts, one per row thread), its
 * corrected cases, its cases' ombudsman side to record once they are written, and what became of each of its rows.
 * The whole batch is written in one transaction, or nothing of it is.
 */
final class ImportBatch {

    /** What one run of a file works with: the same for every batch. */
    record Run(ImportSource source, String fileName, Instant now, String actor, String note, ColumnMapping mapping, List<String> headers,
               @Nullable UUID job, CaseBulkWriter.ReferenceNumbers numbers, Timings timings) {
        String organisation() {
            return source.organisation().code();
        }
    }

    /** Where a run's time went, logged when it ends: the per-row costs the speed target (issue 20) is about. */
    static final class Timings {
        final long started = System.nanoTime();
        final LongAdder reading = new LongAdder();
        final LongAdder making = new LongAdder();
        final LongAdder serialising = new LongAdder();
        final LongAdder writingCases = new LongAdder();
        final LongAdder writingReports = new LongAdder();
        final LongAdder waitingForWrites = new LongAdder();

        static long since(long nanos) {
            return System.nanoTime() - nanos;
        }

        @Override
        public String toString() {
            return "%.1f s in all: reading and checking rows %.1f s, making cases %.1f s, serialising %.1f s, writing cases %.1f s, "
                    .formatted(s(since(started)), s(reading.sum()), s(making.sum()), s(serialising.sum()), s(writingCases.sum()))
                    + "writing report rows %.1f s, waiting for the writer %.1f s".formatted(s(writingReports.sum()), s(waitingForWrites.sum()));
        }

        private static double s(long nanos) {
            return nanos / 1e9;
        }
    }

    /** A row read and checked, waiting to be made into its case with the rest of its batch. */
    record Waiting(int number, List<String> cells, ImportRow.Read read, CaseBulkWriter.@Nullable ImportedCase existing) {
        boolean unchanged() {
            ImportRow row = read.row();
            return row != null && existing != null && existing.rowHash().equals(row.rowHash());
        }
    }

    /** A new case made from a row, numbered. */
    record New(ImportRow row, CaseFile file, long version, String versionNote) {
    }

    /** Whether the batch is written; a dry run writes nothing, so it neither serialises nor keeps its cases. */
    final boolean writing;
    /** The new cases, serialised for COPY. */
    final List<CaseBulkWriter.Batch> parts = new ArrayList<>();
    /** The corrected cases. */
    final CaseBulkWriter.Batch corrections;
    final List<ImportJobs.RefusedRow> refused = new ArrayList<>();
    final List<Runnable> afterCases = new ArrayList<>();
    int rows;
    int imported;
    int updated;
    int unchanged;

    ImportBatch(boolean writing, CaseBulkWriter writer) {
        this.writing = writing;
        this.corrections = writer.batch(0);
    }

    /** The batch's cases as the hazard check reads them, asked once the batch is written. */
    final List<org.redress.hazards.Hazards.ImportedCase> hazardChecks = new ArrayList<>();

    /** Asks the hazard check of the case once the batch is written (all the batch's cases in one call; issue 20). */
    void hazardCheck(org.redress.hazards.Hazards hazards, @Nullable CaseFile file, String reference, org.redress.policy.PolicyPack pack,
                     String fileName, String actor) {
        if (file != null) {
            if (hazardChecks.isEmpty()) {
                afterCases.add(() -> hazards.openForImported(hazardChecks, pack, fileName, actor));
            }
            var s = file.state();
            hazardChecks.add(new org.redress.hazards.Hazards.ImportedCase(file.organisation(), file.id().value().toString(), reference,
                    s.description(), s.classification().subject(), s.classification().subSubject(), s.receivedAt(), s.closedAt()));
        }
    }

    /** The row's ombudsman side, recorded once its case is written (a case already referred is left as it is). */
    void ombudsman(OmbudsmanReferrals referrals, String organisation, String reference, ImportRow row, String note, String actor) {
        OmbudsmanReferrals.HistoricOmbudsman given = row.ombudsman();
        if (writing && given != null) {
            afterCases.add(() -> referrals.recordHistoric(organisation, reference, row.sourceId(), given, note, actor));
        }
    }

    void refuse(int number, List<String> cells, List<Problem> problems, Run run) {
        String column = run.mapping().column(ImportField.SOURCE_ID);
        int index = column == null ? -1 : run.headers().indexOf(column);
        String sourceId = index >= 0 && index < cells.size() && !cells.get(index).isBlank() ? cells.get(index).strip() : null;
        refused.add(new ImportJobs.RefusedRow(number, sourceId, problems, cells));
    }
}
