package org.redress.privacy;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseEvent;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.correspondence.CaseCorrespondence;
import org.redress.correspondence.Letter;
import org.redress.pages.PageText;
import org.redress.publicweb.Attachments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything held about one person, as one zip (UK GDPR Art. 15(3)): {@code data.json} (machine-readable),
 * {@code summary.html} (to read), each case's full record and history, each letter, each attached file as received,
 * and {@code manifest.json} listing every other file with its size and SHA-256.
 */
@Component
class SubjectAccessExport {

    /** Said in the package while no read audit exists in this installation (another part of issue 9 adds one). */
    static final String NO_AUDIT = "This installation keeps no record of who read a case: the history of each case, included "
            + "here, records every change and who made it.";

    private final SubjectAccess requests;
    private final Casework casework;
    private final CaseCorrespondence letters;
    private final Attachments attachments;
    private final PageText text;
    private final JsonMapper json;
    private final Clock clock;

    SubjectAccessExport(SubjectAccess requests, Casework casework, CaseCorrespondence letters, Attachments attachments,
                        PageText text, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.casework = casework;
        this.letters = letters;
        this.attachments = attachments;
        this.text = text;
        this.json = json;
        this.clock = clock;
    }

    record Entry(String path, String sha256, int bytes, String describes) {
    }

    @Transactional(readOnly = true)
    byte[] export(String organisation, String requestId) {
        SubjectAccess.Request request = requests.get(organisation, requestId);
        SubjectAccess.Person person = request.person();
        Instant generated = clock.instant();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<Map<String, Object>> cases = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        List<String> references = casework.referencesOf(organisation, person.email(), person.phone(), person.name());
        int elsewhere = casework.visible(casework.scope(organisation), references, r -> r).elsewhere();
        if (elsewhere > 0) {
            // the export holds everything: a member limited to some service areas may not open the rest, nor learn which
            throw new org.redress.web.RefusedException("this person has " + elsewhere + (elsewhere == 1 ? " case" : " cases")
                    + " in service areas you do not work in: someone who works across them prepares the export", "UK GDPR Art. 15", null);
        }
        for (String reference : references) {
            CaseView c = casework.get(organisation, reference);
            String folder = "cases/" + reference + "/";
            add(files, entries, folder + "case.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(c),
                    "case " + reference + ": its full record and history");
            List<Map<String, Object>> letterList = new ArrayList<>();
            int n = 1;
            List<Letter> caseLetters = letters.lettersOf(organisation, c.id());
            for (Letter l : caseLetters) {
                String path = folder + "letters/%02d-%s.txt".formatted(n++, l.kind().name().toLowerCase().replace('_', '-'));
                add(files, entries, path, ("To: " + l.recipient() + "\nSubject: " + l.subject() + "\nWritten: " + l.createdAt()
                        + "\n\n" + l.body()).getBytes(StandardCharsets.UTF_8), "letter " + l.kind() + " of " + text.day(l.createdAt()));
                letterList.add(Map.of("file", path, "letter", l));
            }
            List<Map<String, Object>> fileList = new ArrayList<>();
            List<Attachments.Attachment> caseFiles = attachments.list(organisation, reference);
            for (Attachments.Attachment a : caseFiles) {
                byte[] content = attachments.content(organisation, reference, a.id()).orElseThrow().bytes();
                String path = folder + "attachments/" + a.id() + "-" + a.filename();
                add(files, entries, path, content, "file " + a.filename() + " as received");
                fileList.add(Map.of("file", path, "attachment", a));
            }
            cases.add(Map.of("reference", reference, "case", folder + "case.json", "letters", letterList, "attachments", fileList));
            summary(html, c, caseLetters, caseFiles);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("request", request);
        data.put("generatedAt", generated.toString());
        data.put("cases", cases);
        data.put("accessAudit", Map.of("available", false, "note", NO_AUDIT));
        add(files, entries, "data.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(data),
                "everything in this package, machine-readable");
        add(files, entries, "summary.html", page(request, generated, cases.size(), html).getBytes(StandardCharsets.UTF_8),
                "a summary to read");
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("request", request.id());
        manifest.put("organisation", organisation);
        manifest.put("generatedAt", generated.toString());
        manifest.put("files", entries);
        files.put("manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        return zip(files);
    }

    private void summary(StringBuilder html, CaseView c, List<Letter> caseLetters, List<Attachments.Attachment> caseFiles) {
        html.append("<section><h2>Case ").append(e(c.reference())).append("</h2><dl>")
                .append(row("Received", text.day(c.receivedAt()))).append(row("Status", text.words(c.status())))
                .append(row("Name", c.complainant().name())).append(row("Email", c.complainant().email()))
                .append(row("Phone", c.complainant().phone())).append(row("Address", c.complainant().address()))
                .append(row("What happened", c.description())).append("</dl><h3>History</h3><ol>");
        for (CaseEvent ev : c.history()) {
            html.append("<li>").append(e(text.time(ev.at()))).append(": ").append(e(text.words(ev.type())))
                    .append(ev.reason() == null ? "" : " - " + e(ev.reason())).append("</li>");
        }
        html.append("</ol><h3>Letters</h3><ul>");
        caseLetters.forEach(l -> html.append("<li>").append(e(text.day(l.createdAt()))).append(": ").append(e(l.subject())).append("</li>"));
        html.append("</ul><h3>Files</h3><ul>");
        caseFiles.forEach(a -> html.append("<li>").append(e(a.filename()))
                .append(a.uploadedBy() == null ? " (you sent it)" : " (added by our staff" + (a.evidence() == null ? "" : " with evidence " + a.evidence()) + ")")
                .append("</li>"));
        html.append("</ul></section>");
    }

    private String page(SubjectAccess.Request r, Instant generated, int cases, StringBuilder body) {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Your information</title></head><body>"
                + "<h1>The information we hold about you</h1><p>Prepared on " + e(text.time(generated)) + " in answer to your request of "
                + e(text.day(r.receivedAt())) + ". It covers " + cases + (cases == 1 ? " case" : " cases")
                + ". The file data.json holds the same in a form computers read; manifest.json lists every file with a checksum.</p>"
                + "<p>" + e(NO_AUDIT) + "</p>" + body + "</body></html>";
    }

    private static String row(String label, @Nullable String value) {
        return value == null ? "" : "<dt>" + e(label) + "</dt><dd>" + e(value) + "</dd>";
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s);
    }

    private static void add(Map<String, byte[]> files, List<Entry> entries, String path, byte[] content, String describes) {
        files.put(path, content);
        entries.add(new Entry(path, sha256(content), content.length, describes));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
