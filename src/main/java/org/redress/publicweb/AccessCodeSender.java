package org.redress.publicweb;

import org.redress.casework.CaseTypes.Complainant;

/**
 * Sends a complainant their one-time code by their preferred contact method. The correspondence module will provide
 * the real one; {@link EmailAccessCodeSender} emails it through the outbox.
 */
public interface AccessCodeSender {

    void send(String organisation, String reference, Complainant complainant, String code);
}
