package org.redress.publicweb;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseRefusedException;
import org.redress.casework.CaseTypes.*;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Complaints from the public form, and what a complainant may see of their own case: its stage, dates and the
 * responses, never staff notes, evidence or history. Access is by reference and a one-time code.
 */
@Service
class PublicCases {

    static final String ACTOR = "public-form";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    static final int CODE_ATTEMPTS = 5;

    private final Casework casework;
    private final Organisations organisations;
    private final AccessCodeSender sender;
    private final Attachments attachments;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PublicCases(Casework casework, Organisations organisations, AccessCodeSender sender, Attachments attachments, JdbcClient jdbc, Clock clock) {
        this.casework = casework;
        this.organisations = organisations;
        this.sender = sender;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Organisation organisation(String code) {
        return organisations.require(code);
    }

    // ---- the complaint form ------------------------------------------------------------------------------------

    record Submitted(@Nullable String reference, @Nullable LocalDate acknowledgeBy, @Nullable LocalDate respondBy,
                     @Nullable String contactBy, List<FieldError> errors) {
    }

    Submitted submit(String organisation, ComplaintForm f, List<AttachmentCheck.Upload> uploads) {
        organisations.require(organisation);
        List<FieldError> errors = new ArrayList<>();
        List<String> types = new ArrayList<>();
        FieldError tooMany = AttachmentCheck.tooMany(uploads);
        if (tooMany != null) {
            errors.add(tooMany);
        } else {
            for (AttachmentCheck.Upload upload : uploads) {
                AttachmentCheck.Checked checked = AttachmentCheck.check(upload);
                if (checked.error() != null) errors.add(checked.error());
                types.add(checked.mediaType());
            }
        }
        // the form's declared shape (ComplaintForm: required, sizes, the email address) first, then what depends on the answers
        errors.addAll(TextLimits.formErrorsIn(f));
        ContactMethod method = null;
        if (blank(f.contactBy())) {
            errors.add(new FieldError("contactBy", "Choose how you would like us to contact you"));
        } else {
            try {
                method = ContactMethod.valueOf(f.contactBy());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("contactBy", "Choose how you would like us to contact you"));
            }
        }
        if (method == ContactMethod.EMAIL && blank(f.email())) errors.add(new FieldError("email", "Enter your email address, so we can email you"));
        if ((method == ContactMethod.PHONE || method == ContactMethod.TEXT) && blank(f.phone())) errors.add(new FieldError("phone", "Enter your phone number, so we can call or text you"));
        if (method == ContactMethod.POST && blank(f.address())) errors.add(new FieldError("address", "Enter your address, so we can write to you"));
        boolean forSomeoneElse = "yes".equals(f.forSomeoneElse());
        if (forSomeoneElse) {
            if (blank(f.personName())) errors.add(new FieldError("personName", "Enter the name of the person you are complaining for"));
            if (!"yes".equals(f.consent())) errors.add(new FieldError("consent", "Confirm the person has agreed to you complaining for them"));
        }
        if (!errors.isEmpty()) {
            return new Submitted(null, null, null, null, errors);
        }
        // the person the complaint is about is the complainant; whoever fills in the form for them is their representative
        Complainant complainant = forSomeoneElse
                ? new Complainant(f.personName().strip(), null, null, blankToNull(f.address()), method, blankToNull(f.adjustments()), List.of(),
                Tenure.UNKNOWN)
                : new Complainant(f.name().strip(), blankToNull(f.email()), blankToNull(f.phone()), blankToNull(f.address()), method,
                blankToNull(f.adjustments()), List.of(), Tenure.UNKNOWN);
        Representative representative = forSomeoneElse ? new Representative(f.name().strip(), blankToNull(f.relationship()),
                blankToNull(f.email()), blankToNull(f.phone()), true, LocalDate.now(clock.withZone(org.redress.calendar.UkTime.ZONE))) : null;
        NewCase request = new NewCase("complaint", Channel.WEB_FORM, null, complainant, representative, List.of(),
                new Classification(null, null, null, null), f.whatHappened().strip(), blankToNull(f.outcomeWanted()), null, null,
                List.of(), null);
        try {
            String key = blank(f.submission()) || f.submission().length() > 100 ? null : "web-form-" + f.submission();
            Casework.Created created = casework.create(organisation, request, key, ACTOR);
            CaseView view = created.view();
            if (!created.replayed()) {
                for (int i = 0; i < uploads.size(); i++) {
                    attachments.store(organisation, view.reference(), uploads.get(i).filename(), types.get(i), uploads.get(i).content());
                }
            }
            return new Submitted(view.reference(), due(view, "acknowledge"), due(view, "respond"),
                    method == null ? null : method.name().toLowerCase(java.util.Locale.UK), List.of());
        } catch (InvalidInputException e) {
            return new Submitted(null, null, null, null, List.of(new FieldError("whatHappened", "We could not accept the form. Check your answers and try again")));
        } catch (CaseRefusedException e) {
            return new Submitted(null, null, null, null, List.of(new FieldError("whatHappened", "We could not accept the form: " + e.refusal().message())));
        }
    }

    private static @Nullable LocalDate due(CaseView view, String clockId) {
        return view.clocks().stream().filter(c -> c.id().equals(clockId) && c.stoppedAt() == null).map(CaseView.ClockView::dueDate)
                .findFirst().orElse(null);
    }

    // ---- one-time codes ------------------------------------------------------------------------------------------

    /**
     * Issues a code for the case, if there is one, and sends it to the complainant; nothing is answered either way, so
     * references cannot be found by trying. The code is never shown on screen: only the complainant's email carries it
     * (or, with no mail server, the local outbox page, to an administrator). Only its hash is kept here.
     * Not one transaction: looking up a reference that does not exist must not roll anything back.
     */
    void issueCode(String organisation, String reference) {
        String ref = normalise(reference);
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Optional<CaseView> view = find(organisation, ref);
        if (view.isPresent()) {
            Instant now = clock.instant();
            jdbc.sql("""
                    insert into publicweb.access_code (id, organisation, reference, code_hash, issued_at, expires_at)
                    values (?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID(), organisation, ref, hash(organisation, ref, code), Timestamp.from(now),
                    Timestamp.from(now.plus(CODE_LIFETIME))).update();
            sender.send(organisation, ref, view.get().complainant(), code, now.plus(CODE_LIFETIME));
        }
    }

    /**
     * Checks a code against the newest unused one for the case: right, and it is used up; wrong, and it counts an
     * attempt (after {@link #CODE_ATTEMPTS} the code is dead).
     */
    @Transactional
    boolean checkCode(String organisation, String reference, String code) {
        String ref = normalise(reference);
        Instant now = clock.instant();
        record Issued(UUID id, String hash, int attempts) {
        }
        Optional<Issued> issued = jdbc.sql("""
                select id, code_hash, attempts from publicweb.access_code
                where organisation = ? and reference = ? and used_at is null and expires_at > ?
                order by issued_at desc limit 1 for update
                """).params(organisation, ref, Timestamp.from(now))
                .query((rs, n) -> new Issued(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).optional();
        if (issued.isEmpty() || issued.get().attempts() >= CODE_ATTEMPTS) {
            return false;
        }
        boolean right = MessageDigest.isEqual(issued.get().hash().getBytes(StandardCharsets.UTF_8),
                hash(organisation, ref, code.strip()).getBytes(StandardCharsets.UTF_8));
        if (right) {
            jdbc.sql("update publicweb.access_code set used_at = ? where id = ?").params(Timestamp.from(now), issued.get().id()).update();
            sender.used(organisation, ref);
        } else {
            jdbc.sql("update publicweb.access_code set attempts = attempts + 1 where id = ?").param(issued.get().id()).update();
        }
        return right;
    }

    // ---- the complainant's view ----------------------------------------------------------------------------------

    record Response(String stage, LocalDate on, String summary) {
    }

    record PointOutcome(int number, String summary, @Nullable String outcome, @Nullable String reasons) {
    }

    /** Only what the complainant may see: no staff names, notes, evidence or history. */
    record ComplainantView(String reference, String organisationName, String status, @Nullable String stageName, LocalDate receivedOn,
                           @Nullable LocalDate acknowledgedOn, @Nullable LocalDate acknowledgeBy, @Nullable LocalDate respondBy,
                           List<Response> responses, List<PointOutcome> points, boolean mayAddInformation, boolean mayEscalate,
                           @Nullable LocalDate escalateBy) {
    }

    ComplainantView view(String organisation, String reference) {
        CaseView v = casework.get(organisation, reference);
        var zone = org.redress.calendar.UkTime.ZONE;
        Optional<StageRecord> current = v.stages().stream().filter(s -> s.number() == v.stage()).findFirst();
        List<Response> responses = v.stages().stream().filter(s -> s.respondedAt() != null && s.responseSummary() != null)
                .map(s -> new Response(s.name(), s.respondedAt().atZone(zone).toLocalDate(), s.responseSummary())).toList();
        List<PointOutcome> points = v.points().stream().map(p -> new PointOutcome(p.number(), p.summary(),
                p.outcome() == null ? null : switch (p.outcome()) {
                    case UPHELD -> "Upheld";
                    case PARTLY_UPHELD -> "Partly upheld";
                    case NOT_UPHELD -> "Not upheld";
                }, p.reasons())).toList();
        boolean open = v.status() == CaseStatus.OPEN || v.status() == CaseStatus.ON_HOLD || v.status() == CaseStatus.RESPONDED;
        return new ComplainantView(v.reference(), organisations.require(organisation).name(), statusText(v.status()), v.stageName(),
                v.receivedAt().atZone(zone).toLocalDate(), current.map(StageRecord::acknowledgedAt).map(i -> i.atZone(zone).toLocalDate()).orElse(null),
                due(v, "acknowledge"), due(v, "respond"), responses, points, open,
                v.allowedActions().contains("escalation-request"), v.escalationWindow() == null ? null : v.escalationWindow().closesOn());
    }

    void addInformation(String organisation, String reference, @Nullable String text) {
        if (blank(text)) throw new InvalidInputException("information", "Enter the information you want to add");
        TextLimits.checkFormField("information", text, TextLimits.TEXT);
        ComplainantView view = view(organisation, reference);
        if (!view.mayAddInformation()) throw new InvalidInputException("information", "This case is finished, so information can no longer be added. Contact us instead");
        casework.on(organisation, reference, ACTOR).recordEvidence(EvidenceKind.DOCUMENT, null, "the complainant, online", text.strip());
    }

    void escalate(String organisation, String reference, @Nullable String unresolved, @Nullable String outcomeWanted) {
        TextLimits.checkFormField("unresolved", unresolved, TextLimits.TEXT);
        TextLimits.checkFormField("outcomeWanted", outcomeWanted, TextLimits.TEXT);
        if (blank(unresolved)) throw new InvalidInputException("unresolved", "Tell us what is still not resolved");
        casework.on(organisation, reference, ACTOR).requestEscalation(unresolved.strip(), blankToNull(outcomeWanted));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Optional<CaseView> find(String organisation, String reference) {
        if (!reference.matches("[A-Z0-9]{1,6}-\\d{4}-\\d{6}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(casework.get(organisation, reference));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String statusText(CaseStatus status) {
        return switch (status) {
            case OPEN -> "We are looking into it";
            case ON_HOLD -> "On hold";
            case RESPONDED -> "We have responded";
            case CLOSED -> "Closed";
            case WITHDRAWN -> "Withdrawn";
            case DECLINED -> "Declined";
        };
    }

    static String normalise(@Nullable String reference) {
        return reference == null ? "" : reference.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String hash(String organisation, String reference, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((organisation + "|" + reference + "|" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return blank(value) ? null : value.strip();
    }
}
