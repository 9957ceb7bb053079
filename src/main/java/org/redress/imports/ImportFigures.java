package org.redress.imports;

import org.redress.metrics.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The imports' figures for the Prometheus endpoint (issue 24): how far the running imports of each organisation have
 * got (rows read and rows in their files; both drop back to 0 when they finish), read at most every refresh period.
 */
@Component
class ImportFigures {

    static final String RUNNING = "redress.imports.running";
    static final String DONE = "redress.import.rows.done";
    static final String IN_FILE = "redress.import.rows.in.file";

    private final JdbcClient jdbc;

    ImportFigures(Figures figures, JdbcClient jdbc) {
        this.jdbc = jdbc;
        figures.perOrganisation("the running imports", List.of(
                new Figures.Gauged(RUNNING, "Imports of a complaint register running now"),
                new Figures.Gauged(DONE, "Rows the running imports have read so far"),
                new Figures.Gauged(IN_FILE, "Rows in the files of the running imports (0 until a file has been counted)")), this::read);
    }

    private Figures.PerOrganisation read() {
        Map<String, Long> running = new HashMap<>();
        Map<String, Long> done = new HashMap<>();
        Map<String, Long> inFile = new HashMap<>();
        jdbc.sql("select organisation, count(*), sum(processed), sum(total) from imports.job where status = 'RUNNING' group by organisation")
                .query(rs -> {
                    running.put(rs.getString(1), rs.getLong(2));
                    done.put(rs.getString(1), rs.getLong(3));
                    inFile.put(rs.getString(1), rs.getLong(4));
                });
        return new Figures.PerOrganisation(Map.of(RUNNING, running, DONE, done, IN_FILE, inFile));
    }
}
