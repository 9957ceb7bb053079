package org.redress.equality;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** H-3: equality monitoring is only ever shown in aggregate, small groups hidden so no answer can be worked out. */
class EqualitySummaryTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    @Test
    void aGroupOfFewerThanFiveIsHiddenAndAnotherIsHiddenWithItSoSubtractionRevealsNothing() {
        // 25 responses: 12 yes, 6 no, 2 prefer not to say, 5 unanswered
        EqualitySummary s = EqualitySummary.of("o", MONTH, MONTH, 25,
                Map.of("disability", Map.of("yes", 12, "no", 6, Question.PREFER_NOT_TO_SAY, 2, "not-answered", 5)), Map.of());
        var disability = group(s, "disability");
        assertThat(disability.get(2).responses()).isEqualTo("fewer than 5");  // prefer not to say: 2
        // alone, the 2 could be worked out as 25 - 12 - 6 - 5: the next smallest (unanswered, 5) is hidden too
        assertThat(disability.get(3).responses()).isEqualTo("fewer than 5");
        assertThat(disability.get(0).responses()).isEqualTo("12");
        assertThat(disability.get(1).responses()).isEqualTo("6");
        assertThat(disability.get(0).shareOfComplaints()).isEqualTo(66.7);
    }

    @Test
    void aSingleSmallChosenGroupIsHiddenWithTheNextSmallestSoItsShareCannotBeWorkedOut() {
        // sex: 12 female, 3 male, nobody preferred not to say or left it: male hidden, so female is hidden with it
        EqualitySummary s = EqualitySummary.of("o", MONTH, MONTH, 15, Map.of("sex", Map.of("female", 12, "male", 3)), Map.of());
        assertThat(group(s, "sex")).extracting(EqualitySummary.Group::responses).containsOnly("fewer than 5");
    }

    @Test
    void withFewerThanFiveResponsesInAllNothingIsShown() {
        EqualitySummary s = EqualitySummary.of("o", MONTH, MONTH, 4, Map.of("sex", Map.of("female", 4)), Map.of());
        assertThat(s.responses()).isEqualTo("fewer than 5");
        assertThat(s.questions()).allSatisfy(q -> assertThat(q.groups()).allSatisfy(g -> {
            assertThat(g.responses()).isEqualTo("fewer than 5");
            assertThat(g.shareOfComplaints()).isNull();
        }));
    }

    @Test
    void aGroupWhoseShareOfComplaintsIsMoreThanFivePointsBelowItsShareOfCustomersIsUnderRepresented() {
        // of 40 who answered: 34 white (85%), 6 asian (15%); customers: 70% white, 25% asian (10 points below), 5% black (none)
        EqualitySummary s = EqualitySummary.of("o", MONTH, MONTH, 40, Map.of("ethnicity", Map.of("white", 34, "asian", 6)),
                Map.of("ethnicity", Map.of("white", 70.0, "asian", 25.0, "black", 5.0)));
        var ethnicity = group(s, "ethnicity");
        assertThat(ethnicity).filteredOn(EqualitySummary.Group::underRepresented).extracting(EqualitySummary.Group::answer)
                .containsExactly("asian");   // black: 5 points below, not more
        assertThat(ethnicity.get(0).shareOfComplaints()).isEqualTo(15.0);
        assertThat(ethnicity.get(0).shareOfCustomers()).isEqualTo(25.0);
    }

    private static List<EqualitySummary.Group> group(EqualitySummary s, String question) {
        return s.questions().stream().filter(q -> q.question().equals(question)).findFirst().orElseThrow().groups();
    }
}
