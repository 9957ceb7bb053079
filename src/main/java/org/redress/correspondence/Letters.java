package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The letters table, which is also the outbox: a PENDING row is a letter not yet delivered. */
@Repository
class Letters {

    private static final String COLUMNS = """
            id, organisation, case_id, case_reference, kind, channel, recipient, copy_to, subject, body, formats,
            answers_clock, status, attempts, last_error, created_at, sent_at, delivered_via, service_area, addressee,
            special_category, about_case""";

    private final JdbcClient jdbc;
    private final NotifyDelivery notify;

    Letters(JdbcClient jdbc, NotifyDelivery notify) {
        this.jdbc = jdbc;
        this.notify = notify;
    }

    /**
     * Writes the letter. One its organisation sends through GOV.UK Notify is marked so (issue 24): only a node that has
     * that organisation's Notify service sends it, never one that would put it in the local outbox or post it by SMTP.
     */
    void insert(Letter l, Instant nextAttempt) {
        jdbc.sql("insert into correspondence.letter (" + COLUMNS + ", next_attempt_at, by_notify) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(l.id(), l.organisation(), l.caseId(), l.caseReference(), l.kind().name(), l.channel(), l.recipient(),
                        l.copyTo(), l.subject(), l.body(), l.formats().toArray(String[]::new), l.answersClock(), l.status(),
                        l.attempts(), l.lastError(), ts(l.createdAt()), ts(l.sentAt()), l.deliveredVia(), l.serviceArea(), l.addressee(),
                        l.specialCategory(), l.aboutCase(), ts(nextAttempt), notify.carries(l))
                .update();
    }

    /**
     * Locks up to {@code limit} letters due for delivery; other nodes skip them until this transaction ends. A letter to
     * go through GOV.UK Notify is left to nodes that have its organisation's Notify service.
     */
    List<Letter> lockDue(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from correspondence.letter where status = 'PENDING' and next_attempt_at <= ? "
                        + "and (not by_notify or organisation = any(?)) order by next_attempt_at limit ? for update skip locked")
                .params(ts(now), notify.organisations().toArray(String[]::new), limit).query(Letters::map).list();
    }

    void markSent(UUID id, Instant at, String via) {
        jdbc.sql("update correspondence.letter set status = ?, sent_at = ?, delivered_via = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params("print".equals(via) ? "READY_TO_PRINT" : "SENT", ts(at), via, id).update();
    }

    /** Sent through GOV.UK Notify, which answers later with a delivery receipt for {@code notification} (issue 24). */
    void markSentByNotify(UUID id, Instant at, String via, UUID notification) {
        jdbc.sql("update correspondence.letter set status = 'SENT', sent_at = ?, delivered_via = ?, notify_id = ?, attempts = attempts + 1, "
                        + "last_error = null where id = ?")
                .params(ts(at), via, notification, id).update();
    }

    /** The letter Notify sent as {@code notification}, if it is one of the organisation's. */
    Optional<Letter> byNotification(String organisation, UUID notification) {
        return jdbc.sql("select " + COLUMNS + " from correspondence.letter where organisation = ? and notify_id = ?")
                .params(organisation, notification).query(Letters::map).optional();
    }

    /**
     * Notify's last word on a letter it sent: DELIVERED, or NOT_DELIVERED with why in words, for {@code addressee} to
     * contact the person another way. Only a letter still waiting for its receipt changes, so a receipt sent again, or
     * one arriving after staff recorded a contact, changes nothing; true when it changed.
     */
    boolean recordReceipt(UUID id, String status, String notifyStatus, @Nullable String error, @Nullable String addressee, Instant at) {
        return jdbc.sql("update correspondence.letter set status = ?, notify_status = ?, last_error = ?, addressee = coalesce(addressee, ?), "
                        + "receipt_at = ? where id = ? and status = 'SENT'")
                .params(status, notifyStatus, error, addressee, ts(at), id).update() == 1;
    }

    void markFailed(UUID id, String error, Instant nextAttempt, boolean giveUp) {
        jdbc.sql("update correspondence.letter set status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? where id = ?")
                .params(giveUp ? "FAILED" : "PENDING", error, ts(nextAttempt), id).update();
    }

    /** Puts a failed letter back in the queue, to be tried again now. */
    boolean retry(String organisation, UUID id, Instant now) {
        return jdbc.sql("update correspondence.letter set status = 'PENDING', next_attempt_at = ? where organisation = ? and id = ? and status = 'FAILED'")
                .params(ts(now), organisation, id).update() == 1;
    }

    List<Letter> ofCase(String organisation, String caseIdOrReference) {
        UUID id = uuid(caseIdOrReference);
        return (id != null
                ? jdbc.sql("select " + COLUMNS + " from correspondence.letter where organisation = ? and case_id = ? order by created_at, id").params(organisation, id)
                : jdbc.sql("select " + COLUMNS + " from correspondence.letter where organisation = ? and case_reference = ? order by created_at, id").params(organisation, caseIdOrReference))
                .query(Letters::map).list();
    }

    Optional<Letter> find(String organisation, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from correspondence.letter where organisation = ? and id = ?")
                .params(organisation, id).query(Letters::map).optional();
    }

    /**
     * The newest letters; with {@code serviceAreas}, only those of cases in these areas and the notices belonging to no
     * case that are for {@code addressee} (accounts decides who is limited).
     */
    List<Letter> recent(@Nullable String organisation, @Nullable String status, int limit, @Nullable Set<String> serviceAreas,
                        @Nullable String addressee) {
        return recent(organisation, status, limit, serviceAreas, addressee, null);
    }

    /** As above, older than {@code before} (a letter's creation time and id, for paging back through the outbox). */
    List<Letter> recent(@Nullable String organisation, @Nullable String status, int limit, @Nullable Set<String> serviceAreas,
                        @Nullable String addressee, @Nullable Before before) {
        String limited = serviceAreas == null ? ""
                : "and (service_area = any(?) or (case_id is null and case_reference is null and addressee = ?)) ";
        List<@Nullable Object> params = new ArrayList<>(Arrays.asList(organisation, organisation, status, status));
        if (serviceAreas != null) {
            params.add(serviceAreas.toArray(String[]::new));
            params.add(addressee);
        }
        String older = "";
        if (before != null) {
            older = "and (created_at, id) < (?, ?) ";
            params.add(ts(before.createdAt()));
            params.add(before.id());
        }
        params.add(limit);
        return jdbc.sql("select " + COLUMNS + " from correspondence.letter where (cast(? as text) is null or organisation = ?) "
                        + "and (cast(? as text) is null or status = ?) " + limited + older + "order by created_at desc, id desc limit ?")
                .params(params)
                .query(Letters::map).list();
    }

    /** Where a page of the outbox ends: the last letter shown. */
    record Before(Instant createdAt, UUID id) {
    }

    private static Letter map(ResultSet rs, int row) throws SQLException {
        Array formats = rs.getArray(11);
        return new Letter(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(19),
                LetterKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(20), rs.getString(9),
                rs.getString(10), formats == null ? List.of() : Arrays.asList((String[]) formats.getArray()), rs.getString(12),
                rs.getString(13), rs.getInt(14), rs.getString(15), instant(rs, 16), instantOrNull(rs, 17), rs.getString(18),
                rs.getString(21), rs.getString(22));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
