package org.redress.reporting;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28: four people reading the dashboard at once made reading one case wait (p95 1.9 s, some 503s). A report's
 * statements run on connections of its own at the lowest CPU priority (ADR 0026), so a report that is being worked out,
 * however long, holds none of the connections the case pages, lists and intake use, and its aggregates use only the CPU
 * they leave.
 */
class ReportConnectionsIT extends ReportingApiSupport {

    @Autowired
    Reports reports;

    @Autowired
    ReportConnections connections;

    @Autowired
    DataSource dataSource;

    @Test
    void whileAReportIsBeingWorkedOutEveryConnectionOfTheCasePoolStaysFree() throws Exception {
        HikariDataSource cases = (HikariDataSource) dataSource;
        ReportScope scope = ReportScope.parse(ORG, "2019-01-01", "2019-06-30", null, null, LocalDate.parse("2019-07-10"));
        // the read model locked by a connection of neither pool: the report's aggregate waits on it, mid-report
        try (Connection lock = DriverManager.getConnection(cases.getJdbcUrl(), cases.getUsername(), cases.getPassword())) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table reporting.case_stage in access exclusive mode");
            }
            CompletableFuture<List<MeasureResult>> report = CompletableFuture.supplyAsync(() -> reports.all(scope, Measures.DASHBOARD));
            awaitAReportWaitingOnTheLock(cases);

            assertThat(cases.getHikariPoolMXBean().getActiveConnections()).as("case pool connections in use while the report runs")
                    .isZero();

            lock.rollback();
            List<MeasureResult> figures = report.get(30, TimeUnit.SECONDS);
            assertThat(figures).hasSize(Measures.DASHBOARD.size());
            assertThat(figures.get(0).rows().get(0).cell("received").count()).isEqualTo(reports.measure(scope, "complaints-received")
                    .rows().get(0).cell("received").count());
        }
    }

    @Test
    void theReportConnectionsServerProcessesRunAtTheLowestCpuPriorityAndTheCasePoolsDoNot() throws Exception {
        assertThat(connections.niceness()).contains(ReportConnections.LOWEST_PRIORITY);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            assertThat(ReportConnections.niceOf(rs.getLong(1))).contains(0);
        }
    }

    private static void awaitAReportWaitingOnTheLock(HikariDataSource cases) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            try (Connection look = DriverManager.getConnection(cases.getJdbcUrl(), cases.getUsername(), cases.getPassword());
                 Statement statement = look.createStatement();
                 var rs = statement.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                         + "and query like '%reporting.case_stage%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no report waited on the read model's lock within 20 s");
    }
}
