package org.redress.reporting;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;

/**
 * Where reports and exports read the read model (issue 24, item 4): a streaming replica of the primary when
 * {@code redress.reporting.datasource.url} is set, else the primary itself. {@link Reports} and {@link ExternalMeasures}
 * ask for the {@link #READS} client; everything that writes (the read model, {@link ReadModel}; report settings and
 * schedules) keeps the application's own client on the primary.
 * <p>
 * The replica's pool is not a bean of the application: Flyway, the health check's {@code db} indicator (so readiness) and
 * every other module see only the primary, so a replica that is away fails the reports (503, as any unreachable
 * database) and nothing else. Its connections are read-only and not in auto-commit: a report's statements run in one
 * read-only transaction on the replica for as long as the report's own transaction runs (Spring binds the replica's
 * connection to it), so {@code set local} planner settings hold for its queries, and the transaction is rolled back when
 * the connection goes back to the pool. A write sent through it would be refused, even if the URL named the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReportingDatabase {

    /** The qualifier of the client reports read through. */
    static final String READS = "reportingReads";

    /**
     * The client reports read through. Not a default candidate, so Spring Boot still makes the application's own
     * {@code JdbcClient}, and an unqualified {@code JdbcClient} is still the primary's.
     */
    @Bean(defaultCandidate = false)
    @Qualifier(READS)
    JdbcClient reportingReads(DataSource primary, ReplicaPool replica) {
        DataSource pool = replica.pool();
        return JdbcClient.create(pool != null ? pool : primary);
    }

    @Bean
    ReplicaPool reportingReplicaPool(@Value("${redress.reporting.datasource.url:}") String url,
                                     @Value("${redress.reporting.datasource.username:}") String username,
                                     @Value("${redress.reporting.datasource.password:}") String password,
                                     @Value("${redress.reporting.datasource.maximum-pool-size:10}") int size,
                                     @Value("${spring.datasource.hikari.connection-timeout:2000}") long waitMillis) {
        if (!StringUtils.hasText(url)) {
            return new ReplicaPool(null);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("redress-reports-replica");
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        // as on the primary: a report waits at most this long for a connection, then is answered 503
        pool.setConnectionTimeout(waitMillis);
        pool.setValidationTimeout(Math.min(1000, Math.max(250, waitMillis / 2)));
        pool.setReadOnly(true);
        pool.setAutoCommit(false);
        // the application starts even while the replica is away; reports wait for it
        pool.setInitializationFailTimeout(-1);
        return new ReplicaPool(pool);
    }

    /** The replica's pool, if one is set; closed with the application. */
    static final class ReplicaPool implements AutoCloseable {

        private final @Nullable HikariDataSource pool;

        ReplicaPool(@Nullable HikariDataSource pool) {
            this.pool = pool;
        }

        @Nullable HikariDataSource pool() {
            return pool;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }
}
