package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.vocabulary.Filing;
import org.redress.vocabulary.Vocabulary;
import org.redress.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Files a new contact by the organisation's controlled lists (issue 20): its service area, subject and sub-category
 * stored as the lists' canonical entries ("Damp &amp; Mould" as "Damp and mould"), or a 400 naming each field whose
 * value is not in its list, unless the list takes free values. The API and the staff form file through here.
 */
@Component
public class CaseFiling {

    private final Vocabulary vocabulary;

    CaseFiling(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A point's category as the subjects list names it, or a 400 naming {@code category}; none when none is given. */
    public @Nullable String pointCategory(String organisation, @Nullable String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        Filing filed = vocabulary.filing(organisation, null, category, null);
        if (!filed.problems().isEmpty()) {
            throw new InvalidInputException("category", filed.problems().get(0).message());
        }
        return filed.subject();
    }

    public NewCase file(String organisation, NewCase request) {
        Classification c = request.classification();
        Filing filed = vocabulary.filing(organisation, c.serviceArea(), c.subject(), c.subSubject()).orThrow();
        Classification canonical = new Classification(c.serviceLine(), filed.serviceArea(), filed.subject(), filed.subSubject(), c.category());
        return new NewCase(request.recordType(), request.channel(), request.receivedAt(), request.complainant(), request.representative(),
                request.namedPeople(), canonical, request.description(), request.outcomeWanted(), request.understanding(),
                request.awareSince(), request.points(), request.linkedFrom());
    }
}
