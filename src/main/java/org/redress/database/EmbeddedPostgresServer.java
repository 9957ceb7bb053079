package org.redress.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded server per data directory per JVM: several Spring contexts (as in a test run) share it,
 * and it stops with the JVM.
 */
final class EmbeddedPostgresServer {

    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    static EmbeddedPostgres obtain(EmbeddedDatabaseProperties properties) {
        Path directory = properties.directory().toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(directory, dir -> start(dir, properties));
    }

    private static EmbeddedPostgres start(Path directory, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(directory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(properties.clean())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setPgBinaryResolver(new RootSafeBinaryResolver(directory.getParent()))
                    .setServerConfig("max_connections", "200")
                    // the operating system's file cache is given back to the host under a virtual machine, so
                    // PostgreSQL keeps its working set in its own memory and reloads it at start (ADR 16)
                    .setServerConfig("shared_buffers", sharedBuffersFor(physicalMemory()))
                    .setServerConfig("shared_preload_libraries", "pg_prewarm")
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
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory
                    + ". Set REDRESS_DB_URL to use an external PostgreSQL instead.", e);
        }
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
