package org.redress.correspondence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The letters of one case for other modules: read for a subject access export, and anonymised when the case is
 * (retention or erasure). The letter stays, with its kind, channel, dates and delivery status, so the record that a
 * letter was sent when it was survives; who it went to and what it said do not.
 */
@Service
public class CaseCorrespondence {

    private final Letters letters;
    private final JdbcClient jdbc;

    CaseCorrespondence(Letters letters, JdbcClient jdbc) {
        this.letters = letters;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Letter> letters(String organisation, String caseId) {
        return letters.ofCase(organisation, caseId);
    }

    /** Replaces the recipients, subjects and bodies of the case's letters; returns how many letters. */
    @Transactional
    public int anonymise(String organisation, String caseId) {
        return jdbc.sql("""
                update correspondence.letter set recipient = '[anonymised]', copy_to = null, subject = '[anonymised] ' || kind,
                    body = '[anonymised]', last_error = null
                where organisation = ? and case_id = ?
                """).params(organisation, UUID.fromString(caseId)).update();
    }
}
