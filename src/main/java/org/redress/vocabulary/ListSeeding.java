package org.redress.vocabulary;

import org.redress.people.Organisation;
import org.redress.people.OrganisationAdded;
import org.redress.people.Organisations;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes each organisation's controlled lists with the organisation (issue 20), so reading them never writes: a new
 * organisation's in the transaction that adds it (both or neither), and, when the application starts (after the
 * shipped packs are installed, before it serves anything), those of any organisation that has none yet, such as the
 * organisations a migration added.
 */
@Component
class ListSeeding implements SmartLifecycle {

    private final Vocabulary vocabulary;
    private final Organisations organisations;
    private final TransactionTemplate transactions;
    private volatile boolean running;

    ListSeeding(Vocabulary vocabulary, Organisations organisations, PlatformTransactionManager transactions) {
        this.vocabulary = vocabulary;
        this.organisations = organisations;
        this.transactions = new TransactionTemplate(transactions);
    }

    @EventListener
    void makeTheListsOfANewOrganisation(OrganisationAdded added) {
        vocabulary.seed(added.organisation());
    }

    /** The lists of every organisation that has none yet; each organisation's in a transaction of its own. */
    int seedMissing() {
        int seeded = 0;
        for (Organisation organisation : organisations.all()) {
            if (!vocabulary.seeded(organisation.code())) {
                transactions.executeWithoutResult(s -> vocabulary.seed(organisation));
                seeded++;
            }
        }
        return seeded;
    }

    @Override
    public void start() {
        seedMissing();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: before the web server starts taking requests (its phase is far later). */
    @Override
    public int getPhase() {
        return 0;
    }
}
