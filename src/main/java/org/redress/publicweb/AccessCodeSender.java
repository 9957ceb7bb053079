package org.redress.publicweb;

import org.redress.casework.CaseTypes.Complainant;

import java.time.Instant;

/**
 * Sends a complainant their one-time code by their preferred contact method; {@link EmailAccessCodeSender} emails it
 * through the correspondence outbox, which holds the code only until it is delivered, used or expired.
 */
public interface AccessCodeSender {

    void send(String organisation, String reference, Complainant complainant, String code, Instant expiresAt);

    /** The complainant has used a code of the case: nothing need keep any of its codes any longer. */
    void used(String organisation, String reference);
}
