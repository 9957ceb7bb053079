package org.redress.database;

import com.github.benmanes.caffeine.cache.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For the short-lived caches in front of rarely changed rows (accounts, API tokens, closure days): a change forgets the
 * cached copy at once and, when it happens inside a transaction, again once that transaction ends, because a request
 * that read the old rows between the two would otherwise put them back for the cache's whole lifetime. Reads go
 * through {@link #read}, which never makes one request wait for another's load.
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

    /**
     * The cached value, or one loaded now and kept. Unlike Caffeine's {@code get(key, loader)}, a miss does not make
     * every other reader of the key wait while one loads it: under load a reader inside a transaction holds a pooled
     * connection while it waits, the loader waits for a connection, and once every connection is held that way the
     * requests queue for the pool's timeout (seen in issue 4's create benchmark: 275 s of waiting in 45 s when the
     * signed-in account's entry expired). Two readers missing at once both load; the rows are small and rarely change.
     */
    public static <K, V> V read(Cache<K, V> cache, K key, java.util.function.Function<? super K, ? extends V> load) {
        V known = cache.getIfPresent(key);
        if (known != null) {
            return known;
        }
        V loaded = load.apply(key);
        cache.put(key, loaded);
        return loaded;
    }
}
