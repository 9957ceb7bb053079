package org.redress.staffui;

import org.jspecify.annotations.Nullable;
import org.redress.accounts.Team;
import org.redress.casework.CaseFiling;
import org.redress.casework.CaseRefusedException;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.ContactMethod;
import org.redress.casework.CaseTypes.NamedPerson;
import org.redress.casework.CaseTypes.NewCase;
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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.redress.staffui.FormValues.blank;
import static org.redress.staffui.FormValues.blankToNull;
import static org.redress.staffui.FormValues.enumValue;

/**
 * Logging a contact from the staff page: the form read into a new case ({@link ContactReading}), the warnings logging
 * it would raise, and logging it. Checking and saving read the form the same way and ask casework the same admission
 * checks, and a policy's exclusion warns both times, so the warnings before saving are the warnings on the saved case.
 */
@Service
class ContactLogging {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Casework casework;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final Clock clock;
    private final CaseFiling filing;
    private final Team team;

    ContactLogging(Casework casework, Organisations organisations, PolicyPacks packs, Clock clock, CaseFiling filing, Team team) {
        this.filing = filing;
        this.casework = casework;
        this.organisations = organisations;
        this.packs = packs;
        this.clock = clock;
        this.team = team;
    }

    /** The page: the organisation, its pack, its members (who may have received the contact), warnings and errors. */
    record ContactPage(Organisation organisation, PolicyPack pack, List<Team.Member> members, List<Casework.AdmissionWarning> warnings,
                       List<FieldError> errors) {

        /** The formats a letter can be flagged with for whoever sends it (F-16), as the form offers them. */
        public List<String> formatChoices() {
            return List.of("large print", "easy read", "braille", "audio");
        }

        /** Whether the field is in error: the page gives it a red border and its message (GOV.UK error pattern). */
        public boolean failed(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        /** The ids describing a field: its hint (when it has one) and its error message (when it is in error); null for none. */
        public @Nullable String describedBy(String field, @Nullable String hint) {
            String ids = ((hint == null ? "" : hint) + (failed(field) ? " " + field + "-error" : "")).strip();
            return ids.isEmpty() ? null : ids;
        }
    }

    ContactPage contactPage(String organisation) {
        Organisation org = organisations.require(organisation);
        return new ContactPage(org, pack(org), team.members(organisation), List.of(), List.of());
    }

    /** The warnings logging this contact would raise (F-3, F-11, F-2, S0-3, F-10), or what is missing to check it. */
    ContactPage check(String organisation, ContactForm form, ContactRows rows) {
        Read read = read(organisation, form, rows);
        if (read.request() == null) {
            return read.page(exclusionWarnings(read.pack(), form), read.errors());
        }
        try {
            return read.page(warnings(read.pack(), form, casework.check(organisation, read.request())), List.of());
        } catch (InvalidInputException e) {
            return read.page(exclusionWarnings(read.pack(), form), read.onPage(e.errors()));
        } catch (CaseRefusedException e) {
            return read.page(exclusionWarnings(read.pack(), form), read.onPage(List.of(refusal(e))));
        }
    }

    record Logged(@Nullable CaseView view, ContactPage page) {
    }

    Logged log(String organisation, String username, ContactForm form, ContactRows rows) {
        Read read = read(organisation, form, rows);
        if (read.request() == null) {
            return new Logged(null, read.page(exclusionWarnings(read.pack(), form), read.errors()));
        }
        try {
            Casework.Created created = casework.create(organisation, read.request(), null, username);
            return new Logged(created.view(), read.page(warnings(read.pack(), form, created.warnings()), List.of()));
        } catch (InvalidInputException e) {
            return new Logged(null, read.page(List.of(), read.onPage(e.errors())));
        } catch (CaseRefusedException e) {
            return new Logged(null, read.page(List.of(), read.onPage(List.of(refusal(e)))));
        }
    }

    /** The form read and filed by the organisation's lists: the request, or the errors to show. */
    private record Read(Organisation organisation, PolicyPack pack, List<Team.Member> members, @Nullable NewCase request,
                        List<FieldError> errors, Map<Integer, Integer> pointRows) {

        ContactPage page(List<Casework.AdmissionWarning> warnings, List<FieldError> errors) {
            return new ContactPage(organisation, pack, members, warnings, inPageOrder(errors));
        }

        /** The API's field names as the page's fields, so each error links to the field that shows it. */
        List<FieldError> onPage(List<FieldError> errors) {
            return errors.stream().map(e -> new FieldError(ContactReading.pageField(e.field(), pointRows), e.message())).toList();
        }
    }

    /** The page's fields from top to bottom; a row's fields end with "-" and are ordered by their row number. */
    private static final List<String> PAGE_ORDER = List.of("recordType", "channel", "receivedDate", "receivedTime", "receivedBy", "name",
            "email", "phone", "address", "preferredContact", "formats", "reasonableAdjustments", "tenure", "representativeName",
            "representativeRelationship", "representativeEmail", "representativePhone", "representativeConsent", "representativeConsentHow",
            "description", "point", "outcomeWanted", "understanding", "serviceLine", "serviceArea", "category", "subject", "exclusion",
            "awareSince", "staff");

    /** The errors in the order the page shows their fields, as the error summary lists them (GOV.UK error summary). */
    static List<FieldError> inPageOrder(List<FieldError> errors) {
        return errors.stream().sorted(java.util.Comparator.comparingInt((FieldError e) -> pageOrder(e.field()))
                .thenComparingInt(e -> rowNumber(e.field()))).toList();
    }

    private static int pageOrder(String field) {
        int exact = PAGE_ORDER.indexOf(field);
        if (exact >= 0) {
            return exact;
        }
        String kind = field.startsWith("point") ? "point" : field.startsWith("staff") ? "staff"
                : field.startsWith("received") ? "receivedDate" : field.startsWith("aware") ? "awareSince" : field;
        int found = PAGE_ORDER.indexOf(kind);
        return found >= 0 ? found : PAGE_ORDER.size();
    }

    private static int rowNumber(String field) {
        int dash = field.lastIndexOf('-');
        return dash < 0 || !field.substring(dash + 1).matches("\\d{1,2}") ? 0 : Integer.parseInt(field.substring(dash + 1));
    }

    private Read read(String organisation, ContactForm form, ContactRows rows) {
        Organisation org = organisations.require(organisation);
        PolicyPack pack = pack(org);
        List<Team.Member> members = team.members(organisation);
        List<FieldError> errors = new ArrayList<>(TextLimits.formErrorsIn(form)); // its declared shape first, then the pack's rules
        ContactReading reading = new ContactReading(form, rows, pack, members, clock.instant(), errors);
        NewCase request = reading.newCase();
        Read read = new Read(org, pack, members, null, errors, reading.pointRows());
        if (request == null || !errors.isEmpty()) {
            return read;
        }
        try {
            return new Read(org, pack, members, filing.file(organisation, request), errors, reading.pointRows());
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.add(new FieldError(ContactReading.pageField(f.field(), reading.pointRows()),
                    f.field().equals("serviceArea") ? "Choose a service area from the list"
                            : f.field().startsWith("pointCategories") ? "Choose the point's category from the list"
                            : "Choose a subject from the list, or ask an administrator to add it")));
            return read;
        }
    }

    /** The warnings of the admission checks, and the policy's exclusion the member chose: shown before saving and after. */
    private static List<Casework.AdmissionWarning> warnings(PolicyPack pack, ContactForm form, List<Casework.AdmissionWarning> admission) {
        List<Casework.AdmissionWarning> all = new ArrayList<>(exclusionWarnings(pack, form));
        all.addAll(admission);
        return all;
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

    private static FieldError refusal(CaseRefusedException e) {
        return new FieldError(e.refusal().field() == null ? "recordType" : e.refusal().field(), e.refusal().describe());
    }

    private PolicyPack pack(Organisation org) {
        return packs.active(org.policyPack()).orElseThrow(() -> new NotFoundException("organisation", "no active policy pack"));
    }

    /**
     * One posted form read into a new case, each field's problem added to {@code errors} in the words the page shows.
     * The instant received is the date and time entered, in UK time: a past date needs its time (it no longer becomes
     * 09:00, which started 247 Alliance's 24- and 48-hour clocks at the wrong instant); no date and no time is now.
     */
    static final class ContactReading {

        private final ContactForm f;
        private final ContactRows rows;
        private final PolicyPack pack;
        private final List<Team.Member> members;
        private final Instant now;
        private final List<FieldError> errors;
        /** The row number of each point given, in the order the request lists them. */
        private final Map<Integer, Integer> pointRows = new java.util.LinkedHashMap<>();

        ContactReading(ContactForm f, ContactRows rows, PolicyPack pack, List<Team.Member> members, Instant now, List<FieldError> errors) {
            this.f = f;
            this.rows = rows;
            this.pack = pack;
            this.members = members;
            this.now = now;
            this.errors = errors;
        }

        Map<Integer, Integer> pointRows() {
            return pointRows;
        }

        /** An error of the API's request named as the page's field. */
        static String pageField(String field, Map<Integer, Integer> pointRows) {
            if (field.startsWith("pointCategories[")) {
                int index = Integer.parseInt(field.substring("pointCategories[".length(), field.indexOf(']')));
                return "pointCategory-" + pointRows.getOrDefault(index, index + 1);
            }
            if (field.startsWith("complainant.")) {
                return field.substring("complainant.".length());
            }
            if (field.startsWith("representative.")) {
                String rest = field.substring("representative.".length());
                return "representative" + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            }
            return switch (field) {
                case "receivedAt" -> "receivedDate";
                case "subSubject" -> "subject";
                default -> field;
            };
        }

        @Nullable NewCase newCase() {
            if (blank(f.recordType()) || pack.recordType(f.recordType()).isEmpty()) error("recordType", "Choose what kind of contact this is");
            Channel channel = choice(Channel.class, f.channel(), "channel", "Choose how the contact reached us");
            if (channel == null && blank(f.channel())) error("channel", "Choose how the contact reached us");
            Instant receivedAt = receivedAt();
            String receivedBy = receivedBy();
            ContactMethod preferred = choice(ContactMethod.class, f.preferredContact(), "preferredContact", "Choose a contact method from the list");
            if (preferred == ContactMethod.EMAIL && blank(f.email())) error("email", "Enter an email address, because email is how they want to hear from us");
            if ((preferred == ContactMethod.PHONE || preferred == ContactMethod.TEXT) && blank(f.phone())) {
                error("phone", "Enter a phone number, because phone or text is how they want to hear from us");
            }
            if (preferred == ContactMethod.POST && blank(f.address())) error("address", "Enter an address, because post is how they want to hear from us");
            Tenure tenure = tenure();
            LocalDate aware = date(f.awareDay(), f.awareMonth(), f.awareYear(), f.awareSince(), "awareSince", "The date they first knew about the problem");
            if (aware != null && aware.isAfter(LocalDate.ofInstant(now, UK))) error("awareSince", "The date they first knew about the problem must be today or in the past");
            if (!blank(f.category()) && pack.category(f.category()).isEmpty()) error("category", "Choose what the complaint is about from the list");
            if (!blank(f.serviceLine()) && pack.serviceLine(f.serviceLine()).isEmpty()) error("serviceLine", "Choose a service line from the list");
            Representative representative = representative();
            List<NamedPerson> named = rows.filledPeople(errors).stream().map(p -> new NamedPerson(p.name().strip(), p.kind(), blankToNull(p.role()))).toList();
            List<String> points = new ArrayList<>();
            List<@Nullable String> categories = new ArrayList<>();
            if (!blank(f.points())) {
                // a form posted before points had rows: one point a line, each about the case's subject
                Arrays.stream(f.points().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).forEach(p -> {
                    points.add(p);
                    categories.add(null);
                });
            }
            List<ContactRows.PointRow> given = rows.points();
            for (int i = 0; i < given.size(); i++) {
                ContactRows.PointRow p = given.get(i);
                if (!p.empty()) {
                    pointRows.put(points.size(), i + 1);
                    points.add(p.summary().strip());
                    categories.add(blankToNull(p.category()));
                }
            }
            rows.filledPoints(errors); // each row's own problems (too long, a category with no point)
            if (!errors.isEmpty()) {
                return null;
            }
            return new NewCase(f.recordType(), channel, receivedAt,
                    new Complainant(f.name().strip(), blankToNull(f.email()), blankToNull(f.phone()), blankToNull(f.address()), preferred,
                            blankToNull(f.reasonableAdjustments()), formats(), tenure == null ? Tenure.UNKNOWN : tenure),
                    representative, named,
                    new Classification(blankToNull(f.serviceLine()), blankToNull(f.serviceArea()), blankToNull(f.subject()), null, blankToNull(f.category())),
                    f.description().strip(), blankToNull(f.outcomeWanted()), blankToNull(f.understanding()), aware, points, null,
                    receivedBy, categories);
        }

        private @Nullable Instant receivedAt() {
            LocalDate date = date(f.receivedDay(), f.receivedMonth(), f.receivedYear(), f.receivedDate(), "receivedDate", "The date it was received");
            LocalTime time = time();
            if (errors.stream().anyMatch(e -> e.field().equals("receivedDate") || e.field().equals("receivedTime"))) {
                return null;
            }
            LocalDate today = LocalDate.ofInstant(now, UK);
            if (date != null && date.isAfter(today)) {
                error("receivedDate", "The date it was received must be today or in the past");
                return null;
            }
            if (time == null) {
                if (date != null && date.isBefore(today)) {
                    error("receivedTime", "Enter the time it was received, because it was received before today");
                    return null;
                }
                return now;
            }
            Instant at = (date == null ? today : date).atTime(time).atZone(UK).toInstant();
            if (at.isAfter(now)) {
                error("receivedTime", "The time it was received must be now or earlier");
                return null;
            }
            return at;
        }

        /** Hours and minutes on the 24-hour clock: 14:30, 9:05 or 14.30. */
        private @Nullable LocalTime time() {
            if (blank(f.receivedTime())) {
                return null;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})[:.](\\d{2})").matcher(f.receivedTime().strip());
            if (m.matches() && Integer.parseInt(m.group(1)) < 24 && Integer.parseInt(m.group(2)) < 60) {
                return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            error("receivedTime", "Enter the time it was received in hours and minutes on the 24-hour clock, like 14:30");
            return null;
        }

        /** A date from its day, month and year fields, or from one field written 2026-11-23; null when none is given. */
        private @Nullable LocalDate date(@Nullable String day, @Nullable String month, @Nullable String year, @Nullable String whole,
                                         String field, String what) {
            if (blank(day) && blank(month) && blank(year)) {
                return FormValues.date(whole, field, what.replaceFirst("^The", "the"), errors);
            }
            List<String> missing = new ArrayList<>();
            if (blank(day)) missing.add("a day");
            if (blank(month)) missing.add("a month");
            if (blank(year)) missing.add("a year");
            if (!missing.isEmpty()) {
                error(field, what + " must include " + String.join(" and ", missing));
                return null;
            }
            if (!day.strip().matches("\\d{1,2}") || !month.strip().matches("\\d{1,2}") || !year.strip().matches("\\d{4}")) {
                error(field, what + " must be a real date, like 23 11 2026");
                return null;
            }
            String iso = "%s-%02d-%02d".formatted(year.strip(), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
            List<FieldError> problems = new ArrayList<>();
            LocalDate date = FormValues.date(iso, field, what.replaceFirst("^The", "the"), problems);
            problems.forEach(p -> error(field, p.message()));
            return date;
        }

        private @Nullable String receivedBy() {
            if (blank(f.receivedBy())) {
                return null;
            }
            Optional<Team.Member> member = members.stream().filter(m -> m.username().equals(f.receivedBy().strip())).findFirst();
            if (member.isEmpty()) {
                error("receivedBy", "Choose who received it from the list");
                return null;
            }
            return member.get().displayName();
        }

        private @Nullable Tenure tenure() {
            if (blank(f.tenure())) {
                return Tenure.UNKNOWN;
            }
            Tenure tenure = enumValue(Tenure.class, f.tenure(), "tenure", "Choose their tenure from the list, or 'Not known'", errors);
            if (tenure != null && tenure != Tenure.UNKNOWN && !pack.organisation().socialLandlord()) {
                error("tenure", "Only a social landlord records a tenure: leave it as 'Not known'");
            }
            return tenure;
        }

        /** Someone acting for the person, with the person's consent and how they gave it (H-4); none when no name is given. */
        private @Nullable Representative representative() {
            if (blank(f.representativeName())) {
                return null;
            }
            if ("no".equals(f.representativeConsent())) {
                error("representativeConsent", "Ask the person to agree before someone acts for them, then record how they agreed");
            } else if (!"yes".equals(f.representativeConsent())) {
                error("representativeConsent", "Say whether the person has agreed to the representative acting for them");
            } else if (blank(f.representativeConsentHow())) {
                error("representativeConsentHow", "Enter how the person agreed, for example in writing or by phone");
            }
            return new Representative(f.representativeName().strip(), blankToNull(f.representativeRelationship()), blankToNull(f.representativeEmail()),
                    blankToNull(f.representativePhone()), true, LocalDate.ofInstant(now, UK), blankToNull(f.representativeConsentHow()));
        }

        private List<String> formats() {
            return f.formats() == null ? List.of() : f.formats().stream().filter(x -> !blank(x)).map(String::strip).distinct().toList();
        }

        private <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field, String message) {
            return blank(value) ? null : enumValue(type, value, field, message, errors);
        }

        private void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }
    }
}
