package org.redress.web;

import org.springframework.transaction.TransactionSystemException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether an error means the database cannot be reached just now, which Redress answers 503 with Retry-After
 * ({@link ServiceUnavailableFilter}) rather than 500, or 401 when it happened while checking a password.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /**
     * No connection within the pool's wait (Hikari's {@link SQLTransientConnectionException}, which Spring wraps as
     * CannotGetJdbcConnectionException or CannotCreateTransactionException), a refused connection, or a connection lost
     * or refused by a server that is stopping or starting (SQL states 08xxx, 57P01-57P03), or a connection the pool closed
     * as broken, anywhere among the causes, or behind a failed rollback.
     */
    public static boolean causedBy(Throwable error) {
        return causedBy(error, false);
    }

    /**
     * The database itself cannot be reached: a refused or lost connection (as {@link #causedBy}), but not a request that
     * merely waited too long for one of the pool's live connections while they were all busy (a wait with no cause).
     * Only this makes {@code ServiceUnavailableFilter} answer the next requests at once; a busy pool does not.
     */
    public static boolean unreachable(Throwable error) {
        return causedBy(error, true);
    }

    private static boolean causedBy(Throwable error, boolean unreachable) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // the reports' replica away is not the database away: 503 for the report, nothing for other requests
            if (unreachable && cause instanceof ReplicaUnavailable) {
                return false;
            }
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException && !unreachable) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            // the pool's answer for a connection it closed because it broke, which carries no SQL state
            if (cause instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            // the database stopped mid-transaction: the rollback fails too, and its exception hides the first one (the
            // lost connection) among its causes; the benchmark's outage answered 500 for it (issue 27)
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != error && causedBy(rollback.getApplicationException(), unreachable)) {
                return true;
            }
            // Spring's wrappers of "no connection" say nothing of why: for unreachable, only their causes above decide.
            // (Without the parentheses a busy pool behind @Transactional, CannotCreateTransactionException, counted as
            // the database away: under load with PostgreSQL up, the outage benchmark answered everything 503 for a
            // second 75 times in a 40 s run and acknowledged about 30 creates a second; issue 27.)
            String type = cause.getClass().getName();
            if (!unreachable && (type.equals("org.springframework.jdbc.CannotGetJdbcConnectionException")
                    || type.equals("org.springframework.transaction.CannotCreateTransactionException"))) {
                return true;
            }
        }
        return false;
    }
}
