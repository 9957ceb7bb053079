package org.redress.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27, items 1 and 2: the embedded server a killed Redress left running is stopped at the next start, a watchdog
 * stops it when the JVM dies, and a server that dies under a running Redress is started again with its data.
 */
class EmbeddedServerRecoveryIT {

    private static EmbeddedDatabaseProperties properties(Path directory, Duration checkEvery) {
        return new EmbeddedDatabaseProperties(directory, 0, true, Map.of("fsync", "off", "shared_buffers", "32MB"), checkEvery);
    }

    /** A data directory of this run's own: a run never meets a cluster an earlier run left in target. */
    private static final String RUN = Long.toString(System.nanoTime());

    private static Path directory(String name) {
        return Path.of("target", name + "-" + RUN).toAbsolutePath().normalize();
    }

    private static long postmasterPid(Path directory) {
        return StalePostmaster.PidFile.read(directory).orElseThrow().pid();
    }

    private static void execute(int port, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
            connection.createStatement().execute(sql);
        }
    }

    private static long count(int port, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What the operating system does for a killed JVM: its lock on the data directory is gone, its server is not. */
    private static void forgetLockAsIfTheJvmDied(EmbeddedPostgres server) throws Exception {
        Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((FileLock) lock.get(server)).release();
        Field stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.FileOutputStream) stream.get(server)).close();
    }

    @Test
    void aServerLeftRunningByAKilledRedressIsStoppedAndTheNextStartComesUpInSecondsWithItsData() throws Exception {
        Path directory = directory("stale-pgdata");
        EmbeddedDatabaseProperties settings = properties(directory, Duration.ZERO);
        StalePostmaster.clear(directory);
        EmbeddedPostgres left = EmbeddedPostgresServer.builder(directory, settings, 0).setCleanDataDirectory(false).start();
        execute(left.getPort(), "create table kept (id int); insert into kept values (1), (2)");
        long stalePid = postmasterPid(directory);
        forgetLockAsIfTheJvmDied(left);

        long started = System.nanoTime();
        StalePostmaster.clear(directory);
        assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false)).as("the stale server").isFalse();
        try (EmbeddedPostgres next = EmbeddedPostgresServer.builder(directory, settings, 0).start()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(count(next.getPort(), "kept")).isEqualTo(2);
        }
    }

    @Test
    void aStalePidFileWhoseProcessIsGoneOrIsNotPostgresIsRemovedAndNothingIsStopped() throws Exception {
        Path directory = directory("stale-pidfile");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(StalePostmaster.LOCK_FILE), "");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(directory.resolve("postmaster.pid"), gone.pid() + "\n" + directory + "\n1\n5432\n");
        StalePostmaster.clear(directory);
        assertThat(directory.resolve("postmaster.pid")).doesNotExist();

        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(directory.resolve("postmaster.pid"), sleeper.pid() + "\n" + directory + "\n1\n5432\n");
            StalePostmaster.clear(directory);
            assertThat(directory.resolve("postmaster.pid")).doesNotExist();
            assertThat(sleeper.isAlive()).as("a process that is not PostgreSQL is never stopped").isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void theWatchdogStopsTheServerNamedInThePidFileWhenTheJvmGoes() throws Exception {
        Path directory = directory("watchdog-pgdata");
        Files.createDirectories(directory);
        Process server = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(directory.resolve("postmaster.pid"), server.pid() + "\n" + directory + "\n");
            Process watchdog = PostmasterWatchdog.watch(directory);
            assertThat(watchdog).isNotNull();
            Thread.sleep(200);
            assertThat(server.isAlive()).isTrue();
            // the pipe the watchdog reads closes as it would when the JVM dies
            watchdog.getOutputStream().close();
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(directory.resolve("postmaster.pid"));
        }
    }

    @Test
    void aServerThatDiesIsStartedAgainOnItsPortWithItsDataWithinSeconds() throws Exception {
        Path directory = directory("supervised-pgdata");
        SupervisedPostgres supervised = SupervisedPostgres.start(directory, properties(directory, Duration.ofMillis(200)));
        int port = supervised.server().getPort();
        execute(port, "create table kept (id int); insert into kept values (1), (2), (3)");
        long first = postmasterPid(directory);

        new ProcessBuilder("kill", "-9", Long.toString(first)).start().waitFor();
        long killed = System.nanoTime();
        long rows = -1;
        while (Duration.ofNanos(System.nanoTime() - killed).compareTo(Duration.ofSeconds(30)) < 0) {
            try {
                rows = count(port, "kept");
                break;
            } catch (java.sql.SQLException notYet) {
                Thread.sleep(200);
            }
        }
        Duration recovered = Duration.ofNanos(System.nanoTime() - killed);

        assertThat(rows).isEqualTo(3);
        assertThat(recovered).isLessThan(Duration.ofSeconds(20));
        assertThat(postmasterPid(directory)).isNotEqualTo(first);
        assertThat(supervised.server().getPort()).isEqualTo(port);
    }
}
