package org.redress.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the embedded PostgreSQL, used only when no external database URL is configured.
 *
 * @param directory where the cluster's data lives; it survives restarts
 * @param port the port to listen on, 0 for any free port
 * @param clean whether to wipe the data on start (tests use a throw-away cluster)
 */
@ConfigurationProperties("redress.embedded-db")
public record EmbeddedDatabaseProperties(Path directory, int port, boolean clean) {

    public EmbeddedDatabaseProperties {
        if (directory == null) {
            directory = Path.of(".redress", "pgdata");
        }
    }
}
