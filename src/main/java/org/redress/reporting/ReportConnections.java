package org.redress.reporting;

import com.zaxxer.hikari.HikariDataSource;
import org.redress.web.DatabaseUnavailable;
import org.redress.web.ReplicaUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The connections reports read the read model with (issue 28, ADR 0026): a small pool of their own, never the pool the
 * case pages, lists and intake use, so a report that runs (or waits) can never leave a case read without a connection.
 * Its size is {@code redress.reporting.connections} (0: one more than the reports worked out at once, at least two).
 *
 * <p>When the database server runs on this machine as this user (the embedded server), each of these connections' server
 * processes is given the lowest CPU priority ({@code nice 19}, {@code redress.reporting.lower-priority}): a report's
 * aggregate then uses only the CPU that reading and logging cases leave free, instead of an equal share of it. On an
 * external server the pool is still separate; the server's CPU is then that server's to share.
 *
 * <p>A report's statements run in one read-only transaction on one of these connections ({@link #read}). The
 * transaction manager keeps no synchronisation, so what a report reads from other modules (remedies, the Ombudsman's
 * referrals) takes a connection of the main pool for each statement only, never for the report's whole length.
 */
@Component
class ReportConnections implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReportConnections.class);
    /** The niceness given to a report connection's server process: the lowest priority Linux has. */
    static final int LOWEST_PRIORITY = 19;

    private final @org.jspecify.annotations.Nullable HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    /** Whether these connections are the replica's: its failures then say nothing of the primary. */
    private final boolean fromReplica;

    ReportConnections(DataSource main, ReportingDatabase.ReplicaPool replica,
                      @Value("${redress.reporting.connections:0}") int connections,
                      @Value("${redress.reporting.at-once:0}") int atOnce,
                      @Value("${redress.reporting.lower-priority:true}") boolean lowerPriority) {
        HikariDataSource replicaPool = replica.pool();
        if (replicaPool != null) {
            // reports read from the replica (redress.reporting.datasource, issue 24): its pool is already theirs alone
            LOG.info("Reports read from the replica's pool ({})", replicaPool.getJdbcUrl());
            this.pool = null;
            this.fromReplica = true;
            this.jdbc = JdbcClient.create(replicaPool);
            this.readOnly = template(replicaPool);
            return;
        }
        this.fromReplica = false;
        HikariDataSource primary = main instanceof HikariDataSource h ? h : null;
        if (primary == null || primary.getJdbcUrl() == null) {
            // not a pool Redress made (a test's own data source): reports read through it as before
            LOG.info("Reports read through the application's own connections (no separate pool)");
            this.pool = null;
            this.jdbc = JdbcClient.create(main);
            this.readOnly = template(main);
            return;
        }
        int size = connections > 0 ? connections
                : Math.max(2, (atOnce > 0 ? atOnce : ReportsAtOnce.defaultFor(Runtime.getRuntime().availableProcessors())) + 1);
        DataSource connect = new DriverManagerDataSource(primary.getJdbcUrl(), primary.getUsername(), primary.getPassword());
        HikariDataSource reports = new HikariDataSource();
        reports.setDataSource(lowerPriority ? new LowerPriority(connect) : connect);
        reports.setPoolName("redress-reports");
        reports.setMaximumPoolSize(size);
        reports.setMinimumIdle(0);
        // an idle connection is closed after 30 s: many test contexts, or a quiet server, keep none open
        reports.setIdleTimeout(TimeUnit.SECONDS.toMillis(30));
        reports.setConnectionTimeout(primary.getConnectionTimeout());
        reports.setValidationTimeout(primary.getValidationTimeout());
        reports.setReadOnly(true);
        this.pool = reports;
        this.jdbc = JdbcClient.create(reports);
        this.readOnly = template(reports);
        LOG.info("Reports read through a pool of their own: at most {} connections{}", size,
                lowerPriority ? ", their server processes at the lowest CPU priority where the server runs on this machine" : "");
    }

    private static TransactionTemplate template(DataSource dataSource) {
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        // no synchronisation: a statement of another module's connections inside a report is not held to its end
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_NEVER);
        TransactionTemplate template = new TransactionTemplate(manager);
        template.setReadOnly(true);
        return template;
    }

    /** The client a report's statements run through; inside {@link #read} they share its transaction. */
    JdbcClient jdbc() {
        return jdbc;
    }

    /** Works out what {@code work} reads in one read-only transaction on a report connection. */
    <T> T read(Supplier<T> work) {
        T result;
        try {
            result = readOnly.execute(status -> work.get());
        } catch (RuntimeException e) {
            if (fromReplica && DatabaseUnavailable.causedBy(e)) {
                throw new ReplicaUnavailable(e);
            }
            throw e;
        }
        if (result == null) {
            throw new IllegalStateException("a report read returned nothing");
        }
        return result;
    }

    /** The report pool's server processes' CPU priorities, for tests: empty when reports have no pool of their own. */
    Optional<Integer> niceness() {
        if (pool == null) {
            return Optional.empty();
        }
        return Optional.of(read(() -> niceOf(jdbc.sql("select pg_backend_pid()").query(Long.class).single())).orElse(0));
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }

    /** A process's niceness, from Linux's {@code /proc/<pid>/stat} (field 19); empty elsewhere. */
    static Optional<Integer> niceOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command in parentheses may hold spaces: count the fields after its closing parenthesis
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Integer.parseInt(after[16]));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Gives each new connection's server process the lowest CPU priority, when that process is a child of the server
     * whose data directory the connection reports, on this machine, and this user may change it. Anything else (another
     * machine, another user, no {@code renice}) leaves the connection as it is.
     */
    static final class LowerPriority extends DelegatingDataSource {

        LowerPriority(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            lower(connection);
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            Connection connection = super.getConnection(username, password);
            lower(connection);
            return connection;
        }

        static void lower(Connection connection) {
            long pid;
            String dataDirectory;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select pg_backend_pid(), current_setting('data_directory')")) {
                rs.next();
                pid = rs.getLong(1);
                dataDirectory = rs.getString(2);
            } catch (SQLException e) {
                // not allowed to read the data directory: not our server to change
                return;
            }
            Optional<ProcessHandle> server = ProcessHandle.of(pid).flatMap(ProcessHandle::parent);
            boolean ours = server.flatMap(p -> p.info().commandLine()).map(line -> line.contains(dataDirectory)).orElse(false);
            if (!ours || niceOf(pid).map(n -> n >= LOWEST_PRIORITY).orElse(true)) {
                return;
            }
            try {
                Process renice = new ProcessBuilder(List.of("renice", "-n", Integer.toString(LOWEST_PRIORITY), "-p", Long.toString(pid)))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!renice.waitFor(2, TimeUnit.SECONDS)) {
                    renice.destroy();
                }
            } catch (java.io.IOException e) {
                LOG.debug("Could not lower the priority of report connection {}: {}", pid, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
