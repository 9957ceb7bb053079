package org.redress.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedBuffersTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void aMachineOf24GbGivesTheDatabaseTheCapOf4Gb() {
        assertThat(EmbeddedPostgresServer.sharedBuffersFor(24 * GB)).isEqualTo("4096MB");
    }

    @Test
    void aMachineOf8GbGivesTheDatabaseAQuarter() {
        assertThat(EmbeddedPostgresServer.sharedBuffersFor(8 * GB)).isEqualTo("2048MB");
    }

    @Test
    void aSmallMachineStillGivesTheDatabase128Mb() {
        assertThat(EmbeddedPostgresServer.sharedBuffersFor(GB / 4)).isEqualTo("128MB");
    }

    @Test
    void aMachineOfTwoCoresRunsEachQueryInOneProcessAndALargerOneKeepsPostgresDefault() {
        assertThat(EmbeddedPostgresServer.parallelWorkersFor(1)).isEqualTo("0");
        assertThat(EmbeddedPostgresServer.parallelWorkersFor(2)).isEqualTo("0");
        assertThat(EmbeddedPostgresServer.parallelWorkersFor(8)).isEqualTo("2");
    }
}
