package org.redress.ombudsman;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return renderer.render("pdf/information-pack", InformationPackPage.model(r.view(), r.organisationName(), r.letters(),
                r.attachments(), r.referral(), r.madeAt()));
    }

    static String words(Object code) {
        return InformationPackPage.words(code);
    }
}
