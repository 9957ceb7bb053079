package org.redress.publicweb;

import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.ContactMethod;
import org.redress.correspondence.StaffNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends the one-time code through the correspondence outbox: by text message (issue 24) to a person who asked to be sent
 * texts or phoned, when their organisation sends texts through GOV.UK Notify and a mobile number is known; otherwise by
 * email; and by text to a person with a mobile and no email. A complainant it can reach neither way gets no code: that is
 * logged (never the code) so staff can help them by phone.
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
        Optional<String> mobile = notices.textableNumber(organisation, complainant.phone());
        boolean noEmail = complainant.email() == null || complainant.email().isBlank();
        boolean asked = complainant.preferredContact() == ContactMethod.TEXT || complainant.preferredContact() == ContactMethod.PHONE;
        if (mobile.isPresent() && (asked || noEmail)) {
            notices.sendAccessCodeByText(organisation, reference, mobile.get(), code, expiresAt);
            return;
        }
        if (noEmail) {
            log.info("One-time code asked for {} {}, but the case has no email address or mobile number to send it to", organisation, reference);
            return;
        }
        notices.sendAccessCode(organisation, reference, java.util.Objects.requireNonNull(complainant.email()), complainant.name(), code, expiresAt);
    }

    @Override
    public void used(String organisation, String reference) {
        notices.forgetAccessCodes(organisation, reference);
    }
}
