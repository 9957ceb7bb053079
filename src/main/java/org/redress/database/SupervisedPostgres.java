package org.redress.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded server of one data directory, kept running for the JVM's life: before the first start a server left
 * running by a killed Redress is stopped ({@link StalePostmaster}); a watchdog stops the server if this JVM is killed
 * ({@link PostmasterWatchdog}); and a supervisor thread checks every second that the server's process is alive and,
 * when it is not (killed, crashed), starts it again on the same port and data directory, where PostgreSQL replays its
 * write-ahead log (crash recovery) before it accepts connections. Meanwhile requests that need the database are answered
 * 503 with Retry-After after a short wait for a connection, and readiness is down (issue 27).
 */
final class SupervisedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisedPostgres.class);

    private final Path directory;
    private final EmbeddedDatabaseProperties properties;
    private volatile EmbeddedPostgres server;
    private volatile long pid;
    private volatile boolean stopping;
    /** Referenced for the JVM's life: its pipe must stay open until the JVM dies. */
    private Process watchdog;

    private SupervisedPostgres(Path directory, EmbeddedDatabaseProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    static SupervisedPostgres start(Path directory, EmbeddedDatabaseProperties properties) {
        SupervisedPostgres supervised = new SupervisedPostgres(directory, properties);
        supervised.startFirst();
        return supervised;
    }

    EmbeddedPostgres server() {
        return server;
    }

    private void startFirst() {
        try {
            Files.createDirectories(directory.getParent());
            StalePostmaster.clear(directory);
            if (properties.clean()) {
                deleteRecursively(directory);
            }
            server = EmbeddedPostgresServer.builder(directory, properties, properties.port()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
                    + ". Set REDRESS_DB_URL to use an external PostgreSQL instead.", e);
        }
        pid = currentPid();
        watchdog = PostmasterWatchdog.watch(directory);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
        if (!properties.checkEvery().isZero()) {
            Thread supervisor = new Thread(this::supervise, "embedded-postgres-supervisor");
            supervisor.setDaemon(true);
            supervisor.start();
        }
    }

    private long currentPid() {
        return StalePostmaster.PidFile.read(directory).map(StalePostmaster.PidFile::pid).orElse(-1L);
    }

    private void supervise() {
        while (!stopping) {
            try {
                Thread.sleep(properties.checkEvery().toMillis());
                if (!stopping && !alive()) {
                    restart();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Could not start the embedded PostgreSQL in {} again; trying again shortly", directory, e);
            }
        }
    }

    private boolean alive() {
        return pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private synchronized void restart() {
        if (stopping || alive()) {
            return;
        }
        long started = System.nanoTime();
        LOG.error("The embedded PostgreSQL (process {}) in {} has stopped; starting it again on port {}", pid, directory,
                server.getPort());
        StalePostmaster.PidFile.read(directory).filter(file -> file.pid() == pid)
                .ifPresent(file -> StalePostmaster.forgetPidFile(directory));
        try {
            // releases the data directory's lock; its own stop finds no server and says so
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the stopped server", e);
        }
        try {
            server = EmbeddedPostgresServer.builder(directory, properties, server.getPort()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pid = currentPid();
        LOG.warn("The embedded PostgreSQL in {} is running again (process {}), after crash recovery, in {} ms", directory,
                pid, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private synchronized void stop() {
        stopping = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL in {}", directory, e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
