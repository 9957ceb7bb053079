package org.redress.database;

import org.junit.jupiter.api.Test;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 16: the embedded server keeps its working set in its own memory and reloads it after a restart. */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class EmbeddedDatabaseSettingsIT {

    @Autowired
    JdbcClient jdbc;

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
    }

    @Test
    void theEmbeddedServerIsGivenAQuarterOfTheMachinesMemoryForItsBuffers() {
        long expectedMb = Long.parseLong(EmbeddedPostgresServer.sharedBuffersFor(
                ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize()).replace("MB", ""));
        long actualMb = jdbc.sql("select setting::bigint * 8 / 1024 from pg_settings where name = 'shared_buffers'")
                .query(Long.class).single();
        assertThat(actualMb).isEqualTo(expectedMb).isGreaterThan(128 - 1);
    }

    @Test
    void theEmbeddedServerRunsQueriesInParallelOnlyOnAMachineOfMoreThanTwoCores() {
        assertThat(setting("max_parallel_workers_per_gather"))
                .isEqualTo(EmbeddedPostgresServer.parallelWorkersFor(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void theEmbeddedServerReloadsItsBuffersAfterARestart() {
        assertThat(setting("shared_preload_libraries")).contains("pg_prewarm");
        assertThat(setting("pg_prewarm.autoprewarm")).isEqualTo("on");
    }
}
