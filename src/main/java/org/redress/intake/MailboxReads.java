package org.redress.intake;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How each connected mailbox's last read went (issue 24): read, or the error that stopped it and since when. Emails in
 * a mailbox that cannot be read stay there unread, so nothing is lost; this is how an administrator learns of it.
 */
@Component
class MailboxReads {

    /** One mailbox as an administrator sees it: where it is, how it signs in, and how its reads go. */
    record MailboxState(String mailbox, String signsInWith, @Nullable Instant lastTriedAt, @Nullable Instant lastReadAt,
                        @Nullable Instant failingSince, @Nullable String lastError) {
    }

    private record Row(String mailbox, Instant lastTriedAt, @Nullable Instant lastReadAt, @Nullable Instant failingSince,
                       @Nullable String lastError) {
    }

    private final JdbcClient jdbc;

    MailboxReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void read(IntakeProperties.Mailbox mailbox, Instant at) {
        jdbc.sql("""
                        insert into intake.mailbox_read (organisation, mailbox, last_tried_at, last_read_at) values (?, ?, ?, ?)
                        on conflict (organisation, mailbox) do update set last_tried_at = excluded.last_tried_at,
                            last_read_at = excluded.last_read_at, failing_since = null, last_error = null""")
                .params(mailbox.organisation(), mailbox.name(), Timestamp.from(at), Timestamp.from(at)).update();
    }

    void failed(IntakeProperties.Mailbox mailbox, String error, Instant at) {
        jdbc.sql("""
                        insert into intake.mailbox_read (organisation, mailbox, last_tried_at, failing_since, last_error) values (?, ?, ?, ?, ?)
                        on conflict (organisation, mailbox) do update set last_tried_at = excluded.last_tried_at,
                            failing_since = coalesce(intake.mailbox_read.failing_since, excluded.failing_since), last_error = excluded.last_error""")
                .params(mailbox.organisation(), mailbox.name(), Timestamp.from(at), Timestamp.from(at), error).update();
    }

    /** The organisation's connected mailboxes, each with its last read (none before the first). */
    List<MailboxState> of(String organisation, IntakeProperties properties) {
        Map<String, Row> rows = jdbc.sql("select mailbox, last_tried_at, last_read_at, failing_since, last_error from intake.mailbox_read where organisation = ?")
                .param(organisation)
                .query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getString(5)))
                .list().stream().collect(Collectors.toMap(Row::mailbox, Function.identity()));
        return properties.connected().stream().filter(m -> m.organisation().equals(organisation)).map(m -> {
            Row row = rows.get(m.name());
            String signsIn = m.isGraph() ? "Microsoft Graph, OAuth 2.0 token" : m.signsInWithToken() ? "IMAP, OAuth 2.0 token (XOAUTH2)" : "IMAP, password";
            return row == null ? new MailboxState(m.name(), signsIn, null, null, null, null)
                    : new MailboxState(m.name(), signsIn, row.lastTriedAt(), row.lastReadAt(), row.failingSince(), row.lastError());
        }).toList();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
