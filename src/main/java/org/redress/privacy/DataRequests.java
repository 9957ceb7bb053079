package org.redress.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.CaseTypes.HoldKind;
import org.redress.casework.CaseView;
import org.redress.casework.CaseScope;
import org.redress.casework.Casework;
import org.redress.people.Organisations;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.EmailAddress;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Erasure (UK GDPR Art. 17) and rectification (Art. 16) requests about a case: who asked and what, then a decision
 * with its reason. An erasure is applied as the same anonymisation retention uses, and refused (naming the lawful
 * basis) while the complaint is open or under legal hold; a rectification corrects the complainant's contact details
 * through the casework verb, which records it in the case history.
 */
@Service
public class DataRequests {

    public enum Kind { ERASURE, RECTIFICATION }

    /** Open cases are still being handled: the record is needed to do what the complaints procedure requires. */
    static final String OPEN_CASE_BASIS = "UK GDPR Art. 17(3)(b) and (e): the complaint is still open, and its record is needed "
            + "to handle it as the complaints procedure requires and for any claim that follows";
    private static final Set<CaseStatus> ENDED = Set.of(CaseStatus.CLOSED, CaseStatus.WITHDRAWN, CaseStatus.DECLINED);

    private final JdbcClient jdbc;
    private final Casework casework;
    private final Retention retention;
    private final Organisations organisations;
    private final JsonMapper json;
    private final Clock clock;

    DataRequests(JdbcClient jdbc, Casework casework, Retention retention, Organisations organisations, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.casework = casework;
        this.retention = retention;
        this.organisations = organisations;
        this.json = json;
        this.clock = clock;
    }

    public record Correction(@Size(max = TextLimits.NAME) @Nullable String name,
                             @EmailAddress(message = "must be an email address, like name@example.org") @Size(max = TextLimits.NAME) @Nullable String email,
                             @Size(max = TextLimits.NAME) @Nullable String phone, @Size(max = TextLimits.LINE) @Nullable String address) {
        boolean empty() {
            return name == null && email == null && phone == null && address == null;
        }
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "NewPrivacyRequest")
    public record NewRequest(@NotNull(message = KINDS) @Pattern(regexp = "\\s*(ERASURE|RECTIFICATION)\\s*", message = KINDS) @Size(max = TextLimits.NAME) @Nullable String kind,
                             @NotBlank(message = "must name the case the request is about") @Size(max = TextLimits.NAME) @Nullable String caseReference,
                             @NotBlank(message = "must say who asked, in 1 to " + TextLimits.NAME + " characters") @Size(max = TextLimits.NAME) @Nullable String requestedBy,
                             @NotBlank(message = "must say what was asked for, in 1 to " + TextLimits.TEXT + " characters") @Size(max = TextLimits.TEXT) @Nullable String request,
                             @Valid @Nullable Correction correction) {
    }

    // a schema name of its own: another type in the API has the same simple name (ApiDescriptionIT)
    @io.swagger.v3.oas.annotations.media.Schema(name = "PrivacyRequest")
    public record Request(String id, String organisation, Kind kind, String caseReference, String requestedBy, String request,
                          @Nullable Correction correction, Instant receivedAt, String recordedBy, @Nullable String decision,
                          @Nullable String decisionReason, @Nullable String lawfulBasis, @Nullable String decidedBy,
                          @Nullable Instant decidedAt) {
    }

    private static final String KINDS = "must be ERASURE or RECTIFICATION";

    @Transactional
    public Request record(String organisation, NewRequest given, String actor) {
        organisations.require(organisation);
        // the request's shape is declared on NewRequest; whether the case exists and what a rectification needs, here
        List<FieldError> errors = new ArrayList<>(TextLimits.errorsIn(given));
        Kind kind = null;
        try {
            kind = given.kind() == null ? null : Kind.valueOf(given.kind().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        String reference = Retention.blankToNull(given.caseReference());
        if (reference != null && !casework.exists(organisation, reference)) {
            errors.add(new FieldError("caseReference", "organisation '" + organisation + "' has no case '" + reference + "'"));
        }
        String who = Retention.blankToNull(given.requestedBy());
        String what = Retention.blankToNull(given.request());
        Correction correction = given.correction() == null ? null : new Correction(Retention.blankToNull(given.correction().name()),
                Retention.blankToNull(given.correction().email()), Retention.blankToNull(given.correction().phone()),
                Retention.blankToNull(given.correction().address()));
        if (kind == Kind.RECTIFICATION && (correction == null || correction.empty())) {
            errors.add(new FieldError("correction", "a rectification must give the corrected name, email, phone or address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into privacy.data_request (id, organisation, kind, case_reference, requested_by, request, correction, received_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                """).params(id, organisation, kind.name(), casework.get(organisation, reference).reference(), who, what,
                kind == Kind.RECTIFICATION ? json.writeValueAsString(correction) : null, Retention.ts(clock.instant()), actor).update();
        return get(organisation, id.toString());
    }

    /** The requests about the scope's cases, newest first. */
    public List<Request> list(CaseScope scope) {
        organisations.require(scope.organisation());
        return casework.visible(scope, jdbc.sql("select " + COLUMNS + " from privacy.data_request where organisation = ? order by received_at desc, id")
                .param(scope.organisation()).query(this::map).list(), Request::caseReference).rows();
    }

    public Request get(String organisation, String id) {
        UUID uuid = Retention.parseId(id, "request");
        return jdbc.sql("select " + COLUMNS + " from privacy.data_request where organisation = ? and id = ?").params(organisation, uuid)
                .query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("request", "organisation '" + organisation + "' has no request '" + id + "'"));
    }

    /**
     * Applies the request: erasure anonymises the case (refused, changing nothing, while it is open or on legal hold);
     * rectification corrects the contact details through casework. Records the decision with its reason.
     */
    @Transactional
    public Request apply(String organisation, String id, @Nullable String reason, String actor) {
        TextLimits.check("reason", reason, TextLimits.TEXT);
        Request r = undecided(organisation, id);
        String why = Retention.blankToNull(reason);
        if (why == null) {
            throw new InvalidInputException("reason", "must say why the request is granted");
        }
        CaseView c = casework.get(organisation, r.caseReference());
        String basis;
        if (r.kind() == Kind.ERASURE) {
            if (!ENDED.contains(c.status())) {
                throw new RefusedException("erasure refused: case " + c.reference() + " is " + c.status().name().toLowerCase()
                        .replace('_', ' '), OPEN_CASE_BASIS, null);
            }
            if (c.hold() != null && c.hold().kind() == HoldKind.LEGAL) {
                throw new RefusedException("erasure refused: case " + c.reference() + " is on legal hold", "UK GDPR Art. 17(3)(e)", null);
            }
            retention.anonymise(organisation, c.reference(), "erasure request " + r.id(), actor);
            basis = "UK GDPR Art. 17(1)";
        } else {
            Correction k = r.correction();
            casework.on(organisation, c.reference(), actor).correctContactDetails(k.name(), k.email(), k.phone(), k.address(), "rectification request " + r.id());
            basis = "UK GDPR Art. 16";
        }
        decide(organisation, r.id(), "APPLIED", why, basis, actor);
        return get(organisation, id);
    }

    /** Refuses the request with its reason and the lawful basis for keeping (or not changing) the data. */
    @Transactional
    public Request refuse(String organisation, String id, @Nullable String reason, @Nullable String lawfulBasis, String actor) {
        TextLimits.check("reason", reason, TextLimits.TEXT);
        TextLimits.check("lawfulBasis", lawfulBasis, TextLimits.LINE);
        Request r = undecided(organisation, id);
        List<FieldError> errors = new ArrayList<>();
        if (Retention.blankToNull(reason) == null) {
            errors.add(new FieldError("reason", "must say why the request is refused"));
        }
        if (Retention.blankToNull(lawfulBasis) == null) {
            errors.add(new FieldError("lawfulBasis", "must cite the lawful basis for refusing, e.g. UK GDPR Art. 17(3)(e)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        decide(organisation, r.id(), "REFUSED", reason.strip(), lawfulBasis.strip(), actor);
        return get(organisation, id);
    }

    private Request undecided(String organisation, String id) {
        Request r = get(organisation, id);
        if (r.decision() != null) {
            throw new RefusedException("the request was decided already (" + r.decision().toLowerCase() + ")", null, null);
        }
        return r;
    }

    private void decide(String organisation, String id, String decision, String reason, String basis, String actor) {
        jdbc.sql("""
                update privacy.data_request set decision = ?, decision_reason = ?, lawful_basis = ?, decided_by = ?, decided_at = ?
                where organisation = ? and id = ?
                """).params(decision, reason, basis, actor, Retention.ts(clock.instant()), organisation, UUID.fromString(id)).update();
    }

    private static final String COLUMNS = """
            id, organisation, kind, case_reference, requested_by, request, correction, received_at, recorded_by, decision,
            decision_reason, lawful_basis, decided_by, decided_at""";

    private Request map(ResultSet rs, int row) throws SQLException {
        String correction = rs.getString(7);
        return new Request(rs.getObject(1, UUID.class).toString(), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), correction == null ? null : json.readValue(correction, Correction.class),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13),
                Optional.ofNullable(rs.getObject(14, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null));
    }
}
