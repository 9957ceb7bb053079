package org.redress.access;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts of every application table (the monthly figures' sum), and the sum of case versions: if a request changed
 * anything, this changes. The
 * scheduler's, the web sessions' and the rate limits' tables are machinery rather than records (the sessions and rate
 * limits were kept in memory until issue 27), and are left out.
 */
final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /** The logs that record reads (special category data, one-time codes shown): a read that succeeds adds to them. */
    static final java.util.Set<String> READ_LOGS = java.util.Set.of("accounts.special_category_read", "correspondence.held_code_shown");

    /** The fingerprint without the read logs, to compare across reads that succeeded. */
    static Map<String, Long> withoutReadLogs(Map<String, Long> fingerprint) {
        Map<String, Long> rest = new LinkedHashMap<>(fingerprint);
        READ_LOGS.forEach(rest::remove);
        return rest;
    }

    static Map<String, Long> of(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'public')
                  and table_name not in ('scheduled_tasks', 'spring_session', 'spring_session_attributes', 'rate_limit') order by 1
                """).query(String.class).list();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            // the monthly figures are folded in the background (ADR 0030): their rows come and go, their sums stay
            counts.put(table, jdbc.sql(table.equals("reporting.case_month")
                    ? "select coalesce(sum(v), 0)::bigint from reporting.case_month, unnest(vals) v" : "select count(*) from " + table)
                    .query(Long.class).single());
        }
        counts.put("casework.case_file versions", jdbc.sql("select coalesce(sum(version), 0) from casework.case_file").query(Long.class).single());
        return counts;
    }
}
