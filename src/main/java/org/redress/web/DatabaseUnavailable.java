package org.redress.web;

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
     * or refused by a server that is stopping or starting (SQL states 08xxx, 57P01-57P03), anywhere among the causes.
     */
    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            String type = cause.getClass().getName();
            if (type.equals("org.springframework.jdbc.CannotGetJdbcConnectionException")
                    || type.equals("org.springframework.transaction.CannotCreateTransactionException")) {
                return true;
            }
        }
        return false;
    }
}
