package org.redress.imports;

import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The import job's own writes, for tests that need an import caught part way through. */
public final class ImportJobsInTests {

    private final ImportJobs jobs;
    private final UUID id = UUID.randomUUID();

    private ImportJobsInTests(ApplicationContext context) {
        this.jobs = context.getBean(ImportJobs.class);
    }

    /** An import of {@code total} rows started and {@code read} of them read, as the running import records them. */
    public static ImportJobsInTests running(ApplicationContext context, String organisation, int total, int read, Instant at) {
        ImportJobsInTests job = new ImportJobsInTests(context);
        job.jobs.start(job.id, organisation, "register.csv", "test-admin", at, null,
                ColumnMapping.suggested(List.of("Reference", "Received", "Description")));
        job.jobs.total(job.id, total);
        job.jobs.batch(job.id, read, read, 0, 0, List.of());
        return job;
    }

    public void finish(Instant at) {
        jobs.finish(id, at, null);
    }
}
