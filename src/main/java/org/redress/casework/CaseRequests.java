package org.redress.casework;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.*;
import org.redress.web.EmailAddress;
import org.redress.web.TextLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON bodies of the case API. Every field is optional to the parser, so missing ones get a named error instead of a
 * 500. Each body's shape is declared here (required, its size from {@link TextLimits}, an email address) and checked
 * before the controller runs, every field's errors at once; what depends on other fields or on the case is checked after.
 */
final class CaseRequests {

    /** The tenures a case may record, as the API names them. */
    static final String TENURES = "LOW_COST_RENTAL, LOW_COST_HOME_OWNERSHIP, OTHER or UNKNOWN";

    private static final String CONSENT = "must be true: record the complainant's consent (H-4)";

    private CaseRequests() {
    }

    record ComplainantRequest(@NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String name,
                              @EmailAddress @Size(max = TextLimits.NAME) @Nullable String email,
                              @Size(max = TextLimits.NAME) @Nullable String phone, @Size(max = TextLimits.LINE) @Nullable String address,
                              @Nullable ContactMethod preferredContact, @Size(max = TextLimits.TEXT) @Nullable String reasonableAdjustments,
                              @Nullable List<@Size(max = TextLimits.NAME) String> formats, @Nullable Tenure tenure) {
    }

    record RepresentativeRequest(@NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String name,
                                 @Size(max = TextLimits.NAME) @Nullable String relationship,
                                 @Size(max = TextLimits.NAME) @Nullable String email, @Size(max = TextLimits.NAME) @Nullable String phone,
                                 @NotNull(message = CONSENT) @AssertTrue(message = CONSENT) @Nullable Boolean consentRecorded,
                                 @Nullable LocalDate consentDate,
                                 @Schema(description = "how the complainant gave their consent (H-4), e.g. in writing, by phone, in person")
                                 @Size(max = TextLimits.NAME) @Nullable String consentHow) {
    }

    /** A member of staff or a contractor the complaint is about. */
    record NamedPersonRequest(@NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String name,
                              @NotBlank(message = "is required, e.g. staff or contractor") @Size(max = TextLimits.NAME) @Nullable String kind,
                              @Size(max = TextLimits.NAME) @Nullable String role) {
    }

    record NewCaseRequest(@NotBlank(message = "is required, e.g. complaint") @Size(max = TextLimits.NAME) @Nullable String recordType,
                          @NotNull(message = "is required, e.g. PHONE, EMAIL, LETTER, WEB_FORM") @Nullable Channel channel, @Nullable Instant receivedAt,
                          @Valid @Nullable ComplainantRequest complainant, @Valid @Nullable RepresentativeRequest representative,
                          @Nullable List<@Valid NamedPersonRequest> namedPeople, @Size(max = TextLimits.NAME) @Nullable String serviceLine,
                          @Size(max = TextLimits.NAME) @Nullable String serviceArea, @Size(max = TextLimits.NAME) @Nullable String subject,
                          @Size(max = TextLimits.NAME) @Nullable String subSubject,
                          @NotBlank(message = "is required: what happened, in the complainant's words") @Size(max = TextLimits.TEXT) @Nullable String description,
                         
                          @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted, @Size(max = TextLimits.TEXT) @Nullable String understanding,
                          @Nullable LocalDate awareSince, @Nullable List<@NotBlank(message = "must not be empty") @Size(max = TextLimits.TEXT) String> points,
                          @Size(max = TextLimits.NAME) @Nullable String category,
                          @Schema(description = "who received the contact (S0-4), e.g. the member of staff who took the call")
                          @Size(max = TextLimits.NAME) @Nullable String receivedBy,
                          @Schema(description = "each point's category, in the order of points: one of the organisation's subjects; "
                                  + "a missing or empty one is the case's subject")
                          @Nullable List<@Size(max = TextLimits.NAME) String> pointCategories) {
    }

    record At(@Nullable Long expectedVersion, @Nullable Instant at) {
    }

    record AcknowledgeRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.NAME) @Nullable String method) {
    }

    record AssignRequest(@Nullable Long expectedVersion, @Nullable Instant at, @NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String owner,
                         @Size(max = TextLimits.NAME) @Nullable String role) {
    }

    /** A point, with its category where given: one of the organisation's subjects (issue 20). */
    record PointRequest(@Nullable Long expectedVersion, @Nullable Instant at, @NotBlank(message = "is required") @Size(max = TextLimits.TEXT) @Nullable String summary,
                        @Size(max = TextLimits.NAME) @Nullable String category) {
    }

    record UnderstandingRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.TEXT) @Nullable String understanding,
                                @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted) {
    }

    record EvidenceRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                           @NotNull(message = "is required: INTERVIEW, RECORDS, SITE_VISIT, DOCUMENT or OTHER") @Nullable EvidenceKind kind,
                           @NotNull(message = "is required") @Nullable LocalDate date, @NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String who,
                           @NotBlank(message = "is required") @Size(max = TextLimits.TEXT) @Nullable String notes) {
    }

    record ExtendRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                         @NotBlank(message = "is required: the id of the clock to extend, e.g. respond") @Size(max = TextLimits.NAME) @Nullable String clock,
                         @NotNull(message = "is required") @Nullable Integer amount, @Size(max = TextLimits.TEXT) @Nullable String reason, @Nullable Boolean complainantAgreed) {
    }

    record HoldRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                       @NotNull(message = "is required: LEGAL, AWAITING_COMPLAINANT or OTHER") @Nullable HoldKind kind,
                       @Size(max = TextLimits.TEXT) @Nullable String reason) {
    }

    record NoteRequest(@Nullable Long expectedVersion, @Nullable Instant at, @Size(max = TextLimits.TEXT) @Nullable String note) {
    }

    record ContactArrangementRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                                     @NotBlank(message = "is required: how the complainant will be contacted") @Size(max = TextLimits.NAME) @Nullable String method,
                                     @NotBlank(message = "is required: how often the complainant will be contacted") @Size(max = TextLimits.NAME) @Nullable String frequency) {
    }

    /** Issue 23, R-5 (DISP 1.5): how the complaint was resolved, and whether the firm waives the Ombudsman's time limits (DISP 2.8). */
    record SummaryResolutionRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                                    @NotBlank(message = "is required: how the complaint was resolved to the complainant's satisfaction")
                                    @Size(max = TextLimits.TEXT) @Nullable String summary,
                                    @Nullable Boolean timeLimitsWaived) {
    }

    record StepRequest(@Nullable Long expectedVersion, @Nullable Instant at, @NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String step,
                       @Size(max = TextLimits.TEXT) @Nullable String note) {
    }

    /** A step of mediation (F-6); {@code on} is the day it happened (today when left out). */
    record MediationRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                            @NotNull(message = "is required: OFFERED, ACCEPTED, DECLINED, HELD or OUTCOME") Mediation.@Nullable Step step,
                            @Size(max = TextLimits.NAME) @Nullable String mediator, @Nullable LocalDate on,
                            Mediation.@Nullable Result result, @Size(max = TextLimits.TEXT) @Nullable String notes) {
    }

    record PointDecisionRequest(@NotNull(message = "is required") @Nullable Integer number,
                                @NotNull(message = "is required: UPHELD, PARTLY_UPHELD or NOT_UPHELD") @Nullable Outcome outcome,
                                @NotBlank(message = "is required (Code 6.7)") @Size(max = TextLimits.TEXT) @Nullable String reasons) {
    }

    record ActionRequest(@NotBlank(message = "is required") @Size(max = TextLimits.TEXT) @Nullable String description,
                         @NotNull(message = "is required: every promised action has a date (A-5)") @Nullable LocalDate due,
                         @Size(max = TextLimits.NAME) @Nullable String owner) {
    }

    record RespondRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                          @NotBlank(message = "is required: how the concerns were resolved (S0-8)") @Size(max = TextLimits.TEXT) @Nullable String summary,
                          @Nullable List<@Valid PointDecisionRequest> points, @Nullable List<@Valid ActionRequest> actions) {
    }

    record EscalationRequest(@Nullable Long expectedVersion, @Nullable Instant requestedAt, @Size(max = TextLimits.TEXT) @Nullable String unresolved,
                             @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted,
                             @Size(max = TextLimits.TEXT) @Nullable String lateAcceptedBecause,
                             @Size(max = TextLimits.NAME) @Nullable String toStage) {
    }

    record RefuseEscalationRequest(@Nullable Long expectedVersion, @Nullable Instant at, @NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String ground,
                                   @Size(max = TextLimits.TEXT) @Nullable String reasons,
                                   @Schema(description = "when the refusal will be reviewed; required where the policy's refusal must include a review date (H-5)")
                                   @Nullable LocalDate reviewDate) {
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

    record DeclineRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                          @NotNull(message = "is required: TIME_LIMIT, REPEAT, VEXATIOUS, LEGAL_PROCEEDINGS or OUT_OF_SCOPE") @Nullable DeclineGround ground,
                          @Size(max = TextLimits.NAME) @Nullable String exclusion, @Size(max = TextLimits.TEXT) @Nullable String reasons,
                          @Size(max = TextLimits.NAME) @Nullable String decidedBy,
                          @Schema(description = "where an out-of-scope matter goes instead, when its exclusion offers a choice (S0-3), e.g. Grievance Policy")
                          @Size(max = TextLimits.NAME) @Nullable String redirectTo) {
    }

    record ReclassifyRequest(@NotBlank(message = "is required") @Size(max = TextLimits.NAME) @Nullable String recordType) {
    }

    /** Issue 23, F-8: the service line the case should have been logged on, and why it is corrected. */
    @Schema(name = "CaseServiceLineRequest")
    record ServiceLineRequest(@Nullable Long expectedVersion, @Nullable Instant at,
                              @NotBlank(message = "is required: the id of one of the policy's service lines") @Size(max = TextLimits.NAME) @Nullable String serviceLine,
                              @NotBlank(message = "is required: why the service line is corrected") @Size(max = TextLimits.TEXT) @Nullable String reason) {
    }

    record TenureRequest(@Nullable Long expectedVersion, @Nullable Instant at, @NotNull(message = "is required: " + TENURES) @Nullable Tenure tenure) {
    }
}
