package org.redress.ombudsman;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseFile;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.correspondence.CaseCorrespondence;
import org.redress.correspondence.Letter;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.publicweb.Attachments;
import org.redress.web.PdfRenderer;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The information pack an ombudsman asks for (F-9): every record of the case - its summary, points and decisions,
 * deadlines, full history in order, notes, evidence, letters, attachments and the referral - as one PDF with a
 * contents page, and as a zip of that PDF with each original attachment and letter and a manifest of SHA-256 hashes
 * (in {@code sha256sum} format, so anyone can check the files are the ones sent). Everything is read once and
 * rendered in one pass, so a case with a long history takes seconds.
 */
@Component
class InformationPack {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final Casework casework;
    private final CaseCorrespondence correspondence;
    private final Attachments attachments;
    private final Organisations organisations;
    private final OmbudsmanReferrals referrals;
    private final PdfRenderer renderer;
    private final Clock clock;

    InformationPack(Casework casework, CaseCorrespondence correspondence, Attachments attachments, Organisations organisations,
                    OmbudsmanReferrals referrals, PdfRenderer renderer, Clock clock) {
        this.casework = casework;
        this.correspondence = correspondence;
        this.attachments = attachments;
        this.organisations = organisations;
        this.referrals = referrals;
        this.renderer = renderer;
        this.clock = clock;
    }

    record File(String filename, byte[] bytes) {
    }

    /** Everything the pack is made of, read once. */
    private record Records(CaseView view, String organisationName, List<Letter> letters, List<Attachments.Attachment> attachments,
                           @Nullable ReferralView referral, Instant madeAt) {
    }

    File pdf(String organisation, String caseIdOrReference) {
        Records records = read(organisation, caseIdOrReference);
        return new File(records.view().reference() + "-information-pack.pdf", render(records));
    }

    File zip(String organisation, String caseIdOrReference) {
        Records records = read(organisation, caseIdOrReference);
        String ref = records.view().reference();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(ref + "-information-pack.pdf", render(records));
        int n = 1;
        for (Letter letter : records.letters()) {
            String base = "letters/%02d-%s-%s".formatted(n++, letter.kind().template(), UkTime.dateOf(letter.createdAt()));
            files.put(base + ".pdf", correspondence.pdfOf(letter));
            files.put(base + ".txt", ("Subject: " + letter.subject() + "\nTo: " + letter.recipient() + "\n\n" + letter.body())
                    .getBytes(StandardCharsets.UTF_8));
        }
        n = 1;
        for (Attachments.Attachment a : records.attachments()) {
            byte[] content = attachments.content(organisation, ref, a.id()).map(Attachments.Content::bytes).orElse(new byte[0]);
            files.put("attachments/%02d-%s".formatted(n++, a.filename()), content);
        }
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, bytes) -> manifest.append(sha256(bytes)).append("  ").append(name).append('\n'));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
            put(zip, "manifest.sha256", manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.finish();
            return new File(ref + "-information-pack.zip", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Records read(String organisation, String caseIdOrReference) {
        CaseView view = casework.get(organisation, caseIdOrReference);
        String name = organisations.find(organisation).map(Organisation::name).orElse(organisation);
        return new Records(view, name, correspondence.lettersOf(organisation, view.id()), attachments.list(organisation, view.reference()),
                referrals.referralOf(organisation, view.id()).orElse(null), clock.instant());
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the PDF -------------------------------------------------------------------------------------------

    private byte[] render(Records r) {
        return renderer.render(html(r));
    }

    private String html(Records r) {
        CaseView v = r.view();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("summary", "Case summary");
        sections.put("points", "Points of complaint and decisions");
        sections.put("deadlines", "Deadlines");
        sections.put("history", "Full history (" + v.history().size() + " events, in order)");
        sections.put("notes", "Notes");
        sections.put("evidence", "Evidence");
        sections.put("letters", "Letters sent (" + r.letters().size() + ")");
        sections.put("attachments", "Attachments (" + r.attachments().size() + ")");
        sections.put("ombudsman", "Referral to the ombudsman");

        StringBuilder h = new StringBuilder(16_384 + v.history().size() * 400);
        h.append("""
                <!DOCTYPE html><html lang="en-GB"><head><meta charset="UTF-8"/><title>Information pack %s</title>
                <style>
                @page { size: A4; margin: 20mm 18mm 22mm 18mm;
                  @bottom-left { content: "%s - information pack"; font-family: sans-serif; font-size: 8pt; color: #555; }
                  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: sans-serif; font-size: 8pt; color: #555; } }
                body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; }
                h1 { font-size: 20pt; margin: 0 0 6mm 0; } h2 { font-size: 14pt; margin: 0 0 4mm 0; page-break-before: always; }
                h3 { font-size: 11pt; margin: 5mm 0 2mm 0; }
                table { width: 100%%; border-collapse: collapse; margin-bottom: 4mm; }
                th, td { text-align: left; vertical-align: top; border-bottom: 0.5pt solid #bbb; padding: 1.2mm 1.5mm; word-wrap: break-word; }
                th { font-weight: bold; } .k { width: 32%%; } .f { width: 36%%; } .n { width: 8%%; } .w { width: 24%%; }
                .pre { white-space: pre-wrap; } .small { font-size: 8pt; color: #333; } .letter { border: 0.5pt solid #999; padding: 3mm; margin-bottom: 5mm; page-break-inside: auto; }
                ol.toc { list-style: none; padding: 0; } ol.toc li { margin-bottom: 2mm; }
                ol.toc a { color: #000; text-decoration: none; } ol.toc a::after { content: " ... page " target-counter(attr(href), page); }
                </style>
                <bookmarks>
                """.formatted(esc(v.reference()), esc(v.reference()).replace("\"", "")));
        sections.forEach((id, title) -> h.append("<bookmark name=\"").append(esc(title)).append("\" href=\"#").append(id).append("\"/>"));
        h.append("</bookmarks></head><body>");

        // cover and contents
        h.append("<h1>Information pack: ").append(esc(v.reference())).append("</h1>");
        table(h, List.of(
                row("Organisation", r.organisationName()),
                row("Case", v.reference() + " (" + words(v.recordType()) + ")"),
                row("Complainant", v.complainant().name()),
                row("Ombudsman", r.referral() == null ? "Not referred yet" : r.referral().ombudsmanName() + ", reference " + r.referral().reference()),
                row("Made", TIME.format(r.madeAt().atZone(UkTime.ZONE)) + " (UK time)"),
                row("Contents", "Every record of the case kept by this system: summary, decisions, deadlines, the full history, notes, "
                        + "evidence, letters and attachments. The zip version also holds each original letter and attachment, "
                        + "with their SHA-256 hashes in manifest.sha256.")));
        h.append("<h3>Contents</h3><ol class=\"toc\">");
        int number = 1;
        for (var s : sections.entrySet()) {
            h.append("<li><a href=\"#").append(s.getKey()).append("\">").append(number++).append(". ").append(esc(s.getValue())).append("</a></li>");
        }
        h.append("</ol>");

        number = 1;
        // 1. summary
        section(h, "summary", number++, sections);
        List<String[]> summary = new ArrayList<>();
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
        table(h, summary);
        for (CaseTypes.StageRecord s : v.stages()) {
            h.append("<h3>").append(esc(s.name())).append("</h3>");
            table(h, List.of(row("Owner", nz(s.owner())), row("Received", time(s.receivedAt())),
                    row("Our understanding", nz(s.understanding())), row("Outcome wanted", nz(s.outcomeWanted())),
                    row("Acknowledged", s.acknowledgedAt() == null ? "-" : time(s.acknowledgedAt())),
                    row("Responded", s.respondedAt() == null ? "-" : time(s.respondedAt()) + ": " + nz(s.responseSummary()))));
        }

        // 2. points
        section(h, "points", number++, sections);
        if (v.points().isEmpty()) {
            h.append("<p>No separate points were recorded.</p>");
        } else {
            h.append("<table><tr><th class=\"n\">No.</th><th>Point</th><th class=\"w\">Decision</th><th>Reasons</th></tr>");
            for (CaseTypes.Point p : v.points()) {
                h.append("<tr><td>").append(p.number()).append("</td><td>").append(esc(p.summary())).append("</td><td>")
                        .append(p.outcome() == null ? "Not decided" : esc(words(p.outcome())) + (p.decidedAtStage() > 0 ? " (stage " + p.decidedAtStage() + ")" : ""))
                        .append("</td><td class=\"pre\">").append(esc(nz(p.reasons()))).append("</td></tr>");
            }
            h.append("</table>");
        }
        if (!v.actions().isEmpty()) {
            h.append("<h3>Actions promised</h3><table><tr><th>Action</th><th class=\"w\">Due</th><th class=\"w\">Owner</th></tr>");
            v.actions().forEach(a -> h.append("<tr><td>").append(esc(a.description())).append("</td><td>").append(DAY.format(a.due()))
                    .append("</td><td>").append(esc(nz(a.owner()))).append("</td></tr>"));
            h.append("</table>");
        }

        // 3. deadlines
        section(h, "deadlines", number++, sections);
        h.append("<table><tr><th class=\"w\">Deadline</th><th class=\"w\">Due</th><th>How it was worked out</th><th class=\"n\">Status</th></tr>");
        for (CaseView.ClockView k : v.clocks()) {
            h.append("<tr><td>").append(esc(k.name())).append(k.stage() > 0 ? " (stage " + k.stage() + ")" : "").append("</td><td>")
                    .append(time(k.dueBy())).append("</td><td class=\"small\">").append(esc(k.explanation()));
            k.extensions().forEach(x -> h.append("<br/>Extended by ").append(x.amount()).append(' ').append(esc(words(x.unit())))
                    .append(": ").append(esc(x.reason())).append(x.complainantAgreed() ? " (agreed)" : ""));
            h.append("</td><td>").append(esc(words(k.status()))).append("</td></tr>");
        }
        h.append("</table>");

        // 4. history
        section(h, "history", number++, sections);
        h.append("<table><tr><th class=\"n\">No.</th><th class=\"w\">When (UK time)</th><th>What</th></tr>");
        for (CaseEvent e : v.history()) {
            h.append("<tr><td>").append(e.sequence()).append("</td><td>").append(time(e.at())).append("<br/><span class=\"small\">by ")
                    .append(esc(e.actor())).append("</span></td><td><b>").append(esc(words(e.type()))).append("</b>");
            if (e.reason() != null) {
                h.append(": <span class=\"pre\">").append(esc(e.reason())).append("</span>");
            }
            if (!e.details().isEmpty()) {
                h.append("<br/><span class=\"small\">").append(esc(details(e.details()))).append("</span>");
            }
            h.append("</td></tr>");
        }
        h.append("</table>");

        // 5. notes: contact notes and recorded steps
        section(h, "notes", number++, sections);
        List<CaseEvent> contactNotes = v.history().stream().filter(e -> e.type().equals("contacted") && e.reason() != null).toList();
        if (contactNotes.isEmpty() && v.steps().isEmpty()) {
            h.append("<p>No notes were recorded.</p>");
        } else {
            h.append("<table><tr><th class=\"w\">When</th><th class=\"w\">Kind</th><th>Note</th></tr>");
            contactNotes.forEach(e -> h.append("<tr><td>").append(time(e.at())).append("</td><td>Contact with the person, by ")
                    .append(esc(e.actor())).append("</td><td class=\"pre\">").append(esc(e.reason())).append("</td></tr>"));
            v.steps().forEach(s -> h.append("<tr><td>").append(time(s.at())).append("</td><td>").append(esc(words(s.step())))
                    .append(" (stage ").append(s.stage()).append("), by ").append(esc(s.by())).append("</td><td class=\"pre\">")
                    .append(esc(s.note())).append("</td></tr>"));
            h.append("</table>");
        }

        // 6. evidence
        section(h, "evidence", number++, sections);
        if (v.evidence().isEmpty()) {
            h.append("<p>No evidence was recorded.</p>");
        } else {
            h.append("<table><tr><th class=\"w\">Kind and date</th><th class=\"w\">Who</th><th>Notes</th></tr>");
            for (CaseFile.Evidence e : v.evidence()) {
                h.append("<tr><td>").append(esc(words(e.kind()))).append(", ").append(DAY.format(e.date())).append("<br/><span class=\"small\">recorded by ")
                        .append(esc(e.recordedBy())).append("</span></td><td>").append(esc(e.who())).append("</td><td class=\"pre\">")
                        .append(esc(e.notes())).append("</td></tr>");
            }
            h.append("</table>");
        }

        // 7. letters
        section(h, "letters", number++, sections);
        if (r.letters().isEmpty()) {
            h.append("<p>No letters were sent.</p>");
        }
        int letterNumber = 1;
        for (Letter l : r.letters()) {
            h.append("<div class=\"letter\"><h3>Letter ").append(letterNumber++).append(": ").append(esc(l.subject())).append("</h3>");
            h.append("<p class=\"small\">").append(esc(words(l.kind()))).append(", written ").append(time(l.createdAt())).append(", by ")
                    .append(esc(words(l.channel()))).append(" to ").append(esc(l.recipient()))
                    .append(l.copyTo() == null ? "" : ", copied to " + esc(l.copyTo())).append(". Status: ").append(esc(words(l.status())))
                    .append(l.sentAt() == null ? "" : ", sent " + time(l.sentAt())).append(".</p>");
            for (String paragraph : l.body().split("\n\n")) {
                h.append("<p class=\"pre\">").append(esc(paragraph)).append("</p>");
            }
            h.append("</div>");
        }

        // 8. attachments
        section(h, "attachments", number++, sections);
        if (r.attachments().isEmpty()) {
            h.append("<p>No files were attached.</p>");
        } else {
            h.append("<p>Each file is in the zip version of this pack, under attachments/, as it was received.</p>");
            h.append("<table><tr><th class=\"f\">File</th><th class=\"w\">Received</th><th>SHA-256 when received</th></tr>");
            r.attachments().forEach(a -> h.append("<tr><td>").append(esc(a.filename())).append("<br/><span class=\"small\">")
                    .append(esc(a.mediaType())).append(", ").append(a.sizeBytes()).append(" bytes</span></td><td>").append(time(a.uploadedAt()))
                    .append("</td><td class=\"small\">").append(a.sha256()).append("</td></tr>"));
            h.append("</table>");
        }

        // 9. referral
        section(h, "ombudsman", number, sections);
        ReferralView ref = r.referral();
        if (ref == null) {
            h.append("<p>The case has not been referred to an ombudsman.</p>");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(row("Ombudsman", ref.ombudsmanName()));
            rows.add(row("Their reference", ref.reference()));
            rows.add(row("Referred", DAY.format(ref.referredOn())));
            rows.add(row("Information requested", ref.informationRequestedOn() == null ? "-" : DAY.format(ref.informationRequestedOn())));
            rows.add(row("Determined", ref.determinedOn() == null ? "-" : DAY.format(ref.determinedOn())));
            if (ref.overrideReason() != null) rows.add(row("Why this ombudsman", ref.overrideReason()));
            table(h, rows);
            if (!ref.findings().isEmpty()) {
                h.append("<h3>Findings</h3><table><tr><th class=\"n\">Point</th><th class=\"w\">Finding</th><th>Notes</th></tr>");
                ref.findings().forEach(f -> h.append("<tr><td>").append(f.point()).append("</td><td>").append(esc(words(f.finding())))
                        .append("</td><td class=\"pre\">").append(esc(f.notes())).append("</td></tr>"));
                h.append("</table>");
            }
            if (!ref.orders().isEmpty()) {
                h.append("<h3>Orders</h3><table><tr><th>Order</th><th class=\"w\">Due</th><th>Status</th></tr>");
                ref.orders().forEach(o -> h.append("<tr><td>").append(esc(words(o.kind()))).append(o.amount() == null ? "" : " £" + o.amount().toPlainString())
                        .append(": ").append(esc(o.description())).append("</td><td>").append(DAY.format(o.dueOn())).append("</td><td>")
                        .append(esc(o.statusText())).append(o.evidence() == null ? "" : ". Evidence: " + esc(o.evidence())).append("</td></tr>"));
                h.append("</table>");
            }
        }
        h.append("</body></html>");
        return h.toString();
    }

    private static void section(StringBuilder h, String id, int number, Map<String, String> sections) {
        h.append("<h2 id=\"").append(id).append("\">").append(number).append(". ").append(esc(sections.get(id))).append("</h2>");
    }

    private static String[] row(String key, @Nullable String value) {
        return new String[]{key, value == null ? "-" : value};
    }

    private static void table(StringBuilder h, List<String[]> rows) {
        h.append("<table>");
        rows.forEach(r -> h.append("<tr><th class=\"k\">").append(esc(r[0])).append("</th><td class=\"pre\">").append(esc(r[1])).append("</td></tr>"));
        h.append("</table>");
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

    /** Escapes for XHTML (the renderer parses XML, so no named HTML entities) and drops characters XML forbids. */
    static String esc(@Nullable String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
