package org.redress.publicweb;

import org.redress.casework.CaseTypes.Complainant;
import org.redress.correspondence.StaffNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Emails the one-time code through the correspondence outbox. A complainant with no email address cannot get a code
 * this way: that is logged (never the code) so staff can help them by phone.
 */
@Component
class EmailAccessCodeSender implements AccessCodeSender {

    private static final Logger log = LoggerFactory.getLogger(EmailAccessCodeSender.class);

    private final StaffNotices notices;

    EmailAccessCodeSender(StaffNotices notices) {
        this.notices = notices;
    }

    @Override
    public void send(String organisation, String reference, Complainant complainant, String code, Instant expiresAt) {
        if (complainant.email() == null || complainant.email().isBlank()) {
            log.info("One-time code asked for {} {}, but the case has no email address to send it to", organisation, reference);
            return;
        }
        notices.sendAccessCode(organisation, reference, complainant.email(), complainant.name(), code, expiresAt);
    }

    @Override
    public void used(String organisation, String reference) {
        notices.forgetAccessCodes(organisation, reference);
    }
}
