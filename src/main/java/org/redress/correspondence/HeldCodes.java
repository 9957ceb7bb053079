package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.redress.correspondence.Letters.ts;

/**
 * One-time codes on their way to a complainant. The letter that carries a code is stored with the code masked, so the
 * outbox, the case's letters and their PDFs never show it; the code waits here, apart, only until it is delivered by
 * email, used, replaced by a newer code of the same case (only the newest works) or expires, and only the delivery reads
 * it back. Without a mail server the local outbox page is the delivery: there an administrator is shown a live code,
 * and each showing is recorded ({@link ReadableLetters#liveCodes}).
 */
@Repository
class HeldCodes {

    private final JdbcClient jdbc;

    HeldCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the code of a letter just written; any older code of the same case is dropped, as it can no longer be used. */
    void hold(UUID letter, String organisation, String reference, String code, Instant expiresAt) {
        dropForCase(organisation, reference);
        jdbc.sql("insert into correspondence.held_code (letter_id, organisation, case_reference, code, expires_at) values (?, ?, ?, ?, ?)")
                .params(letter, organisation, reference, code, ts(expiresAt)).update();
    }

    /** The code to deliver with the letter; empty once it has expired or was dropped. */
    Optional<String> codeFor(UUID letter, Instant now) {
        return jdbc.sql("select code from correspondence.held_code where letter_id = ? and expires_at > ?")
                .params(letter, ts(now)).query(String.class).optional();
    }

    void drop(UUID letter) {
        jdbc.sql("delete from correspondence.held_code where letter_id = ?").param(letter).update();
    }

    void dropForCase(String organisation, String reference) {
        jdbc.sql("delete from correspondence.held_code where organisation = ? and case_reference = ?").params(organisation, reference).update();
    }

    void dropExpired(Instant now) {
        jdbc.sql("delete from correspondence.held_code where expires_at <= ?").param(ts(now)).update();
    }

    /** A code that can still be used, with the letter it came with and who has been shown it. */
    record Live(UUID letter, String reference, @Nullable String serviceArea, String recipient, String code, Instant expiresAt,
                List<Shown> shown) {
    }

    record Shown(String username, Instant at) {
    }

    /** The organisation's codes that can still be used, newest first. */
    List<Live> live(String organisation, Instant now) {
        List<Live> codes = jdbc.sql("""
                        select h.letter_id, h.case_reference, l.service_area, l.recipient, h.code, h.expires_at
                        from correspondence.held_code h join correspondence.letter l on l.id = h.letter_id
                        where h.organisation = ? and h.expires_at > ? order by l.created_at desc
                        """).params(organisation, ts(now))
                .query((rs, n) -> new Live(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, java.time.OffsetDateTime.class).toInstant(), List.of())).list();
        Map<UUID, List<Shown>> shown = shown(codes.stream().map(Live::letter).toList());
        return codes.stream().map(c -> new Live(c.letter(), c.reference(), c.serviceArea(), c.recipient(), c.code(), c.expiresAt(),
                shown.getOrDefault(c.letter(), List.of()))).toList();
    }

    void recordShown(UUID letter, String username, Instant at) {
        jdbc.sql("insert into correspondence.held_code_shown (letter_id, username, shown_at) values (?, ?, ?)")
                .params(letter, username, ts(at)).update();
    }

    private Map<UUID, List<Shown>> shown(Collection<UUID> letters) {
        Map<UUID, List<Shown>> shown = new LinkedHashMap<>();
        if (letters.isEmpty()) {
            return shown;
        }
        jdbc.sql("select letter_id, username, shown_at from correspondence.held_code_shown where letter_id = any(?) order by shown_at")
                .param(letters.toArray(UUID[]::new))
                .query(rs -> {
                    shown.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Shown(rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                });
        return shown;
    }
}
