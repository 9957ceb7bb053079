package org.redress.ombudsman;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseFile;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseView;
import org.redress.correspondence.Letter;
import org.redress.publicweb.Attachments;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the information pack's template ({@code templates/pdf/information-pack.html}) shows, every value already in
 * words: the template only lays it out, and writes each value escaped.
 */
final class InformationPackPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private InformationPackPage() {
    }

    record Section(String id, int number, String title) {
    }

    record Row(String key, String value) {
    }

    record StageTable(String name, List<Row> rows) {
    }

    record PointRow(int number, String summary, String decision, String reasons) {
    }

    record ActionRow(String description, String due, String owner) {
    }

    record ClockRow(String name, String due, String explanation, List<String> extensions, String status) {
    }

    record EventRow(int sequence, String when, String actor, String type, @Nullable String reason, @Nullable String details) {
    }

    record NoteRow(String when, String kind, String note) {
    }

    record EvidenceRow(String kindAndDate, String recordedBy, String who, String notes) {
    }

    record LetterBlock(int number, String subject, String about, List<String> paragraphs) {
    }

    record AttachmentRow(String filename, String about, String received, String sha256) {
    }

    record FindingRow(int point, String finding, String notes) {
    }

    record OrderRow(String order, String due, String status) {
    }

    record Referral(List<Row> rows, List<FindingRow> findings, List<OrderRow> orders) {
    }

    /** The template's variables for a case's records. */
    static Map<String, Object> model(CaseView v, String organisationName, List<Letter> letters, List<Attachments.Attachment> attachments,
                                     @Nullable ReferralView referral, Instant madeAt) {
        List<Section> sections = List.of(new Section("summary", 1, "Case summary"),
                new Section("points", 2, "Points of complaint and decisions"),
                new Section("deadlines", 3, "Deadlines"),
                new Section("history", 4, "Full history (" + v.history().size() + " events, in order)"),
                new Section("notes", 5, "Notes"),
                new Section("evidence", 6, "Evidence"),
                new Section("letters", 7, "Letters sent (" + letters.size() + ")"),
                new Section("attachments", 8, "Attachments (" + attachments.size() + ")"),
                new Section("ombudsman", 9, "Referral to the ombudsman"));
        Map<String, Section> byId = new LinkedHashMap<>();
        sections.forEach(s -> byId.put(s.id(), s));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reference", v.reference());
        model.put("sections", sections);
        model.put("sectionsById", byId);
        model.put("cover", List.of(
                row("Organisation", organisationName),
                row("Case", v.reference() + " (" + words(v.recordType()) + ")"),
                row("Complainant", v.complainant().name()),
                row("Ombudsman", referral == null ? "Not referred yet" : referral.ombudsmanName() + ", reference " + referral.reference()),
                row("Made", TIME.format(madeAt.atZone(UkTime.ZONE)) + " (UK time)"),
                row("Contents", "Every record of the case kept by this system: summary, decisions, deadlines, the full history, notes, "
                        + "evidence, letters and attachments. The zip version also holds each original letter and attachment, "
                        + "with their SHA-256 hashes in manifest.sha256.")));
        model.put("summary", summary(v));
        model.put("stages", v.stages().stream().map(s -> new StageTable(s.name(), List.of(row("Owner", nz(s.owner())),
                row("Received", time(s.receivedAt())), row("Our understanding", nz(s.understanding())),
                row("Outcome wanted", nz(s.outcomeWanted())), row("Acknowledged", s.acknowledgedAt() == null ? "-" : time(s.acknowledgedAt())),
                row("Responded", s.respondedAt() == null ? "-" : time(s.respondedAt()) + ": " + nz(s.responseSummary()))))).toList());
        model.put("points", v.points().stream().map(p -> new PointRow(p.number(), p.summary(),
                p.outcome() == null ? "Not decided" : words(p.outcome()) + (p.decidedAtStage() > 0 ? " (stage " + p.decidedAtStage() + ")" : ""),
                nz(p.reasons()))).toList());
        model.put("actions", v.actions().stream().map(a -> new ActionRow(a.description(), DAY.format(a.due()), nz(a.owner()))).toList());
        model.put("clocks", v.clocks().stream().map(k -> new ClockRow(k.name() + (k.stage() > 0 ? " (stage " + k.stage() + ")" : ""),
                time(k.dueBy()), k.explanation(), k.extensions().stream().map(x -> "Extended by " + x.amount() + " " + words(x.unit())
                + ": " + x.reason() + (x.complainantAgreed() ? " (agreed)" : "")).toList(), words(k.status()))).toList());
        model.put("history", v.history().stream().map(e -> new EventRow(e.sequence(), time(e.at()), e.actor(), words(e.type()), e.reason(),
                e.details().isEmpty() ? null : details(e.details()))).toList());
        model.put("notes", notes(v));
        model.put("evidence", v.evidence().stream().map((CaseTypes.Evidence e) -> new EvidenceRow(words(e.kind()) + ", " + DAY.format(e.date()),
                e.recordedBy(), e.who(), e.notes())).toList());
        List<LetterBlock> letterBlocks = new ArrayList<>();
        for (Letter l : letters) {
            letterBlocks.add(new LetterBlock(letterBlocks.size() + 1, l.subject(), words(l.kind()) + ", written " + time(l.createdAt())
                    + ", by " + words(l.channel()) + " to " + l.recipient() + (l.copyTo() == null ? "" : ", copied to " + l.copyTo())
                    + ". Status: " + words(l.status()) + (l.sentAt() == null ? "" : ", sent " + time(l.sentAt())) + ".",
                    List.of(l.body().split("\n\n"))));
        }
        model.put("letters", letterBlocks);
        model.put("attachments", attachments.stream().map(a -> new AttachmentRow(a.filename(), a.mediaType() + ", " + a.sizeBytes() + " bytes"
                        + (a.uploadedBy() == null ? ", from the complainant" : ", uploaded by " + a.uploadedBy())
                        + (a.evidence() == null ? "" : ", with evidence " + a.evidence()),
                time(a.uploadedAt()), a.sha256())).toList());
        model.put("referral", referral == null ? null : referral(referral));
        return model;
    }

    private static List<Row> summary(CaseView v) {
        List<Row> summary = new ArrayList<>();
        summary.add(row("Reference", v.reference()));
        summary.add(row("Record type", words(v.recordType())));
        summary.add(row("Status", words(v.status()) + (v.stageName() == null ? "" : ", " + v.stageName())));
        summary.add(row("Received", time(v.receivedAt()) + " by " + words(v.channel())));
        summary.add(row("Policy", v.pack().id() + " version " + v.pack().version()));
        summary.add(row("Complainant", person(v.complainant())));
        if (v.representative() != null) {
            summary.add(row("Representative", v.representative().name() + (v.representative().relationship() == null ? "" : " (" + v.representative().relationship() + ")")
                    + (v.representative().consentRecorded() ? ", consent recorded" : ", consent NOT recorded")));
        }
        v.namedPeople().forEach(p -> summary.add(row("Named", p.name() + " (" + p.kind() + (p.role() == null ? "" : ", " + p.role()) + ")")));
        CaseTypes.Classification c = v.classification();
        summary.add(row("Service line / area", nz(c.serviceLine()) + " / " + nz(c.serviceArea())));
        summary.add(row("Subject", nz(c.subject()) + (c.subSubject() == null ? "" : " / " + c.subSubject())));
        summary.add(row("What happened", v.description()));
        if (v.awareSince() != null) summary.add(row("Aware since", DAY.format(v.awareSince())));
        if (v.hold() != null) summary.add(row("On hold", words(v.hold().kind()) + ": " + v.hold().reason()));
        if (v.closedAt() != null) summary.add(row("Closed", time(v.closedAt())));
        if (v.satisfaction() != null) {
            summary.add(row("Satisfaction", "with handling: " + yesNo(v.satisfaction().withHandling()) + "; with outcome: "
                    + yesNo(v.satisfaction().withOutcome()) + (v.satisfaction().reasons() == null ? "" : "; " + v.satisfaction().reasons())));
        }
        if (v.linkedFrom() != null) summary.add(row("Linked from", v.linkedFrom()));
        if (!v.linkedTo().isEmpty()) summary.add(row("Linked to", String.join(", ", v.linkedTo())));
        return summary;
    }

    /** Contact notes and recorded steps. */
    private static List<NoteRow> notes(CaseView v) {
        List<NoteRow> notes = new ArrayList<>();
        for (CaseEvent e : v.history()) {
            if (e.payload() instanceof CaseFact.Contacted && e.reason() != null) {
                notes.add(new NoteRow(time(e.at()), "Contact with the person, by " + e.actor(), e.reason()));
            }
        }
        v.steps().forEach(s -> notes.add(new NoteRow(time(s.at()), words(s.step()) + " (stage " + s.stage() + "), by " + s.by(), s.note())));
        return notes;
    }

    /** The referral section: its dates, each recommendation (not an order), the findings with their categories, the orders. */
    static Referral referral(ReferralView ref) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("Ombudsman", ref.ombudsmanName()));
        rows.add(row("Their reference", ref.reference()));
        rows.add(row("Referred", DAY.format(ref.referredOn())));
        rows.add(row("Information requested", ref.informationRequestedOn() == null ? "-" : DAY.format(ref.informationRequestedOn())));
        rows.add(row("Determined", ref.determinedOn() == null ? "-" : DAY.format(ref.determinedOn())));
        if (ref.overrideReason() != null) rows.add(row("Why this ombudsman", ref.overrideReason()));
        // recommendations are not orders: no due date, only whether they were followed
        for (ReferralView.RecommendationView x : ref.recommendations()) {
            rows.add(row("Recommendation", x.kindInWords() + ": " + x.text() + " (" + (x.followed() == null ? "not decided yet"
                    : (x.followed() ? "followed on " : "not followed on ") + DAY.format(x.decidedOn()) + (x.note() == null ? "" : ": " + x.note())) + ")"));
        }
        return new Referral(rows,
                ref.findings().stream().map(f -> new FindingRow(f.point(), words(f.finding()) + (f.category() == null ? "" : " (" + f.category() + ")"),
                        f.notes())).toList(),
                ref.orders().stream().map(o -> new OrderRow(o.kindInWords() + (o.amount() == null ? "" : " £" + o.amount().toPlainString())
                        + (o.point() == null ? "" : " for point " + o.point()) + ": " + o.description(), DAY.format(o.dueOn()),
                        o.statusText() + (o.evidence() == null ? "" : ". Evidence: " + o.evidence())))
                        .toList());
    }

    private static Row row(String key, @Nullable String value) {
        return new Row(key, value == null ? "-" : value);
    }

    private static String person(CaseTypes.Complainant p) {
        List<String> parts = new ArrayList<>(List.of(p.name()));
        if (p.email() != null) parts.add(p.email());
        if (p.phone() != null) parts.add(p.phone());
        if (p.address() != null) parts.add(p.address());
        if (p.preferredContact() != null) parts.add("prefers " + words(p.preferredContact()).toLowerCase(Locale.UK));
        if (p.reasonableAdjustments() != null) parts.add("adjustments: " + p.reasonableAdjustments());
        return String.join(", ", parts);
    }

    private static String details(Map<String, Object> details) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(details).forEach((k, val) -> s.append(s.isEmpty() ? "" : "; ").append(k).append(": ").append(val));
        return s.toString();
    }

    private static String time(Instant at) {
        return TIME.format(at.atZone(UkTime.ZONE));
    }

    private static String yesNo(@Nullable Boolean b) {
        return b == null ? "not asked" : b ? "yes" : "no";
    }

    private static String nz(@Nullable String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    static String words(Object code) {
        String text = code.toString().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
