package org.redress.notices;

import java.util.List;

/**
 * A short email to one address, belonging to no case, that a module asks to be sent (e.g. reporting's quarterly
 * figures to a member of the Board). It is queued in the publisher's transaction: if that rolls back, nothing is sent.
 *
 * @param greetingName whom the email greets
 * @param lines        the items the email lists, one per line
 */
public record NoticeRequested(String organisation, String recipient, String subject, String greetingName, List<String> lines) {

    public NoticeRequested {
        lines = List.copyOf(lines);
    }
}
