package org.redress.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For the short-lived caches in front of rarely changed rows (accounts, API tokens, closure days): a change forgets the
 * cached copy at once and, when it happens inside a transaction, again once that transaction ends, because a request
 * that read the old rows between the two would otherwise put them back for the cache's whole lifetime.
 */
public final class CacheForgetting {

    private CacheForgetting() {
    }

    /** Runs {@code forget} now and, inside a transaction, again after it commits or rolls back. */
    public static void nowAndAtTransactionEnd(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
