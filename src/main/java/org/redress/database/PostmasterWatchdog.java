package org.redress.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the embedded server stop when the JVM dies without its shutdown hooks ({@code kill -9}, an out-of-memory kill):
 * a small shell process, a child of the JVM, waits to read its standard input, which only the JVM can write to. When the
 * JVM dies, the operating system closes that pipe, the read ends, and the shell asks the server named in the data
 * directory's {@code postmaster.pid} for a fast shutdown. After an orderly stop the server has already removed its pid
 * file and the shell does nothing. Where there is no {@code /bin/sh} this is skipped; {@link StalePostmaster} still
 * clears a server left running at the next start.
 */
final class PostmasterWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);

    private static final String SCRIPT = """
            read ignored
            file="$1/postmaster.pid"
            [ -f "$file" ] || exit 0
            pid=$(head -n 1 "$file")
            case "$pid" in ''|*[!0-9]*) exit 0 ;; esac
            kill -INT "$pid" 2>/dev/null
            exit 0
            """;

    private PostmasterWatchdog() {
    }

    /** The watchdog process (kept referenced for the JVM's life, so its pipe stays open), or null where none can run. */
    static Process watch(Path directory) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return null;
        }
        try {
            return new ProcessBuilder("/bin/sh", "-c", SCRIPT, "redress-postmaster-watchdog", directory.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.warn("Could not start the watchdog that stops the embedded PostgreSQL if Redress is killed", e);
            return null;
        }
    }
}
