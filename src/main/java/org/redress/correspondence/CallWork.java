package org.redress.correspondence;

import org.redress.calendar.UkTime;
import org.redress.casework.CaseScope;
import org.redress.casework.StaffWork;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * The contacts a member is to make on their "my work" page (A-2, issue 21): each letter to give by phone or text, with
 * the start of what to say, and each letter that cannot be sent, as a warning. Due the day the letter was written.
 */
@Component
class CallWork implements StaffWork {

    private final CallTasks calls;
    private final Clock clock;

    CallWork(CallTasks calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public List<Item> openWorkOf(CaseScope scope, String username) {
        var today = UkTime.dateOf(clock.instant());
        return calls.openFor(scope, username).stream()
                .map(c -> new Item(c.what(), c.undeliverable() ? c.warning() : c.person() + ": " + c.subject(), c.caseReference(),
                        CallTasks.day(c), CallTasks.day(c).isBefore(today), c.undeliverable() ? null : "What to say: " + start(c.whatToSay()),
                        "/staff/" + scope.organisation() + "/cases/" + c.caseReference() + "#call-" + c.id()))
                .toList();
    }

    /** The first words of the letter, enough to recognise it; the case page shows it whole. */
    private static String start(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
