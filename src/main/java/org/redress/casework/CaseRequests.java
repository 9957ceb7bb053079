package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON bodies of the case API. Every field is optional to the parser, so missing ones get a named error instead of a 500. */
final class CaseRequests {

    private CaseRequests() {
    }

    record ComplainantRequest(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String address,
                              @Nullable ContactMethod preferredContact, @Nullable String reasonableAdjustments,
                              @Nullable List<String> formats, @Nullable Tenure tenure) {
    }

    record RepresentativeRequest(@Nullable String name, @Nullable String relationship, @Nullable String email,
                                 @Nullable String phone, @Nullable Boolean consentRecorded, @Nullable LocalDate consentDate) {
    }

    record NewCaseRequest(@Nullable String recordType, @Nullable Channel channel, @Nullable Instant receivedAt,
                          @Nullable ComplainantRequest complainant, @Nullable RepresentativeRequest representative,
                          @Nullable List<NamedPerson> namedPeople, @Nullable String serviceLine, @Nullable String serviceArea,
                          @Nullable String subject, @Nullable String subSubject, @Nullable String description,
                          @Nullable String outcomeWanted, @Nullable String understanding, @Nullable LocalDate awareSince,
                          @Nullable List<String> points) {
    }

    record At(@Nullable Long expectedVersion, @Nullable Instant at) {
    }

    record AcknowledgeRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String method) {
    }

    record AssignRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String owner) {
    }

    record PointRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String summary) {
    }

    record UnderstandingRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String understanding,
                                @Nullable String outcomeWanted) {
    }

    record EvidenceRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable EvidenceKind kind,
                           @Nullable LocalDate date, @Nullable String who, @Nullable String notes) {
    }

    record ExtendRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String clock, @Nullable Integer amount,
                         @Nullable String reason, @Nullable Boolean complainantAgreed) {
    }

    record HoldRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable HoldKind kind, @Nullable String reason) {
    }

    record NoteRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String note) {
    }

    record StepRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String step, @Nullable String note) {
    }

    record PointDecisionRequest(@Nullable Integer number, @Nullable Outcome outcome, @Nullable String reasons) {
    }

    record ActionRequest(@Nullable String description, @Nullable LocalDate due, @Nullable String owner) {
    }

    record RespondRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String summary,
                          @Nullable List<PointDecisionRequest> points, @Nullable List<ActionRequest> actions) {
    }

    record EscalationRequest(@Nullable Long expectedVersion, @Nullable Instant requestedAt, @Nullable String unresolved,
                             @Nullable String outcomeWanted, @Nullable String lateAcceptedBecause) {
    }

    record RefuseEscalationRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String ground,
                                   @Nullable String reasons) {
    }

    record CloseRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable Satisfaction satisfaction,
                        @Nullable String note) {
    }

    record ReasonRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable String reason) {
    }

    record DeclineRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable DeclineGround ground,
                          @Nullable String exclusion, @Nullable String reasons, @Nullable String decidedBy) {
    }

    record ReclassifyRequest(@Nullable String recordType) {
    }

    record TenureRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Nullable Tenure tenure) {
    }
}
