package org.redress.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.redress.RedressApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** With REDRESS_DB_URL (here: spring.datasource.url) set, Redress uses that server and starts no embedded one. */
class ExternalDatabaseIT {

    @Test
    void anExternalDatabaseUrlIsUsedInsteadOfTheEmbeddedServer() throws Exception {
        // a PostgreSQL server Redress did not start itself: a separate cluster in its own directory
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "external-pgdata"))
                .setCleanDataDirectory(true)
                .setPgBinaryResolver(new RootSafeBinaryResolver(Path.of("target")))
                .start()) {
            try (Connection connection = external.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database redress_external");
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RedressApplication.class)
                    .run("--server.port=0", "--db-scheduler.enabled=false",
                            "--spring.datasource.url=" + external.getJdbcUrl("postgres", "redress_external"),
                            "--spring.datasource.username=postgres")) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("redress_external");
                assertThat(jdbc.sql("select count(*) from people.organisation").query(Long.class).single()).isEqualTo(4);
            }
        }
    }
}
