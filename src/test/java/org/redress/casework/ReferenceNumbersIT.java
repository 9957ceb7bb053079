package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Case references (ADR 0011): unique per organisation and year, increasing, never reused, taken without a queue. */
class ReferenceNumbersIT extends CaseApiSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void complaintsOfOneOrganisationLoggedAtOnceEachGetTheirOwnNextNumber() throws Exception {
        clock.setUk("2026-11-23T10:00");
        String organisation = cases().anOrganisationLike("helping-our-future");
        String prefix = api().get("/api/v1/organisations/" + organisation).json().get("referencePrefix").asString() + "-2026-";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(() -> api().post("/api/v1/organisations/" + organisation + "/cases",
                    complaint("complaint", "2026-11-23T09:00:00Z", null, "Point")));
        }
        List<String> references = new ArrayList<>();
        for (Future<Api.Response> f : pool.invokeAll(calls)) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            references.add(r.json().get("caseFile").get("reference").asString());
        }
        pool.shutdown();

        // the organisation's own numbers for the year, from one, with no gap and no repeat
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 24; n++) {
            expected.add(prefix + "%06d".formatted(n));
        }
        assertThat(references).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(highestNumber(organisation, prefix)).isEqualTo(24);
    }

    @Test
    void theFirstTwoNumbersOfANewYearTakenAtOnceAreOneAndTwo() throws Exception {
        String organisation = "numbering-" + UUID.randomUUID();
        CountDownLatch bothStarted = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<Long> take = () -> new TransactionTemplate(transactions).execute(tx -> {
            bothStarted.countDown();
            await(bothStarted);
            return nextNumber(organisation, 2026);
        });
        Future<Long> first = pool.submit(take);
        Future<Long> second = pool.submit(take);
        List<Long> numbers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        pool.shutdown();

        assertThat(numbers).containsExactlyInAnyOrder(1L, 2L);
        assertThat(nextNumber(organisation, 2027)).as("each year counts from one").isEqualTo(1L);
    }

    @Test
    void aNumberTakenByATransactionThatFailsIsNeverHandedOutAgain() {
        String organisation = "numbering-" + UUID.randomUUID();
        assertThat(nextNumber(organisation, 2026)).isEqualTo(1L);
        TransactionTemplate failing = new TransactionTemplate(transactions);
        failing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        failing.executeWithoutResult(tx -> {
            assertThat(nextNumber(organisation, 2026)).isEqualTo(2L);
            tx.setRollbackOnly();
        });
        assertThat(nextNumber(organisation, 2026)).isEqualTo(3L);
    }

    private long nextNumber(String organisation, int year) {
        return jdbc.sql("select casework.next_reference_number(?, ?)").params(organisation, year).query(Long.class).single();
    }

    private int highestNumber(String organisation, String prefix) {
        return jdbc.sql("select coalesce(max(reference), '') from casework.case_file where organisation = ? and reference like ?")
                .params(organisation, prefix + "%").query(String.class).optional()
                .filter(r -> !r.isEmpty()).map(ReferenceNumbersIT::number).orElse(0);
    }

    private static int number(String reference) {
        return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
