package org.redress.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The threads an import and a dry run make their rows' cases on (issue 20's speed target): as many as the machine has
 * cores, two at least. A batch's rows are read and checked in order first (a source id seen twice is the later row's
 * problem), so the work given here is independent row by row, and its results are taken in the file's order.
 */
final class RowThreads {

    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "register-rows");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code work} for 0 to {@code n} - 1, {@code slice} at a time, and returns when all is done; the first failure is thrown here. */
    void each(int n, int slice, IntConsumer work) {
        if (n <= slice) {
            for (int i = 0; i < n; i++) {
                work.accept(i);
            }
            return;
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int from = 0; from < n; from += slice) {
            int start = from;
            int end = Math.min(n, from + slice);
            tasks.add(() -> {
                for (int i = start; i < end; i++) {
                    work.accept(i);
                }
                return null;
            });
        }
        try {
            for (Future<Void> done : threads.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the rows", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("a row could not be made: " + e.getCause(), e.getCause());
        }
    }

    /** Waits for a task, whatever becomes of it (its failure is reported where it is first waited for). */
    static void waitFor(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // reported elsewhere
        }
    }

    void stop() {
        threads.shutdownNow();
    }
}
