package org.redress.publicweb;

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

/** Files attached to the public form, stored outside the case with a checksum; staff pages list and download them. */
@Service
public class Attachments {

    private final JdbcClient jdbc;
    private final Clock clock;

    Attachments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Attachment(UUID id, String filename, String mediaType, int sizeBytes, String sha256, Instant uploadedAt) {
    }

    public record Content(Attachment attachment, byte[] bytes) {
    }

    void store(String organisation, String reference, String filename, String mediaType, byte[] content) {
        jdbc.sql("""
                insert into publicweb.attachment (id, organisation, reference, filename, media_type, size_bytes, sha256, content, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(UUID.randomUUID(), organisation, reference, safeName(filename), mediaType, content.length, sha256(content), content,
                Timestamp.from(clock.instant())).update();
    }

    public List<Attachment> list(String organisation, String reference) {
        return jdbc.sql("""
                select id, filename, media_type, size_bytes, sha256, uploaded_at from publicweb.attachment
                where organisation = ? and reference = ? order by uploaded_at, filename
                """).params(organisation, reference)
                .query((rs, n) -> new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    public Optional<Content> content(String organisation, String reference, UUID id) {
        return jdbc.sql("""
                select id, filename, media_type, size_bytes, sha256, uploaded_at, content from publicweb.attachment
                where organisation = ? and reference = ? and id = ?
                """).params(organisation, reference, id)
                .query((rs, n) -> new Content(new Attachment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()), rs.getBytes(7))).optional();
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
