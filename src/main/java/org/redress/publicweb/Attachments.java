package org.redress.publicweb;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The files of a case, stored outside the case row with a checksum: those the complainant attached to the public form,
 * and those staff upload on the case or on one piece of its evidence ({@link StaffUploads}, S0-6). Staff pages list and
 * download them; the Ombudsman's information pack and a subject access export hold every one.
 */
@Service
public class Attachments {

    private final JdbcClient jdbc;
    private final Clock clock;

    Attachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param uploadedBy the member of staff who uploaded it; null for a file the complainant attached to the public form
     * @param evidence the number (from 1, in the order recorded) of the piece of the case's evidence it belongs to; null for the case
     */
    public record Attachment(UUID id, String filename, String mediaType, int sizeBytes, String sha256, Instant uploadedAt,
                             @Nullable String uploadedBy, @Nullable Integer evidence) {
    }

    public record Content(Attachment attachment, byte[] bytes) {
    }

    void store(String organisation, String reference, String filename, String mediaType, byte[] content) {
        store(organisation, reference, filename, mediaType, content, null, null);
    }

    Attachment store(String organisation, String reference, String filename, String mediaType, byte[] content,
                     @Nullable String uploadedBy, @Nullable Integer evidence) {
        Attachment a = new Attachment(UUID.randomUUID(), safeName(filename), mediaType, content.length, sha256(content), clock.instant(),
                uploadedBy, evidence);
        jdbc.sql("""
                insert into publicweb.attachment (id, organisation, reference, filename, media_type, size_bytes, sha256, content, uploaded_at,
                    uploaded_by, evidence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(a.id(), organisation, reference, a.filename(), mediaType, content.length, a.sha256(), content,
                Timestamp.from(a.uploadedAt()), uploadedBy, evidence).update();
        return a;
    }

    private static final String COLUMNS = "id, filename, media_type, size_bytes, sha256, uploaded_at, uploaded_by, evidence";

    private static Attachment attachment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getObject(8, Integer.class));
    }

    public List<Attachment> list(String organisation, String reference) {
        return jdbc.sql("select " + COLUMNS + " from publicweb.attachment where organisation = ? and reference = ? order by uploaded_at, filename")
                .params(organisation, reference).query((rs, n) -> attachment(rs)).list();
    }

    public Optional<Content> content(String organisation, String reference, UUID id) {
        return jdbc.sql("select " + COLUMNS + ", content from publicweb.attachment where organisation = ? and reference = ? and id = ?")
                .params(organisation, reference, id).query((rs, n) -> new Content(attachment(rs), rs.getBytes(9))).optional();
    }

    /**
     * Erases what the public web keeps of one case when it is anonymised (retention or erasure): the complainant's
     * files, and the case's one-time access codes. Returns how many files.
     */
    @org.springframework.transaction.annotation.Transactional
    public int anonymise(String organisation, String reference) {
        jdbc.sql("delete from publicweb.access_code where organisation = ? and reference = ?").params(organisation, reference).update();
        return jdbc.sql("delete from publicweb.attachment where organisation = ? and reference = ?").params(organisation, reference).update();
    }

    /** The name without any folder, and only characters safe in a download header. */
    static String safeName(String filename) {
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (name.length() > 100) name = name.substring(name.length() - 100);
        return name.isEmpty() ? "attachment" : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
