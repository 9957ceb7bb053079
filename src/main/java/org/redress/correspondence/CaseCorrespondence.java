package org.redress.correspondence;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Read access to a case's letters for other modules (the ombudsman's information pack, F-9): the letters as kept,
 * oldest first, and each as the PDF that was (or would be) posted.
 */
@Service
public class CaseCorrespondence {

    private final Letters letters;
    private final LetterPdf pdf;

    CaseCorrespondence(Letters letters, LetterPdf pdf) {
        this.letters = letters;
        this.pdf = pdf;
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
}
