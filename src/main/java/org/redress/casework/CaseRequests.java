package org.redress.casework;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.*;
import org.redress.web.TextLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON bodies of the case API. Every field is optional to the parser, so missing ones get a named error instead of a
 * 500; every text field has its size ({@link TextLimits}), checked before the controller runs.
 */
final class CaseRequests {

    private CaseRequests() {
    }

    record ComplainantRequest(@Size(max = TextLimits.NAME) @Nullable String name, @Size(max = TextLimits.NAME) @Nullable String email,
                              @Size(max = TextLimits.NAME) @Nullable String phone, @Size(max = TextLimits.LINE) @Nullable String address,
                              @Nullable ContactMethod preferredContact, @Size(max = TextLimits.TEXT) @Nullable String reasonableAdjustments,
                              @Nullable List<@Size(max = TextLimits.NAME) String> formats, @Nullable Tenure tenure) {
    }

    record RepresentativeRequest(@Size(max = TextLimits.NAME) @Nullable String name, @Size(max = TextLimits.NAME) @Nullable String relationship,
                                 @Size(max = TextLimits.NAME) @Nullable String email, @Size(max = TextLimits.NAME) @Nullable String phone,
                                 @Nullable Boolean consentRecorded, @Nullable LocalDate consentDate) {
    }

    /** A member of staff or a contractor the complaint is about. */
    record NamedPersonRequest(@Size(max = TextLimits.NAME) @Nullable String name, @Size(max = TextLimits.NAME) @Nullable String kind,
                              @Size(max = TextLimits.NAME) @Nullable String role) {
    }

    record NewCaseRequest(@Size(max = TextLimits.NAME) @Nullable String recordType, @Nullable Channel channel, @Nullable Instant receivedAt,
                          @Valid @Nullable ComplainantRequest complainant, @Valid @Nullable RepresentativeRequest representative,
                          @Nullable List<@Valid NamedPersonRequest> namedPeople, @Size(max = TextLimits.NAME) @Nullable String serviceLine,
                          @Size(max = TextLimits.NAME) @Nullable String serviceArea, @Size(max = TextLimits.NAME) @Nullable String subject,
                          @Size(max = TextLimits.NAME) @Nullable String subSubject, @Size(max = TextLimits.TEXT) @Nullable String description,
                          @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted, @Size(max = TextLimits.TEXT) @Nullable String understanding,
                          @Nullable LocalDate awareSince, @Nullable List<@Size(max = TextLimits.TEXT) String> points) {
    }

    record At(@Nullable Long expectedVersion, @Nullable Instant at) {
    }

    record AcknowledgeRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.NAME) @Nullable String method) {
    }

    record AssignRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.NAME) @Nullable String owner) {
    }

    record PointRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.TEXT) @Nullable String summary) {
    }

    record UnderstandingRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.TEXT) @Nullable String understanding,
                                @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted) {
    }

    record EvidenceRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable EvidenceKind kind,
                           @Nullable LocalDate date, @Size(max = TextLimits.NAME) @Nullable String who,
                           @Size(max = TextLimits.TEXT) @Nullable String notes) {
    }

    record ExtendRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.NAME) @Nullable String clock,
                         @Nullable Integer amount, @Size(max = TextLimits.TEXT) @Nullable String reason, @Nullable Boolean complainantAgreed) {
    }

    record HoldRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable HoldKind kind,
                       @Size(max = TextLimits.TEXT) @Nullable String reason) {
    }

    record NoteRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.TEXT) @Nullable String note) {
    }

    record StepRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.NAME) @Nullable String step,
                       @Size(max = TextLimits.TEXT) @Nullable String note) {
    }

    record PointDecisionRequest(@Nullable Integer number, @Nullable Outcome outcome, @Size(max = TextLimits.TEXT) @Nullable String reasons) {
    }

    record ActionRequest(@Size(max = TextLimits.TEXT) @Nullable String description, @Nullable LocalDate due,
                         @Size(max = TextLimits.NAME) @Nullable String owner) {
    }

    record RespondRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.TEXT) @Nullable String summary,
                          @Nullable List<@Valid PointDecisionRequest> points, @Nullable List<@Valid ActionRequest> actions) {
    }

    record EscalationRequest(@Nullable Long expectedVersion, @Nullable Instant requestedAt, @Size(max = TextLimits.TEXT) @Nullable String unresolved,
                             @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted,
                             @Size(max = TextLimits.TEXT) @Nullable String lateAcceptedBecause) {
    }

    record RefuseEscalationRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.NAME) @Nullable String ground,
                                   @Size(max = TextLimits.TEXT) @Nullable String reasons) {
    }

    /** Satisfaction with handling and with outcome, asked at closure. */
    record SatisfactionRequest(@Nullable Boolean withHandling, @Nullable Boolean withOutcome,
                               @Size(max = TextLimits.TEXT) @Nullable String reasons) {
    }

    record CloseRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Valid @Nullable SatisfactionRequest satisfaction,
                        @Size(max = TextLimits.TEXT) @Nullable String note) {
    }

    record ReasonRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.TEXT) @Nullable String reason) {
    }

    record DeclineRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable DeclineGround ground,
                          @Size(max = TextLimits.NAME) @Nullable String exclusion, @Size(max = TextLimits.TEXT) @Nullable String reasons,
                          @Size(max = TextLimits.NAME) @Nullable String decidedBy) {
    }

    record ReclassifyRequest(@Size(max = TextLimits.NAME) @Nullable String recordType) {
    }

    record TenureRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable Tenure tenure) {
    }
}
