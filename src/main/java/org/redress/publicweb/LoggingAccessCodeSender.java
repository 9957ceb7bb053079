package org.redress.publicweb;

import org.redress.casework.CaseTypes.Complainant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Stands in until correspondence sends codes (its sender will be the primary bean): logs that one was issued, without the code. */
@Component
class LoggingAccessCodeSender implements AccessCodeSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingAccessCodeSender.class);

    @Override
    public void send(String organisation, String reference, Complainant complainant, String code) {
        log.info("One-time code issued for {} {} (to be sent by {})", organisation, reference,
                complainant.preferredContact() == null ? "the contact details on the case" : complainant.preferredContact());
    }
}
