package org.redress.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded server per data directory per JVM: several Spring contexts (as in a test run) share it, it stops with
 * the JVM, and it is started again if it dies ({@link SupervisedPostgres}).
 */
final class EmbeddedPostgresServer {

    private static final Map<Path, SupervisedPostgres> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    static EmbeddedPostgres obtain(EmbeddedDatabaseProperties properties) {
        Path directory = properties.directory().toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(directory, dir -> SupervisedPostgres.start(dir, properties)).server();
    }

    /**
     * Redress's server settings for the directory; the data is never wiped here ({@link SupervisedPostgres} wipes a
     * test cluster itself before the first start, so that a restart after a crash keeps it), and the server is stopped
     * by {@link SupervisedPostgres}'s own shutdown hook, which first stops restarting it.
     */
    static EmbeddedPostgres.Builder builder(Path directory, EmbeddedDatabaseProperties properties, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setPgBinaryResolver(new RootSafeBinaryResolver(directory.getParent()))
                .setServerConfig("max_connections", "200")
                // the operating system's file cache is given back to the host under a virtual machine, so
                // PostgreSQL keeps its working set in its own memory and reloads it at start (ADR 16)
                .setServerConfig("shared_buffers", sharedBuffersFor(physicalMemory()))
                .setServerConfig("shared_preload_libraries", "pg_prewarm")
                // a parallel query starts new server processes for each statement; on two cores they only compete
                // with the application, and each new process first maps the shared buffers it reads (the 12-month
                // dashboard's aggregates took 350-420 ms in parallel and 80 ms without: docs/benchmarks.md, issue 28)
                .setServerConfig("max_parallel_workers_per_gather", parallelWorkersFor(Runtime.getRuntime().availableProcessors()))
                .setServerConfig("synchronous_commit", "on")
                // the library starts PostgreSQL with -F (no fsync), as suits a test database; a commit Redress
                // answers 2xx for must survive a power cut, so it is turned back on
                .setServerConfig("fsync", "on")
                // with commits flushed, logging complaints at 300 a second waited on the WAL (p95 0.1 to 1.2 s in
                // issue 4's benchmark); fewer checkpoints (so fewer full-page images), compressed page images and
                // commits flushed together brought it back to 19 ms (docs/benchmarks.md, fourth session)
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("wal_compression", "on")
                .setServerConfig("commit_delay", "100")
                .setServerConfig("commit_siblings", "3")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C");
        properties.settings().forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    /** No parallel workers for a query on a machine of two cores or fewer; PostgreSQL's default (2) on a larger one. */
    static String parallelWorkersFor(int cores) {
        return cores <= 2 ? "0" : "2";
    }

    /**
     * A quarter of the machine's memory, at least 128 MB and at most 4 GB, in megabytes: PostgreSQL's advice for a
     * dedicated server, capped because Redress's own heap and the file cache need the rest.
     */
    static String sharedBuffersFor(long physicalBytes) {
        long quarterMb = physicalBytes / 4 / (1024 * 1024);
        return Math.max(128, Math.min(quarterMb, 4096)) + "MB";
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 1024L * 1024 * 1024; // unknown: as for a machine of 1 GB
    }
}
