package org.redress.publicweb;

import org.jspecify.annotations.Nullable;
import org.redress.correspondence.StaffNotices;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPacks;
import org.springframework.stereotype.Component;

/**
 * How to get a code when none can be sent (A-2, issue 21): a code goes only to an email address (or, where the
 * organisation sends texts through GOV.UK Notify, a mobile number), so a complainant who gave neither is told to phone the organisation, on the number its policy pack gives, or to write
 * to its complaints mailbox. The code page says this to everyone alike, so it never tells whether a reference exists.
 */
@Component
class CodeHelp {

    /**
     * @param phone the pack's number for complainants, null when it gives none; email the complaints mailbox, null for none
     * @param texts whether the organisation sends codes by text message too (GOV.UK Notify, issue 24): the page says so
     *              only when it does, the same to everyone
     */
    record Help(String organisationName, @Nullable String phone, @Nullable String email, boolean texts) {
    }

    private final Organisations organisations;
    private final PolicyPacks packs;
    private final StaffNotices notices;

    CodeHelp(Organisations organisations, PolicyPacks packs, StaffNotices notices) {
        this.notices = notices;
        this.organisations = organisations;
        this.packs = packs;
    }

    Help of(String organisation) {
        Organisation o = organisations.require(organisation);
        String phone = packs.active(organisation).map(p -> p.organisation().phone()).orElse(null);
        return new Help(o.name(), phone, organisations.complaintsEmail(organisation).orElse(null),
                notices.sendsTexts(organisation));
    }
}
