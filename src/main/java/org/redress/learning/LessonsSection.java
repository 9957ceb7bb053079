package org.redress.learning;

import org.redress.casework.CaseSection;
import org.redress.casework.CaseView;
import org.redress.pages.LinkedSection;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The case page's link to the lessons and service changes this case led to (F-14, H-8). */
@Component
class LessonsSection extends LinkedSection implements CaseSection {

    private final Learning learning;

    LessonsSection(Learning learning) {
        super("lessons", "Lessons and service changes", 20);
        this.learning = learning;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        List<Learning.LessonView> lessons = learning.ofCase(organisation, caseFile.id());
        if (lessons.isEmpty()) {
            return Optional.empty();
        }
        long done = lessons.stream().filter(l -> l.lesson().status() == Lesson.Status.DONE).count();
        return Optional.of(lessons.size() + (lessons.size() == 1 ? " lesson" : " lessons") + ", " + done + " done");
    }
}
