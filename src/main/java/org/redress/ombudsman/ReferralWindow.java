package org.redress.ombudsman;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseView;
import org.redress.policy.PolicyPack;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * How long after the final response the complainant may refer the case to the ombudsman, where the pack gives a figure
 * (issue 23, R-5: the Financial Ombudsman's six months, DISP 1.6.2 and 2.8.2), and whether a recorded referral came
 * within it. A referral after it is flagged as out of time, never refused: the firm may consent, and the Ombudsman
 * decides.
 *
 * @param referredInTime whether the recorded referral's date is on or before {@code closesOn}; null when not referred
 */
public record ReferralWindow(LocalDate finalResponseOn, LocalDate closesOn, String explanation, @Nullable Boolean referredInTime) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** The window from the case's last final response, under the route's {@code referWithin}; empty when either is missing. */
    static Optional<ReferralWindow> of(CaseView c, PolicyPack.@Nullable OmbudsmanRoute route, @Nullable LocalDate referredOn) {
        if (route == null || route.referWithin() == null) {
            return Optional.empty();
        }
        LocalDate responded = null;
        for (CaseEvent e : c.history()) {
            if (e.payload() instanceof CaseFact.StageResponded r && r.finalResponse()) {
                responded = UkTime.dateOf(e.at());
            }
        }
        if (responded == null) {
            return Optional.empty();
        }
        PolicyPack.Window w = route.referWithin();
        LocalDate closes = switch (w.unit()) {
            case CALENDAR_MONTHS -> responded.plusMonths(w.amount());
            case WEEKS -> responded.plusWeeks(w.amount());
            case CALENDAR_DAYS, WORKING_DAYS, CLOCK_HOURS -> responded.plusDays(w.unit() == ClockUnit.CLOCK_HOURS ? 0 : w.amount());
        };
        String explanation = "The person may refer the complaint to the " + route.name() + " until the end of " + DAY.format(closes)
                + ": " + w.unit().describe(w.amount()) + " after the final response on " + DAY.format(responded) + ".";
        Boolean inTime = referredOn == null ? null : !referredOn.isAfter(closes);
        if (Boolean.FALSE.equals(inTime)) {
            explanation += " Referred on " + DAY.format(referredOn) + ", after that: out of time (the ombudsman may consider it "
                    + "only with the organisation's consent or in exceptional circumstances).";
        }
        return Optional.of(new ReferralWindow(responded, closes, explanation, inTime));
    }
}
