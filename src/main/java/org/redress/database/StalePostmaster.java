package org.redress.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server left running by a Redress that was killed ({@code kill -9}, an out-of-memory kill): the server is
 * not a child of the JVM, so it outlives it, keeps its {@code postmaster.pid} and the data directory, and a new server
 * on that directory cannot start (issue 27: the first start after a crash waited 60 s and gave up). Before starting,
 * Redress reads the directory's {@code postmaster.pid}; when its process is a PostgreSQL server of this directory, it is
 * asked to stop (fast shutdown, then immediate, then killed), and when the process is gone or is something else, the
 * stale file is removed. Nothing is touched while another JVM holds the directory's lock (a Redress still running).
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

    /** The embedding library's lock file in the data directory, held by the JVM whose server it is. */
    static final String LOCK_FILE = "epg-lock";

    /** The first lines of {@code postmaster.pid}: the server's process, its data directory and its port. */
    record PidFile(long pid, Path dataDirectory, int port) {

        static Optional<PidFile> read(Path directory) {
            Path file = directory.resolve("postmaster.pid");
            try {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() < 2) {
                    return Optional.empty();
                }
                int port = lines.size() > 3 && lines.get(3).trim().matches("\\d+") ? Integer.parseInt(lines.get(3).trim()) : 0;
                return Optional.of(new PidFile(Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim()), port));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private StalePostmaster() {
    }

    /** Stops a stale server of {@code directory} or removes its stale pid file; does nothing while another JVM uses it. */
    static void clear(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(directory.resolve("postmaster.pid")) || !Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw"); FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                LOG.warn("The embedded PostgreSQL in {} belongs to another running Redress; leaving it alone", directory);
                return;
            }
            try {
                PidFile.read(directory).ifPresent(pidFile -> stopOrForget(directory, pidFile));
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check " + directory + " for a server left running", e);
        }
    }

    private static void stopOrForget(Path directory, PidFile pidFile) {
        Optional<ProcessHandle> process = ProcessHandle.of(pidFile.pid()).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgres(process.get()) && sameDirectory(directory, pidFile.dataDirectory())) {
            LOG.warn("A PostgreSQL server (process {}, port {}) was left running on {} by a Redress that stopped without "
                    + "shutting it down; stopping it", pidFile.pid(), pidFile.port(), directory);
            stop(process.get());
            LOG.info("The server left running on {} has stopped", directory);
        } else {
            LOG.warn("Removing the stale postmaster.pid in {}: process {} is {}", directory, pidFile.pid(),
                    process.isPresent() ? "not its PostgreSQL server" : "gone");
            forgetPidFile(directory);
        }
    }

    /** Removes {@code postmaster.pid}; for a directory whose server is known to be gone. */
    static void forgetPidFile(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the stale postmaster.pid in " + directory, e);
        }
    }

    /** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT), then SIGKILL; waits for the server's children too. */
    static void stop(ProcessHandle postmaster) {
        List<ProcessHandle> children = postmaster.descendants().toList();
        if (!signalAndWait(postmaster, "INT", Duration.ofSeconds(10))
                && !signalAndWait(postmaster, "QUIT", Duration.ofSeconds(5))) {
            postmaster.destroyForcibly();
            if (!waitFor(postmaster, Duration.ofSeconds(5))) {
                throw new IllegalStateException("Could not stop the PostgreSQL server left running as process "
                        + postmaster.pid());
            }
        }
        for (ProcessHandle child : children) {
            if (!waitFor(child, Duration.ofSeconds(5))) {
                child.destroyForcibly();
            }
        }
    }

    private static boolean signalAndWait(ProcessHandle process, String signal, Duration wait) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor() != 0) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return waitFor(process, wait);
    }

    private static boolean waitFor(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The process runs PostgreSQL's server program ({@code postgres}, or {@code postgres.real} behind ADR 2's wrapper). */
    static boolean isPostgres(ProcessHandle process) {
        Optional<String> command = process.info().command();
        if (command.isPresent()) {
            String name = Path.of(command.get()).getFileName().toString();
            return name.equals("postgres") || name.equals("postgres.real") || name.equals("postgres.exe");
        }
        // the command of another user's process may be hidden; /proc names it on Linux
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            String first = cmdline.split("\0", 2)[0];
            return first.endsWith("postgres") || first.endsWith("postgres.real");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean sameDirectory(Path ours, Path recorded) {
        try {
            return Files.isSameFile(ours, recorded);
        } catch (IOException e) {
            return ours.toAbsolutePath().normalize().equals(recorded.toAbsolutePath().normalize());
        }
    }
}
