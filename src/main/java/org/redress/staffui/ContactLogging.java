package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseFiling;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseRefusedException;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.ContactMethod;
import org.redress.casework.CaseTypes.Representative;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.redress.staffui.FormValues.blank;
import static org.redress.staffui.FormValues.blankToNull;
import static org.redress.staffui.FormValues.date;
import static org.redress.staffui.FormValues.enumValue;

/**
 * Logging a contact from the staff page: the form read into a new case, the warnings logging it would raise, and
 * logging it. Each call is one {@link Casework} call.
 */
@Service
class ContactLogging {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Casework casework;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final Clock clock;
    private final CaseFiling filing;

    ContactLogging(Casework casework, Organisations organisations, PolicyPacks packs, Clock clock, CaseFiling filing) {
        this.filing = filing;
        this.casework = casework;
        this.organisations = organisations;
        this.packs = packs;
        this.clock = clock;
    }

    record ContactPage(Organisation organisation, PolicyPack pack, List<Casework.AdmissionWarning> warnings, List<FieldError> errors) {
    }

    ContactPage contactPage(String organisation) {
        Organisation org = organisations.require(organisation);
        return new ContactPage(org, pack(org), List.of(), List.of());
    }

    /** The warnings logging this contact would raise (F-3, F-11, F-2, S0-3), or what is missing to check it. */
    ContactPage check(String organisation, ContactForm form) {
        Organisation org = organisations.require(organisation);
        PolicyPack pack = pack(org);
        List<FieldError> errors = new ArrayList<>(TextLimits.formErrorsIn(form)); // its declared shape first, then the pack's rules
        NewCase request = filed(organisation, newCase(form, pack, errors), errors);
        if (!errors.isEmpty() || request == null) {
            return new ContactPage(org, pack, exclusionWarnings(pack, form), errors);
        }
        List<Casework.AdmissionWarning> warnings = new ArrayList<>(exclusionWarnings(pack, form));
        try {
            warnings.addAll(casework.check(organisation, request));
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        } catch (org.redress.casework.CaseRefusedException e) {
            errors.add(new FieldError(e.refusal().field() == null ? "recordType" : e.refusal().field(), e.refusal().describe()));
        }
        return new ContactPage(org, pack, warnings, errors);
    }

    record Logged(@Nullable CaseView view, ContactPage page) {
    }

    Logged log(String organisation, String username, ContactForm form) {
        Organisation org = organisations.require(organisation);
        PolicyPack pack = pack(org);
        List<FieldError> errors = new ArrayList<>(TextLimits.formErrorsIn(form)); // its declared shape first, then the pack's rules
        NewCase request = filed(organisation, newCase(form, pack, errors), errors);
        if (!errors.isEmpty() || request == null) {
            return new Logged(null, new ContactPage(org, pack, exclusionWarnings(pack, form), errors));
        }
        try {
            Casework.Created created = casework.create(organisation, request, null, username);
            return new Logged(created.view(), new ContactPage(org, pack, created.warnings(), List.of()));
        } catch (InvalidInputException e) {
            return new Logged(null, new ContactPage(org, pack, List.of(), e.errors()));
        } catch (org.redress.casework.CaseRefusedException e) {
            return new Logged(null, new ContactPage(org, pack, List.of(),
                    List.of(new FieldError(e.refusal().field() == null ? "recordType" : e.refusal().field(), e.refusal().describe()))));
        }
    }

    /** The contact filed by the organisation's lists (issue 20): its area and subject as their entries, or what to choose instead. */
    private @Nullable NewCase filed(String organisation, @Nullable NewCase request, List<FieldError> errors) {
        if (request == null) {
            return null;
        }
        try {
            return filing.file(organisation, request);
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.add(new FieldError(f.field(), f.field().equals("serviceArea")
                    ? "Choose a service area from the list" : "Choose a subject from the list, or ask an administrator to add it")));
            return null;
        }
    }

    private static List<Casework.AdmissionWarning> exclusionWarnings(PolicyPack pack, ContactForm form) {
        if (blank(form.exclusion())) {
            return List.of();
        }
        return pack.exclusions().stream().filter(x -> x.id().equals(form.exclusion())).map(x -> new Casework.AdmissionWarning(
                "OUT_OF_SCOPE", "out of scope under this policy: " + x.description()
                + (x.redirectTo() == null ? "" : "; redirect it to " + x.redirectTo())
                + ". You can still log it, then decline it with the reason", x.cite(), List.of())).toList();
    }

    private @Nullable NewCase newCase(ContactForm f, PolicyPack pack, List<FieldError> errors) {
        if (blank(f.recordType()) || pack.recordType(f.recordType()).isEmpty()) errors.add(new FieldError("recordType", "Choose what kind of contact this is"));
        Channel channel = null;
        try {
            channel = blank(f.channel()) ? null : Channel.valueOf(f.channel());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (channel == null) errors.add(new FieldError("channel", "Choose how the contact was made"));
        ContactMethod preferred = null;
        if (!blank(f.preferredContact())) {
            try {
                preferred = ContactMethod.valueOf(f.preferredContact());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("preferredContact", "Choose a contact method from the list"));
            }
        }
        if (preferred == ContactMethod.EMAIL && blank(f.email())) errors.add(new FieldError("email", "Enter an email address, because email is the preferred contact (A-2)"));
        if ((preferred == ContactMethod.PHONE || preferred == ContactMethod.TEXT) && blank(f.phone())) {
            errors.add(new FieldError("phone", "Enter a phone number, because phone or text is the preferred contact (A-2)"));
        }
        if (preferred == ContactMethod.POST && blank(f.address())) errors.add(new FieldError("address", "Enter an address, because post is the preferred contact (A-2)"));
        Tenure tenure = Tenure.UNKNOWN;
        if (!blank(f.tenure())) {
            tenure = enumValue(Tenure.class, f.tenure(), "tenure", "Choose their tenure from the list, or 'Not known'", errors);
            if (tenure != null && tenure != Tenure.UNKNOWN && !pack.organisation().socialLandlord()) {
                errors.add(new FieldError("tenure", "Only a social landlord records a tenure: leave it as 'Not known'"));
            }
        }
        LocalDate received = date(f.receivedDate(), "receivedDate", "the date it was received", errors);
        LocalDate aware = date(f.awareSince(), "awareSince", "the date they first knew about the problem", errors);
        if (received != null && received.isAfter(LocalDate.now(clock.withZone(UK)))) {
            errors.add(new FieldError("receivedDate", "The date received must be today or in the past"));
        }
        if (!blank(f.category()) && pack.category(f.category()).isEmpty()) {
            errors.add(new FieldError("category", "Choose what the complaint is about from the list"));
        }
        boolean hasRepresentative = !blank(f.representativeName());
        if (hasRepresentative && !"yes".equals(f.representativeConsent())) {
            errors.add(new FieldError("representativeConsent", "Confirm the person has agreed to the representative acting for them (H-4)"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Instant receivedAt = received == null || received.equals(LocalDate.now(clock.withZone(UK))) ? clock.instant()
                : received.atTime(9, 0).atZone(UK).toInstant();
        List<String> points = blank(f.points()) ? List.of() : Arrays.stream(f.points().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new NewCase(f.recordType(), channel, receivedAt,
                new Complainant(f.name().strip(), blankToNull(f.email()), blankToNull(f.phone()), blankToNull(f.address()), preferred,
                        blankToNull(f.reasonableAdjustments()), List.of(), tenure == null ? Tenure.UNKNOWN : tenure),
                hasRepresentative ? new Representative(f.representativeName().strip(), blankToNull(f.representativeRelationship()), null, null,
                        true, LocalDate.now(clock.withZone(UK))) : null,
                List.of(), new Classification(null, blankToNull(f.serviceArea()), blankToNull(f.subject()), null, blankToNull(f.category())),
                f.description().strip(), blankToNull(f.outcomeWanted()), null, aware, points, null);
    }
    private PolicyPack pack(Organisation org) {
        return packs.active(org.policyPack()).orElseThrow(() -> new NotFoundException("organisation", "no active policy pack"));
    }
}
