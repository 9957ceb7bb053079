package org.redress.casework;

import java.util.List;

/**
 * Published inside the transaction that changed a case, so that listeners (letters, reminders) commit or roll
 * back with the change itself: a letter the rules refuse undoes the verb that needed it. A listener that may veto
 * says so in its name ({@code queueLettersOrRefuseTheChange}); listeners read each event's typed
 * {@link CaseEvent#payload()}.
 *
 * @param events the events this change added to the history, in order
 * @param caseFile the case after the change
 */
public record CaseChanged(String organisation, String caseId, String reference, List<CaseEvent> events, CaseView caseFile) {
}
