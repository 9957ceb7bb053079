package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.vocabulary.Filing;
import org.redress.vocabulary.Vocabulary;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

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

    /** The request filed: its area, subject and each point's category as the lists name them, or a 400 naming every field that is not. */
    public NewCase file(String organisation, NewCase request) {
        Classification c = request.classification();
        Filing filed = vocabulary.filing(organisation, c.serviceArea(), c.subject(), c.subSubject());
        List<FieldError> problems = new ArrayList<>(filed.problems());
        List<@Nullable String> categories = new ArrayList<>();
        for (int i = 0; i < request.pointCategories().size(); i++) {
            String given = request.pointCategories().get(i);
            if (given == null || given.isBlank()) {
                categories.add(null);
                continue;
            }
            Filing category = vocabulary.filing(organisation, null, given, null);
            category.problems().forEach(p -> problems.add(new FieldError("pointCategories[" + categories.size() + "]", p.message())));
            categories.add(category.subject());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Classification canonical = new Classification(c.serviceLine(), filed.serviceArea(), filed.subject(), filed.subSubject(), c.category());
        return request.filedAs(canonical, categories);
    }
}
