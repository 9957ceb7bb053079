package org.redress.imports;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.redress.calendar.Calendars;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseBulkWriter;
import org.redress.casework.CaseFact;
import org.redress.casework.ClockMaker;
import org.redress.hazards.Hazards;
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
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "register-import");
        t.setDaemon(true);
        return t;
    });

    Imports(CaseBulkWriter writer, ImportJobs jobs, Uploads uploads, Organisations organisations, PolicyPacks packs, Calendars calendars,
            ReadModel readModel, OmbudsmanReferrals ombudsman, Clock clock, Vocabulary vocabulary, Hazards hazards) {
        this.hazards = hazards;
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
        Source source = source(organisation);
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

    /**
     * The organisation with its active pack and calendar, and the versions its procedure has had: a closed case is made
     * under the version in force when it was received (issue 20), an open one continues under the active pack.
     */
    private record Source(Organisation organisation, PolicyPack pack, ClockMaker clocks, LocalDate firstDay, LocalDate lastDay, Filing.Lists lists,
                          PackTimeline timeline, Map<String, ClockMaker> clocksByVersion) {
        RowReading.Context context(Instant now) {
            return new RowReading.Context(pack, lists, firstDay, lastDay, now);
        }

        /** The version the row's case is made under: for closed history the one in force at its receipt. */
        PackTimeline.VersionAt versionFor(ImportRow row) {
            if (row.closedAt() == null) {
                return new PackTimeline.VersionAt(pack, false);
            }
            return timeline.at(row.receivedAt()).orElse(new PackTimeline.VersionAt(pack, true));
        }
    }

    private Source source(String organisation) {
        Organisation org = requireOrganisation(organisation);
        PolicyPack pack = packs.active(org.policyPack()).orElseThrow(() -> new InvalidInputException("organisation",
                "has no active policy pack to import under"));
        return new Source(org, pack, writer.clocksFor(organisation, pack), calendars.first(), calendars.last(), vocabulary.lists(org.code()),
                packs.timeline(org.policyPack()), new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** The clocks of a version of the organisation's pack (the active one's made once per import). */
    private ClockMaker clocksOf(Source source, PolicyPack pack) {
        if (pack.id().equals(source.pack().id()) && pack.version() == source.pack().version()) {
            return source.clocks();
        }
        return source.clocksByVersion().computeIfAbsent(pack.id() + "@" + pack.version(), k -> writer.clocksFor(source.organisation().code(), pack));
    }

    /** Said on a closed case received before the organisation's first activation: no version was in force then. */
    static String earliestVersionNote(PackTimeline.VersionAt version) {
        return version.beforeAnyActivation() ? "; made under version " + version.pack().version()
                + " of the procedure, the earliest: none was active in Redress when it was received" : "";
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
     * makes every case as the import would (so the aggregate's refusals are reported too) and stores nothing.
     */
    private Tally process(String organisation, String fileName, byte[] content, ColumnMapping mapping, @Nullable UUID job, String actor) {
        Source source = source(organisation);
        Instant now = clock.instant();
        String importedOn = UkTime.dateOf(now).format(DAY);
        String note = HistoricCase.notRecorded(fileName, importedOn);
        List<String> headers = headers(fileName, content);
        RowReading reading = new RowReading(headers, mapping, source.context(now));
        Map<String, CaseBulkWriter.ImportedCase> imported = writer.importedCases(organisation);
        CaseBulkWriter.ReferenceNumbers numbers = writer.referenceNumbers();
        Tally total = new Tally();
        Batch[] batch = {new Batch(job != null)};
        if (job != null) {
            int[] count = {0};
            RegisterFile.read(fileName, content, (number, cells) -> {
                count[0] += number == 1 ? 0 : 1;
                return true;
            });
            jobs.total(job, count[0]);
        }
        RegisterFile.read(fileName, content, (number, cells) -> {
            if (number == 1) {
                return true;
            }
            total.rows++;
            batch[0].rows++;
            ImportRow.Read read = reading.read(number, cells);
            ImportRow row = read.row();
            if (row == null) {
                batch[0].refuse(number, cells, read.problems(), mapping, headers);
            } else {
                one(row, cells, imported.get(row.sourceId()), source, numbers, fileName, now, actor, note, mapping, headers, batch[0]);
            }
            if (batch[0].rows >= BATCH) {
                flush(batch[0], job, total, numbers);
                batch[0] = new Batch(job != null);
            }
            return true;
        });
        flush(batch[0], job, total, numbers);
        if (job != null) {
            writer.finish(numbers);
            readModel.rebuild(organisation);
        }
        return total;
    }

    private void one(ImportRow row, List<String> cells, CaseBulkWriter.@Nullable ImportedCase existing, Source source,
                     CaseBulkWriter.ReferenceNumbers numbers, String fileName, Instant now, String actor, String note,
                     ColumnMapping mapping, List<String> headers, Batch batch) {
        String org = source.organisation().code();
        if (existing != null && existing.rowHash().equals(row.rowHash())) {
            batch.unchanged++;
            return;
        }
        // a new case is made under the number it will take, which is handed out only once the row is made, so a refused
        // row leaves no gap in the reference numbers and each row is made once
        int year = CaseBulkWriter.referenceYear(row.receivedAt());
        String reference = existing != null ? null
                : source.organisation().referencePrefix() + "-" + year + "-" + "%06d".formatted(numbers.peek(org, year));
        PackTimeline.VersionAt version = source.versionFor(row);
        HistoricCase.Made made = HistoricCase.make(row, existing, reference, org, version.pack(), clocksOf(source, version.pack()), actor, note, mapping);
        if (made.problem() != null) {
            batch.refuse(row.number(), cells, List.of(made.problem()), mapping, headers);
            return;
        }
        LocalDate today = UkTime.dateOf(now);
        if (existing != null) {
            List<String> changed = RowReading.changedFields(existing.rowHash(), row.rowHash());
            List<String> missed = missedBy(java.util.Objects.requireNonNull(made.file()), now);
            if (batch.cases != null) {
                batch.cases.correctImported(made.file(), existing,
                        new CaseFact.Imported(fileName, today, row.sourceId(), row.reference(), row.rowHash(), true, changed, missed), now, actor,
                        "import correction from " + fileName + ", " + today.format(DAY) + ": " + String.join(", ", changed) + missedNote(missed));
                batch.ombudsman(org, existing.reference(), row, note, actor);
                batch.hazardCheck(made.file(), existing.reference(), source.pack(), fileName, actor);
            }
            batch.updated++;
            return;
        }
        numbers.next(org, year);
        HistoricCase.Made numbered = made;
        List<String> missed = missedBy(java.util.Objects.requireNonNull(numbered.file()), now);
        if (batch.cases != null) {
            batch.cases.addImported(numbered.file(), numbered.version(), row.receivedAt(),
                    new CaseFact.Imported(fileName, today, row.sourceId(), row.reference(), row.rowHash(), false, List.of(), missed), now, actor,
                    note + missedNote(missed) + earliestVersionNote(version));
            batch.ombudsman(org, java.util.Objects.requireNonNull(reference), row, note, actor);
            batch.hazardCheck(numbered.file(), reference, source.pack(), fileName, actor);
        }
        batch.imported++;
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

    /** One batch: its cases to write in one transaction, and what became of its rows. */
    private final class Batch {
        /** The cases to write; a dry run writes nothing, so it neither serialises nor keeps them. */
        private final CaseBulkWriter.@Nullable Batch cases;

        Batch(boolean writing) {
            this.cases = writing ? writer.batch(BATCH) : null;
        }

        final List<ImportJobs.RefusedRow> refused = new ArrayList<>();
        final List<Runnable> afterCases = new ArrayList<>();
        /** The batch's cases as the hazard check reads them, asked once the batch is written. */
        final List<Hazards.ImportedCase> hazardChecks = new ArrayList<>();
        int rows;

        /** Asks the hazard check of the case once the batch is written (all the batch's cases in one call). */
        void hazardCheck(org.redress.casework.@Nullable CaseFile file, String reference, PolicyPack pack, String fileName, String actor) {
            if (file != null) {
                if (hazardChecks.isEmpty()) {
                    afterCases.add(() -> hazards.openForImported(hazardChecks, pack, fileName, actor));
                }
                var s = file.state();
                hazardChecks.add(new Hazards.ImportedCase(file.organisation(), file.id().value().toString(), reference, s.description(),
                        s.classification().subject(), s.classification().subSubject(), s.receivedAt(), s.closedAt()));
            }
        }

        /** The row's ombudsman side, recorded once its case is written (a case already referred is left as it is). */
        void ombudsman(String organisation, String reference, ImportRow row, String note, String actor) {
            OmbudsmanReferrals.HistoricOmbudsman given = row.ombudsman();
            if (given != null) {
                afterCases.add(() -> ombudsman.recordHistoric(organisation, reference, row.sourceId(), given, note, actor));
            }
        }
        int imported;
        int updated;
        int unchanged;

        void refuse(int number, List<String> cells, List<Problem> problems, ColumnMapping mapping, List<String> headers) {
            String column = mapping.column(ImportField.SOURCE_ID);
            int index = column == null ? -1 : headers.indexOf(column);
            String sourceId = index >= 0 && index < cells.size() && !cells.get(index).isBlank() ? cells.get(index).strip() : null;
            refused.add(new ImportJobs.RefusedRow(number, sourceId, problems, cells));
        }
    }

    private void flush(Batch batch, @Nullable UUID job, Tally total, CaseBulkWriter.ReferenceNumbers numbers) {
        if (job != null) {
            int failing = failAfter;
            if (failing > 0 && total.batches >= failing) {
                failAfter = 0;
                throw new IllegalStateException("interrupted after " + failing + " batches (a test's interruption)");
            }
            if (batch.imported + batch.updated > 0) {
                try {
                    writer.write(java.util.Objects.requireNonNull(batch.cases));
                    writer.reserve(numbers);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("a batch could not be written: " + e.getMessage(), e);
                }
                batch.afterCases.forEach(Runnable::run);
            }
            jobs.batch(job, batch.rows, batch.imported, batch.updated, batch.unchanged, batch.refused);
        }
        total.batches++;
        total.imported += batch.imported;
        total.updated += batch.updated;
        total.unchanged += batch.unchanged;
        total.refused += batch.refused.size();
        total.refusedRows.addAll(batch.refused);
    }
}
