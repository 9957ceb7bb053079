package org.redress.correspondence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The letters of one case for other modules: read for the ombudsman's information pack (F-9) and a subject access
 * export, each as the PDF that was (or would be) posted, and anonymised when the case is (retention or erasure). An
 * anonymised letter stays, with its kind, channel, dates and delivery status, so the record that a letter was sent when
 * it was survives; who it went to and what it said do not.
 */
@Service
public class CaseCorrespondence {

    private final Letters letters;
    private final LetterPdf pdf;
    private final JdbcClient jdbc;

    CaseCorrespondence(Letters letters, LetterPdf pdf, JdbcClient jdbc) {
        this.letters = letters;
        this.pdf = pdf;
        this.jdbc = jdbc;
    }

    /** Every letter and email of the case (by id or reference), oldest first. */
    @Transactional(readOnly = true)
    public List<Letter> lettersOf(String organisation, String caseIdOrReference) {
        return letters.ofCase(organisation, caseIdOrReference);
    }

    /** The letter as a PDF, as it is posted (large print where the person needs it). */
    public byte[] pdfOf(Letter letter) {
        return pdf.render(letter);
    }

    /** Replaces the recipients, subjects and bodies of the case's letters; returns how many letters. */
    @Transactional
    public int anonymise(String organisation, String caseId) {
        jdbc.sql("delete from correspondence.held_code where letter_id in (select id from correspondence.letter where organisation = ? and case_id = ?)")
                .params(organisation, UUID.fromString(caseId)).update();
        return jdbc.sql("""
                update correspondence.letter set recipient = '[anonymised]', copy_to = null, subject = '[anonymised] ' || kind,
                    body = '[anonymised]', last_error = null
                where organisation = ? and case_id = ?
                """).params(organisation, UUID.fromString(caseId)).update();
    }
}
