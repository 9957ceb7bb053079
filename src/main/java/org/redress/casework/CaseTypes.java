package org.redress.casework;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The small values a case is made of. */
public final class CaseTypes {

    private CaseTypes() {
    }

    /**
     * A case's identifier: a version 7 UUID (RFC 9562), whose first 48 bits are the milliseconds of the instant it was
     * made at and whose other 74 bits are random. New cases' ids sort after older ones, so each new case and its history
     * extend the end of their primary-key indexes instead of touching a random page of each (ADR 15).
     */
    public record CaseId(UUID value) {
        public static CaseId at(Instant madeAt) {
            UUID random = UUID.randomUUID();
            long millis = madeAt.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
            long high = millis << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
            // the low half of a random (version 4) UUID already carries the RFC 9562 variant bits
            return new CaseId(new UUID(high, random.getLeastSignificantBits()));
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** How the contact reached the organisation (F-4, S0-4). */
    public enum Channel { PHONE, EMAIL, LETTER, WEBSITE, WEB_FORM, VISIT, VERBAL, FAX, TEXTPHONE, SOCIAL_MEDIA, REPRESENTATIVE, API }

    /** How the complainant wants to be contacted. */
    public enum ContactMethod { EMAIL, POST, PHONE, TEXT }

    public enum Outcome { UPHELD, PARTLY_UPHELD, NOT_UPHELD }

    public enum CaseStatus { OPEN, ON_HOLD, RESPONDED, CLOSED, WITHDRAWN, DECLINED }

    /** LAPSED: an option's window (issue 23, R-5) passed without the outcome being taken; never late, never overdue. */
    public enum ClockStatus { ON_TIME, DUE_SOON, OVERDUE, MET, MET_LATE, PAUSED, CANCELLED, LAPSED }

    public enum HoldKind { LEGAL, AWAITING_COMPLAINANT, OTHER }

    public enum EvidenceKind { INTERVIEW, RECORDS, SITE_VISIT, DOCUMENT, OTHER }

    /**
     * The complainant's tenure, as the Regulator of Social Housing splits the Tenant Satisfaction Measures CH01 and CH02
     * low-cost rental accommodation (LCRA: social, affordable and supported housing rent), low-cost home ownership
     * (LCHO: shared ownership), neither (a leaseholder, a neighbour, a member of the public), or not known. Only a social
     * landlord's cases record one; every other case's is unknown.
     */
    public enum Tenure { LOW_COST_RENTAL, LOW_COST_HOME_OWNERSHIP, OTHER, UNKNOWN }

    /** Why a complaint is not taken on at admission. */
    public enum DeclineGround { TIME_LIMIT, REPEAT, VEXATIOUS, LEGAL_PROCEEDINGS, OUT_OF_SCOPE }

    /**
     * The person complaining (or complimenting). Reasonable adjustments (T-1) and formats (F-16) are honoured
     * in every contact; the tenure splits the regulator's measures.
     */
    public record Complainant(String name, @Nullable String email, @Nullable String phone, @Nullable String address,
                              @Nullable ContactMethod preferredContact, @Nullable String reasonableAdjustments,
                              List<String> formats, Tenure tenure) {

        public Complainant {
            // cases stored before tenure was recorded have none: not known
            tenure = tenure == null ? Tenure.UNKNOWN : tenure;
        }

        Complainant withTenure(Tenure newTenure) {
            return new Complainant(name, email, phone, address, preferredContact, reasonableAdjustments, formats, newTenure);
        }
    }

    /**
     * Someone acting for the complainant, with the complainant's consent recorded (H-4): when, and how it was given
     * ({@code consentHow}, for example "in writing" or "by phone"; null for cases logged before it was asked).
     */
    public record Representative(String name, @Nullable String relationship, @Nullable String email, @Nullable String phone,
                                 boolean consentRecorded, @Nullable LocalDate consentDate, @Nullable String consentHow) {

        public Representative(String name, @Nullable String relationship, @Nullable String email, @Nullable String phone,
                              boolean consentRecorded, @Nullable LocalDate consentDate) {
            this(name, relationship, email, phone, consentRecorded, consentDate, null);
        }
    }

    /** A member of staff or a contractor the complaint is about (F-12, H-2). */
    public record NamedPerson(String name, String kind, @Nullable String role) {
    }

    /**
     * What the case is about: filed under a service line and area, with a subject and sub-subject (S0-11), and one of the
     * pack's complaint categories where it has them (H-1; null for cases logged before, or with none).
     */
    public record Classification(@Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject,
                                 @Nullable String subSubject, @Nullable String category) {

        public Classification(@Nullable String serviceLine, @Nullable String serviceArea, @Nullable String subject,
                              @Nullable String subSubject) {
            this(serviceLine, serviceArea, subject, subSubject, null);
        }
    }

    /** One of the complaint's separate points, with its outcome and reasons once decided (Code 6.7). */
    public record Point(int number, String summary, @Nullable Outcome outcome, @Nullable String reasons, int decidedAtStage,
                        @Nullable String category) {

        /** A point with no category: one recorded before points had them, or given none (issue 20). */
        public Point(int number, String summary, @Nullable Outcome outcome, @Nullable String reasons, int decidedAtStage) {
            this(number, summary, outcome, reasons, decidedAtStage, null);
        }
    }

    /** An action promised in a response, tracked after closure (A-5, Code 6.6). */
    public record Action(String description, LocalDate due, @Nullable String owner) {
    }

    /**
     * One stage of this case.
     *
     * @param understanding the organisation's understanding of the complaint at this stage (Code 5.6)
     * @param outcomeWanted what the complainant wants (Code 5.6, A-6)
     * @param coOwners the owner of each further role the pack appoints at this stage, by role (H-6); the stage's own
     *                 role's owner is {@code owner}
     */
    public record StageRecord(int number, String name, @Nullable String owner, @Nullable String understanding,
                              @Nullable String outcomeWanted, Instant receivedAt, Instant loggedAt,
                              @Nullable Instant acknowledgedAt, @Nullable Instant contactedAt, @Nullable Instant respondedAt,
                              @Nullable String responseSummary, boolean escalationRefused, Map<String, String> coOwners,
                              @Nullable ContactArrangement contactArrangement) {

        public StageRecord {
            // stages stored before co-owners were kept have none
            coOwners = coOwners == null ? Map.of() : Map.copyOf(coOwners);
        }

        StageRecord(int number, String name, @Nullable String owner, @Nullable String understanding,
                    @Nullable String outcomeWanted, Instant receivedAt, Instant loggedAt,
                    @Nullable Instant acknowledgedAt, @Nullable Instant contactedAt, @Nullable Instant respondedAt,
                    @Nullable String responseSummary, boolean escalationRefused) {
            this(number, name, owner, understanding, outcomeWanted, receivedAt, loggedAt, acknowledgedAt, contactedAt, respondedAt,
                    responseSummary, escalationRefused, Map.of(), null);
        }

        StageRecord withOwner(String newOwner) {
            return new StageRecord(number, name, newOwner, understanding, outcomeWanted, receivedAt, loggedAt, acknowledgedAt,
                    contactedAt, respondedAt, responseSummary, escalationRefused, coOwners, contactArrangement);
        }

        StageRecord withCoOwner(String role, String member) {
            Map<String, String> owners = new java.util.TreeMap<>(coOwners);
            owners.put(role, member);
            return new StageRecord(number, name, owner, understanding, outcomeWanted, receivedAt, loggedAt, acknowledgedAt,
                    contactedAt, respondedAt, responseSummary, escalationRefused, owners, contactArrangement);
        }

        StageRecord withContactArrangement(ContactArrangement arrangement) {
            return new StageRecord(number, name, owner, understanding, outcomeWanted, receivedAt, loggedAt, acknowledgedAt,
                    contactedAt, respondedAt, responseSummary, escalationRefused, coOwners, arrangement);
        }

        /** Who owns the stage for this role: its owner for the stage's own role, else the co-owner of that role. */
        public @Nullable String ownerFor(String role, String stageRole) {
            return role.equals(stageRole) ? owner : coOwners.get(role);
        }

        StageRecord withUnderstanding(@Nullable String newUnderstanding, @Nullable String newOutcomeWanted) {
            return new StageRecord(number, name, owner, newUnderstanding != null ? newUnderstanding : understanding,
                    newOutcomeWanted != null ? newOutcomeWanted : outcomeWanted, receivedAt, loggedAt, acknowledgedAt,
                    contactedAt, respondedAt, responseSummary, escalationRefused, coOwners, contactArrangement);
        }

        StageRecord withAcknowledged(Instant at) {
            return new StageRecord(number, name, owner, understanding, outcomeWanted, receivedAt, loggedAt, at,
                    contactedAt, respondedAt, responseSummary, escalationRefused, coOwners, contactArrangement);
        }

        StageRecord withContacted(Instant at) {
            return new StageRecord(number, name, owner, understanding, outcomeWanted, receivedAt, loggedAt, acknowledgedAt,
                    contactedAt == null ? at : contactedAt, respondedAt, responseSummary, escalationRefused, coOwners, contactArrangement);
        }

        /** The stage's response, or (with nulls) its withdrawal when a case is reopened. */
        StageRecord withResponse(@Nullable Instant at, @Nullable String summary) {
            return new StageRecord(number, name, owner, understanding, outcomeWanted, receivedAt, loggedAt, acknowledgedAt,
                    contactedAt, at, summary == null ? responseSummary : summary, false, coOwners, contactArrangement);
        }

        StageRecord withEscalationRefused() {
            return new StageRecord(number, name, owner, understanding, outcomeWanted, receivedAt, loggedAt, acknowledgedAt,
                    contactedAt, respondedAt, responseSummary, true, coOwners, contactArrangement);
        }
    }

    /** How and how often the complainant is contacted during a stage, as agreed with them and recorded. */
    public record ContactArrangement(String method, String frequency, Instant agreedAt, String recordedBy) {
    }

    /** An extension granted on a clock, with its reason and whether the complainant agreed. */
    public record Extension(int amount, org.redress.calendar.ClockUnit unit, String reason, boolean complainantAgreed,
                            Instant at, String by, @Nullable String cite) {
    }

    /** A hold on the case: its clocks are paused until it is resumed. */
    public record Hold(HoldKind kind, String reason, Instant since) {
    }

    /** The escalation window after a stage's response (T-8). */
    public record EscalationWindow(int fromStage, Instant closesAt, LocalDate closesOn, String explanation, @Nullable String cite) {
    }

    /** A record inside a stage: case conference decision, adverse-findings comment, mediation offer (F-6). */
    public record StepRecord(String step, String kind, int stage, Instant at, String by, String note) {
    }

    /** Satisfaction with handling and with outcome, asked at closure (H-7). */
    public record Satisfaction(@Nullable Boolean withHandling, @Nullable Boolean withOutcome, @Nullable String reasons) {
    }

    /** Everything a case holds, as stored. Replaced whole by each verb, never edited in place. */
    public record CaseState(String recordType, CaseStatus status, int stage, Channel channel, Instant receivedAt,
                            Complainant complainant, @Nullable Representative representative, List<NamedPerson> namedPeople,
                            Classification classification, String description, @Nullable LocalDate awareSince,
                            List<Point> points, List<StageRecord> stages, List<CaseClock> clocks, List<Action> actions,
                            List<Evidence> evidence, List<StepRecord> steps, @Nullable Hold hold,
                            @Nullable EscalationWindow escalationWindow, @Nullable Satisfaction satisfaction,
                            @Nullable Instant closedAt, @Nullable String linkedFrom, List<String> linkedTo) {

        public CaseState {
            namedPeople = List.copyOf(namedPeople);
            points = List.copyOf(points);
            stages = List.copyOf(stages);
            clocks = List.copyOf(clocks);
            actions = List.copyOf(actions);
            evidence = List.copyOf(evidence);
            steps = List.copyOf(steps);
            linkedTo = List.copyOf(linkedTo);
        }
    }

    /** Evidence gathered in an investigation (S0-6). */
    public record Evidence(EvidenceKind kind, LocalDate date, String who, String notes, Instant recordedAt, String recordedBy) {
    }

    /**
     * What a new case is logged with.
     *
     * @param receivedBy who received the contact (S0-4), as named; null when not said
     * @param pointCategories each point's category (one of the organisation's subjects), in the order of {@code points};
     *                        a missing or null one is the case's subject. Both are left out of the request's idempotency
     *                        hash when empty, so a request sent before they existed hashes as it did
     */
    public record NewCase(String recordType, Channel channel, @Nullable Instant receivedAt, Complainant complainant,
                          @Nullable Representative representative, List<NamedPerson> namedPeople,
                          Classification classification, String description, @Nullable String outcomeWanted,
                          @Nullable String understanding, @Nullable LocalDate awareSince, List<String> points,
                          @Nullable String linkedFrom,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String receivedBy,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<@Nullable String> pointCategories) {

        public NewCase {
            pointCategories = pointCategories == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(pointCategories));
        }

        public NewCase(String recordType, Channel channel, @Nullable Instant receivedAt, Complainant complainant,
                       @Nullable Representative representative, List<NamedPerson> namedPeople,
                       Classification classification, String description, @Nullable String outcomeWanted,
                       @Nullable String understanding, @Nullable LocalDate awareSince, List<String> points,
                       @Nullable String linkedFrom) {
            this(recordType, channel, receivedAt, complainant, representative, namedPeople, classification, description, outcomeWanted,
                    understanding, awareSince, points, linkedFrom, null, List.of());
        }

        /** The same request received at {@code at}. */
        public NewCase withReceivedAt(Instant at) {
            return new NewCase(recordType, channel, at, complainant, representative, namedPeople, classification, description, outcomeWanted,
                    understanding, awareSince, points, linkedFrom, receivedBy, pointCategories);
        }

        /** The same request filed as {@code filed}, its points' categories as {@code categories}. */
        public NewCase filedAs(Classification filed, List<@Nullable String> categories) {
            return new NewCase(recordType, channel, receivedAt, complainant, representative, namedPeople, filed, description, outcomeWanted,
                    understanding, awareSince, points, linkedFrom, receivedBy, categories);
        }

        /** The category of point {@code index} (from 0): its own, or the case's subject. */
        public @Nullable String pointCategory(int index) {
            String own = index < pointCategories.size() ? pointCategories.get(index) : null;
            return own != null ? own : classification.subject();
        }
    }

    /** A point's decision in a response. */
    public record PointDecision(int number, Outcome outcome, String reasons) {
    }
}
