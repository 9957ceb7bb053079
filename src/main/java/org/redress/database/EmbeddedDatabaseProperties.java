package org.redress.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the embedded PostgreSQL, used only when no external database URL is configured.
 *
 * @param directory where the cluster's data lives; it survives restarts
 * @param port the port to listen on, 0 for any free port
 * @param clean whether to wipe the data on start (tests use a throw-away cluster)
 * @param settings PostgreSQL settings on top of Redress's own (for example {@code shared_preload_libraries:
 *                 pg_stat_statements} to profile); they win over Redress's
 * @param checkEvery how often Redress checks that the server is still running, to start it again if not (0: never)
 */
@ConfigurationProperties("redress.embedded-db")
public record EmbeddedDatabaseProperties(Path directory, int port, boolean clean, Map<String, String> settings,
                                         Duration checkEvery) {

    public EmbeddedDatabaseProperties {
        if (directory == null) {
            directory = Path.of(".redress", "pgdata");
        }
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        if (checkEvery == null || checkEvery.isNegative()) {
            checkEvery = Duration.ofSeconds(1);
        }
    }
}
