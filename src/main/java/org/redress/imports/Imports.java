package org.redress.imports;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.Calendars;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseBulkWriter;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseFile;
import org.redress.casework.CaseViews;
import org.redress.casework.ClockMaker;
import org.redress.hazards.Hazards;
import org.redress.imports.ImportBatch.New;
import org.redress.imports.ImportBatch.Run;
import org.redress.imports.ImportBatch.Waiting;
import org.redress.imports.ImportRow.Problem;
import org.redress.ombudsman.OmbudsmanReferrals;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.vocabulary.Filing;
import org.redress.vocabulary.Vocabulary;
import org.redress.policy.PackTimeline;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.reporting.ReadModel;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings a register in (issue 20): inspects a file (its columns, the mapping, the first rows as they will be stored),
 * dry-runs it (every problem by row and column, nothing stored), and imports it in the background in batches of
 * {@value #BATCH} rows, each batch one transaction, idempotent by the register's own id: a row imported before as it
 * is changes nothing, a corrected row corrects its case (an import correction in its history), and a re-run of an
 * interrupted import completes the rest without duplicates.
 */
@Service
public class Imports {

    private static final Logger LOG = LoggerFactory.getLogger(Imports.class);
    static final int BATCH = 500;
    static final int PREVIEW_ROWS = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final CaseBulkWriter writer;
    private final ImportJobs jobs;
    private final Uploads uploads;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final Calendars calendars;
    private final ReadModel readModel;
    private final OmbudsmanReferrals ombudsman;
    private final Clock clock;
    /** The organisation's lists each row's area and subject are filed by (issue 20). */
    private final Vocabulary vocabulary;
    /** The hazard check of a new complaint, asked of the open cases each batch wrote (issue 20). */
    private final Hazards hazards;
    private final TransactionTemplate transactions;
    private final CaseViews views;
    private final RowThreads rowThreads = new RowThreads();
    /** Writes an import's batches one after the other, each while the next is made. */
    private final ExecutorService batchWriter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "register-writer");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "register-import");
        t.setDaemon(true);
        return t;
    });

    Imports(CaseBulkWriter writer, ImportJobs jobs, Uploads uploads, Organisations organisations, PolicyPacks packs, Calendars calendars,
            ReadModel readModel, OmbudsmanReferrals ombudsman, Clock clock, Vocabulary vocabulary, CaseViews views,
            PlatformTransactionManager transactions, Hazards hazards) {
        this.hazards = hazards;
        this.views = views;
        this.transactions = new TransactionTemplate(transactions);
        this.ombudsman = ombudsman;
        this.vocabulary = vocabulary;
        this.writer = writer;
        this.jobs = jobs;
        this.uploads = uploads;
        this.organisations = organisations;
        this.packs = packs;
        this.calendars = calendars;
        this.readModel = readModel;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
        rowThreads.stop();
        batchWriter.shutdownNow();
    }

    /** A file's first look: its columns, the mapping to use, the columns the mapping names that the file lacks, the first rows. */
    record Inspection(String fileName, List<String> headers, ColumnMapping mapping, boolean remembered, List<String> missing,
                      int rows, List<Preview> preview) {
    }

    /** A row as it will be stored, or its problems. */
    record Preview(int row, @Nullable ImportRow stored, List<Problem> problems) {
    }

    /** What an import of the file would do; nothing is stored. */
    record ImportCheck(String fileName, int rows, int wouldImport, int wouldUpdate, int unchanged, int refused, List<Problem> problems) {
    }

    ColumnMapping mapping(String organisation) {
        requireOrganisation(organisation);
        return jobs.mapping(organisation).orElse(ColumnMapping.suggested(List.of()));
    }

    ColumnMapping remember(String organisation, ColumnMapping mapping, String by) {
        requireOrganisation(organisation);
        jobs.remember(organisation, mapping.checked(), by, clock.instant());
        return mapping;
    }

    Inspection inspect(String organisation, String fileName, byte[] content, @Nullable ColumnMapping given) {
        ImportSource source = source(organisation);
        List<String> headers = headers(fileName, content);
        ColumnMapping remembered = jobs.mapping(organisation).orElse(null);
        ColumnMapping mapping = given != null ? given : remembered != null && remembered.missingFrom(headers).isEmpty()
                ? remembered : ColumnMapping.suggested(headers);
        List<Preview> preview = new ArrayList<>();
        int[] rows = {0};
        boolean complete = mapping.column(ImportField.SOURCE_ID) != null && mapping.column(ImportField.RECEIVED_AT) != null;
        RowReading reading = new RowReading(headers, mapping, source.context(clock.instant()));
        RegisterFile.read(fileName, content, (number, cells) -> {
            if (number == 1) {
                return true;
            }
            rows[0]++;
            if (preview.size() < PREVIEW_ROWS && complete) {
                ImportRow.Read read = reading.read(number, cells);
                preview.add(new Preview(number, read.row(), read.problems()));
            }
            return true;
        });
        return new Inspection(fileName, headers, mapping, mapping == remembered, mapping.missingFrom(headers), rows[0], preview);
    }

    ImportCheck dryRun(String organisation, String fileName, byte[] content, ColumnMapping mapping) {
        Tally tally = process(organisation, fileName, content, mapping.checked(), null, "dry run");
        return new ImportCheck(fileName, tally.rows, tally.imported, tally.updated, tally.unchanged, tally.refused,
                tally.refusedRows.stream().flatMap(r -> r.problems().stream()).toList());
    }

    /** Starts the import of a kept upload in the background; its progress is {@link #job}. */
    ImportJobs.Job start(String organisation, UUID upload, ColumnMapping mapping, String actor) {
        Uploads.Upload file = uploads.find(organisation, upload);
        return start(organisation, file.name(), file.content(), mapping, actor, upload);
    }

    /**
     * Runs an import again from the file and mapping it was started with (kept in the database, so any node can): the
     * rows an interrupted import stored are unchanged, the rest are imported, nothing is duplicated.
     */
    ImportJobs.Job again(String organisation, UUID id, String actor) {
        job(organisation, id);
        ImportJobs.Rerun rerun = jobs.rerun(id).orElseThrow(() -> new InvalidInputException("id",
                "the file of import " + id + " is no longer kept: upload it again"));
        return start(organisation, rerun.upload(), rerun.mapping(), actor);
    }

    /** A test's way to interrupt an import: the next import fails after writing this many batches (0: never). */
    void failAfterBatches(int batches) {
        failAfter = batches;
    }

    private volatile int failAfter;

    private ImportJobs.Job start(String organisation, String fileName, byte[] content, ColumnMapping mapping, String actor, UUID upload) {
        ColumnMapping checked = mapping.checked();
        List<String> headers = headers(fileName, content);
        List<String> missing = checked.missingFrom(headers);
        if (!missing.isEmpty()) {
            throw new InvalidInputException("mapping.columns." + missing.get(0), "names a column the file does not have");
        }
        source(organisation);
        UUID id = UUID.randomUUID();
        jobs.start(id, organisation, fileName, actor, clock.instant(), upload, checked);
        background.submit(() -> {
            try {
                process(organisation, fileName, content, checked, id, actor);
                jobs.finish(id, clock.instant(), null);
            } catch (RuntimeException e) {
                LOG.warn("Import {} of {} for {} failed", id, fileName, organisation, e);
                jobs.finish(id, clock.instant(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
        return job(organisation, id);
    }

    ImportJobs.Job job(String organisation, UUID id) {
        return jobs.find(organisation, id).orElseThrow(() -> new NotFoundException("id", "no import " + id));
    }

    List<ImportJobs.Job> recent(String organisation) {
        requireOrganisation(organisation);
        return jobs.recent(organisation);
    }

    List<ImportJobs.RefusedRow> refused(String organisation, UUID id) {
        job(organisation, id);
        return jobs.refused(id);
    }

    // ---- the work -------------------------------------------------------------------------------------------------

    private static final class Tally {
        int rows;
        int imported;
        int updated;
        int unchanged;
        int refused;
        int batches;
        final List<ImportJobs.RefusedRow> refusedRows = new ArrayList<>();
    }

    private ImportSource source(String organisation) {
        Organisation org = requireOrganisation(organisation);
        PolicyPack pack = packs.active(org.policyPack()).orElseThrow(() -> new InvalidInputException("organisation",
                "has no active policy pack to import under"));
        return new ImportSource(org, pack, writer.clocksFor(organisation, pack), calendars.first(), calendars.last(), vocabulary.lists(org.code()),
                packs.timeline(org.policyPack()), new java.util.concurrent.ConcurrentHashMap<>());
    }

    private Organisation requireOrganisation(String organisation) {
        return organisations.find(organisation).orElseThrow(() -> new NotFoundException("organisation", "no organisation '" + organisation + "'"));
    }

    private static List<String> headers(String fileName, byte[] content) {
        List<String> headers = new ArrayList<>();
        RegisterFile.read(fileName, content, (number, cells) -> {
            cells.forEach(c -> headers.add(c.strip()));
            return false;
        });
        if (headers.isEmpty()) {
            throw new InvalidInputException("file", "is empty: the first row must name the columns");
        }
        return headers;
    }

    /**
     * Reads the file and, when {@code job} is given, writes it batch by batch; without a job it is a dry run that
     * makes every case as the import would (so the aggregate's refusals are reported too) and stores nothing. The rows
     * are read and checked in order on this thread (a source id seen twice is the later row's problem); each batch's
     * cases are then made, and for an import written out, on the {@link RowThreads}, and their results taken in
     * the file's order, so the result is the same as one thread's.
     */
    private Tally process(String organisation, String fileName, byte[] content, ColumnMapping mapping, @Nullable UUID job, String actor) {
        ImportSource source = source(organisation);
        Instant now = clock.instant();
        String importedOn = UkTime.dateOf(now).format(DAY);
        List<String> headers = headers(fileName, content);
        RowReading reading = new RowReading(headers, mapping, source.context(now));
        Map<String, CaseBulkWriter.ImportedCase> imported = writer.importedCases(organisation);
        Run run = new Run(source, fileName, now, actor, HistoricCase.notRecorded(fileName, importedOn), mapping, headers, job,
                writer.referenceNumbers(), new ImportBatch.Timings());
        Tally total = new Tally();
        if (job != null) {
            int[] count = {0};
            RegisterFile.read(fileName, content, (number, cells) -> {
                count[0] += number == 1 ? 0 : 1;
                return true;
            });
            jobs.total(job, count[0]);
        }
        List<Waiting> waiting = new ArrayList<>(BATCH);
        List<Future<?>> writing = new ArrayList<>(1);
        try {
            RegisterFile.read(fileName, content, (number, cells) -> {
                if (number == 1) {
                    return true;
                }
                total.rows++;
                long started = System.nanoTime();
                ImportRow.Read read = reading.read(number, cells);
                waiting.add(new Waiting(number, cells, read, read.row() == null ? null : imported.get(read.row().sourceId())));
                run.timings().reading.add(ImportBatch.Timings.since(started));
                if (waiting.size() >= BATCH) {
                    flush(batchOf(waiting, run), run, total, writing);
                    waiting.clear();
                }
                return true;
            });
            flush(batchOf(waiting, run), run, total, writing);
            written(writing);
        } finally {
            // a failure while a batch is being written: that batch is written or not before the import is said to have failed
            writing.forEach(RowThreads::waitFor);
        }
        if (job != null) {
            writer.finish(run.numbers());
        }
        LOG.info("{} of {} rows of {} for {}: {}", job == null ? "Dry run" : "Import", total.rows, fileName, organisation, run.timings());
        return total;
    }

    /** The reference a new case is made under on the row threads; it is numbered once the rows before it are taken. */
    private static final String NOT_YET_NUMBERED = "(not yet numbered)";

    /** A batch's rows made into cases (on the row threads), then taken in the file's order. */
    private ImportBatch batchOf(List<Waiting> rows, Run run) {
        HistoricCase.Made[] made = new HistoricCase.Made[rows.size()];
        PackTimeline.VersionAt[] versions = new PackTimeline.VersionAt[rows.size()];
        String org = run.organisation();
        long making = System.nanoTime();
        rowThreads.each(rows.size(), 25, i -> {
            Waiting w = rows.get(i);
            ImportRow row = w.read().row();
            if (row != null && !w.unchanged()) {
                versions[i] = run.source().versionFor(row);
                made[i] = HistoricCase.make(row, w.existing(), w.existing() != null ? null : NOT_YET_NUMBERED, org, versions[i].pack(),
                        run.source().clocksOf(versions[i].pack(), writer), run.actor(), run.note(), run.mapping());
            }
        });
        run.timings().making.add(ImportBatch.Timings.since(making));
        ImportBatch batch = new ImportBatch(run.job() != null, writer);
        List<New> created = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Waiting w = rows.get(i);
            ImportRow row = w.read().row();
            batch.rows++;
            if (row == null) {
                batch.refuse(w.number(), w.cells(), w.read().problems(), run);
            } else if (w.unchanged()) {
                batch.unchanged++;
            } else if (made[i].problem() != null) {
                batch.refuse(w.number(), w.cells(), List.of(made[i].problem()), run);
            } else if (w.existing() != null) {
                corrected(row, w.existing(), made[i], run, batch);
            } else {
                // numbered only now, in the file's order, so a refused row leaves no gap in the reference numbers
                int year = CaseBulkWriter.referenceYear(row.receivedAt());
                String reference = run.source().organisation().referencePrefix() + "-" + year + "-"
                        + "%06d".formatted(run.numbers().next(org, year));
                CaseFile file = CaseBulkWriter.numbered(java.util.Objects.requireNonNull(made[i].file()), reference);
                created.add(new New(row, file, made[i].version(), ImportSource.earliestVersionNote(versions[i])));
                batch.ombudsman(ombudsman, org, reference, row, run.note(), run.actor());
                if (batch.writing) {
                    batch.hazardCheck(hazards, file, reference, run.source().pack(), run.fileName(), run.actor());
                }
                batch.imported++;
            }
        }
        if (batch.writing && !created.isEmpty()) {
            // each case's state and history serialised for COPY on the row threads, in two halves written one after the other
            int half = (created.size() + 1) / 2;
            List<List<New>> halves = created.size() < 2 ? List.of(created) : List.of(created.subList(0, half), created.subList(half, created.size()));
            CaseBulkWriter.Batch[] parts = new CaseBulkWriter.Batch[halves.size()];
            long serialising = System.nanoTime();
            rowThreads.each(halves.size(), 1, h -> {
                parts[h] = writer.batch(halves.get(h).size());
                LocalDate today = UkTime.dateOf(run.now());
                for (New n : halves.get(h)) {
                    List<String> missed = missedBy(n.file(), run.now());
                    parts[h].addImported(n.file(), n.version(), n.row().receivedAt(), new CaseFact.Imported(run.fileName(), today,
                                    n.row().sourceId(), n.row().reference(), n.row().rowHash(), false, List.of(), missed), run.now(),
                            run.actor(), run.note() + missedNote(missed) + n.versionNote());
                }
            });
            run.timings().serialising.add(ImportBatch.Timings.since(serialising));
            batch.parts.addAll(List.of(parts));
        }
        return batch;
    }

    private void corrected(ImportRow row, CaseBulkWriter.ImportedCase existing, HistoricCase.Made made, Run run, ImportBatch batch) {
        LocalDate today = UkTime.dateOf(run.now());
        List<String> changed = RowReading.changedFields(existing.rowHash(), row.rowHash());
        List<String> missed = missedBy(java.util.Objects.requireNonNull(made.file()), run.now());
        if (batch.writing) {
            batch.corrections.correctImported(made.file(), existing,
                    new CaseFact.Imported(run.fileName(), today, row.sourceId(), row.reference(), row.rowHash(), true, changed, missed),
                    run.now(), run.actor(), "import correction from " + run.fileName() + ", " + today.format(DAY) + ": "
                            + String.join(", ", changed) + missedNote(missed));
            batch.ombudsman(ombudsman, run.organisation(), existing.reference(), row, run.note(), run.actor());
            batch.hazardCheck(hazards, made.file(), existing.reference(), run.source().pack(), run.fileName(), run.actor());
        }
        batch.updated++;
    }

    /**
     * The clocks of an open case already overdue when it is imported: recorded on the case as missed before the import
     * (the imported event says so), and the deadline sweep records them without sending a "Missed" notice for history.
     */
    static List<String> missedBy(org.redress.casework.CaseFile file, Instant now) {
        return file.state().clocks().stream().filter(c -> c.running() && c.dueBy().isBefore(now))
                .map(c -> c.name() + " (stage " + c.stage() + "), due " + c.dueDate().format(DAY)).toList();
    }

    private static String missedNote(List<String> missed) {
        return missed.isEmpty() ? "" : "; already missed when imported: " + String.join("; ", missed);
    }

    /**
     * Hands a made batch on and counts its rows. For an import, once the batch before it is written (a failure there
     * stops the import here), it is written on the writer thread while this thread makes the next.
     */
    private void flush(ImportBatch batch, Run run, Tally total, List<Future<?>> writing) {
        UUID job = run.job();
        if (job != null) {
            long waiting = System.nanoTime();
            written(writing);
            run.timings().waitingForWrites.add(ImportBatch.Timings.since(waiting));
            int failing = failAfter;
            if (failing > 0 && total.batches >= failing) {
                failAfter = 0;
                throw new IllegalStateException("interrupted after " + failing + " batches (a test's interruption)");
            }
            CaseBulkWriter.ReferenceNumbers numbers = run.numbers().snapshot();
            writing.add(batchWriter.submit(() -> write(batch, run.organisation(), job, numbers, run.timings())));
        }
        total.batches++;
        total.imported += batch.imported;
        total.updated += batch.updated;
        total.unchanged += batch.unchanged;
        total.refused += batch.refused.size();
        total.refusedRows.addAll(batch.refused);
    }

    /** Waits for the batches being written; the first failure is thrown here. */
    private static void written(List<Future<?>> writing) {
        for (Future<?> f : writing) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a batch was being written", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
            }
        }
        writing.clear();
    }

    /**
     * Writes a batch in one transaction: its cases, their reports' rows (made from the cases in memory, issue 20; a
     * corrected case's read back, as it now stands), the reference numbers moved past those it took, its cases' ombudsman
     * side, and its result. An interrupted import keeps whole batches only, each with its report rows.
     */
    private void write(ImportBatch batch, String organisation, UUID job, CaseBulkWriter.ReferenceNumbers numbers, ImportBatch.Timings timings) {
        transactions.executeWithoutResult(status -> {
            if (batch.imported + batch.updated > 0) {
                long cases = System.nanoTime();
                try {
                    for (CaseBulkWriter.Batch part : batch.parts) {
                        writer.write(part);
                    }
                    if (!batch.corrections.corrected().isEmpty()) {
                        writer.write(batch.corrections);
                    }
                    writer.reserve(numbers);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("a batch could not be written: " + e.getMessage(), e);
                }
                timings.writingCases.add(ImportBatch.Timings.since(cases));
                long reports = System.nanoTime();
                readModel.writeBatch(organisation, batch.parts.stream().flatMap(p -> p.importedViews().stream()).toList(), false);
                readModel.writeBatch(organisation, views.of(organisation, batch.corrections.corrected()), true);
                timings.writingReports.add(ImportBatch.Timings.since(reports));
                batch.afterCases.forEach(Runnable::run);
            }
            jobs.batch(job, batch.rows, batch.imported, batch.updated, batch.unchanged, batch.refused);
        });
    }
}
