package org.redress.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept out of the test run (its name ends in neither Test nor IT): issue 20's target, a register of 100,000 rows
 * ({@link RegisterGenerator}) dry-run in under a minute and imported in under two, timed. Run it with
 * {@code ./mvnw -B test -Dtest=ImportBenchmark -Dredress.bench=true -DargLine=-Xmx512m}.
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "redress.bench", matches = "true")
@Import(TestClockConfiguration.class)
class ImportBenchmark {

    /** The register's rows: 100,000 for the target; {@code -Dredress.bench.rows=10000} for a quick look at the per-row costs. */
    static final int ROWS = Integer.getInteger("redress.bench.rows", 100_000);

    @Autowired
    Imports imports;
    @Autowired
    Uploads uploads;
    @Autowired
    MutableClock clock;

    @Test
    void aRegisterOfAHundredThousandRowsIsDryRunInUnderAMinuteAndImportedInUnderTwo() throws InterruptedException {
        clock.setUk("2026-11-23T09:00");
        byte[] csv = RegisterGenerator.csv(ROWS, 20, LocalDateTime.of(2026, 11, 23, 9, 0)).getBytes(StandardCharsets.UTF_8);
        ColumnMapping mapping = ColumnMapping.suggested(java.util.List.of(RegisterGenerator.HEADER.strip().split(",")));

        long t0 = System.nanoTime();
        Imports.ImportCheck dry = imports.dryRun("alliance-homes", "register.csv", csv, mapping);
        double drySeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("dry run of %d rows: %.1f s (%d to import, %d refused)%n", dry.rows(), drySeconds, dry.wouldImport(), dry.refused());

        long t1 = System.nanoTime();
        ImportJobs.Job job = imports.start("alliance-homes", uploads.keep("alliance-homes", "register.csv", csv), mapping, "benchmark");
        while (imports.job("alliance-homes", job.id()).status().equals("RUNNING")) {
            Thread.sleep(500);
        }
        double importSeconds = (System.nanoTime() - t1) / 1e9;
        ImportJobs.Job done = imports.job("alliance-homes", job.id());
        System.out.printf("import of %d rows: %.1f s (%d imported, %d refused, %d batches)%n", done.total(), importSeconds,
                done.imported(), done.refused(), done.batches());
        assertThat(done.status()).isEqualTo("FINISHED");
        assertThat(drySeconds).isLessThan(60);
        assertThat(importSeconds).isLessThan(120);
    }
}
