package org.redress.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL and points the application's connection pool at it, unless an
 * external database is configured (then Spring Boot's own data source settings apply).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseNotConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    /** Shared by every context in the JVM and stopped by its shutdown hook, so closing one context leaves it running. */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresServer.obtain(properties);
    }

    /**
     * The pool for the embedded server; {@code spring.datasource.hikari.*} settings apply to it as to an external
     * database's pool, among them the short wait for a connection (2 s) after which a request is answered 503.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(Integer.getInteger("redress.db.pool-size", 20));
        pool.setPoolName("redress-embedded");
        return pool;
    }
}
