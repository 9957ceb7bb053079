package org.redress.ombudsman;

import org.redress.casework.CaseSection;
import org.redress.casework.CaseView;
import org.redress.pages.LinkedSection;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The ombudsman line on the staff case page: whether the case was referred and how its orders stand. */
@Component
class OmbudsmanSection extends LinkedSection implements CaseSection {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final OmbudsmanReferrals referrals;

    OmbudsmanSection(OmbudsmanReferrals referrals) {
        super("ombudsman", "Ombudsman and information pack", 80);
        this.referrals = referrals;
    }

    @Override
    public Optional<String> summary(String organisation, CaseView caseFile, String username) {
        return referrals.referralOf(organisation, caseFile.id()).map(r -> {
            String line = "Referred to the " + r.ombudsmanName() + " on " + DAY.format(r.referredOn());
            if (r.determinedOn() != null) {
                line += ", determined " + DAY.format(r.determinedOn());
            }
            long open = r.openOrders();
            long overdue = r.overdueOrders();
            if (!r.orders().isEmpty()) {
                line += "; " + open + " of " + r.orders().size() + (r.orders().size() == 1 ? " order" : " orders") + " open"
                        + (overdue > 0 ? " (" + overdue + " overdue)" : "");
            }
            return line;
        });
    }
}
