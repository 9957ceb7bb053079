package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.Calendars;
import org.redress.policy.PolicyPack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Read-only: the recorded histories of an organisation's cases, in batches, for replaying them under another pack
 * (the what-if module). Two statements a batch, whatever its size: the batch's cases by an index (keyset on receipt),
 * then all their events at once, so a year of cases is read without a query per case and without holding more than one
 * batch. Nothing here writes, and no verb is run on a stored case.
 */
@Service
public class CaseHistories {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Calendars calendars;

    CaseHistories(JdbcClient jdbc, JsonMapper json, Calendars calendars) {
        this.jdbc = jdbc;
        this.json = json;
        this.calendars = calendars;
    }

    /**
     * A stored case as the replay needs it: which pack version it ran under, its history in order, and its service line
     * now (F-8: whose procedure it runs; null for none).
     */
    public record RecordedCase(UUID id, String reference, String packId, int packVersion, Instant receivedAt, String status,
                               List<CaseEvent> history, @Nullable String serviceLine) {
        public RecordedCase {
            history = List.copyOf(history);
        }
    }

    /** The organisation's calendar as its cases count time (bank holidays of the pack's jurisdiction, its closure days). */
    public ClockMaker clocksFor(String organisation, PolicyPack pack) {
        return ClockMaker.of(calendars.forOrganisation(organisation, pack.organisation().jurisdiction()));
    }

    /** How many of the organisation's cases were received in {@code [from, to)}. */
    public int countReceivedBetween(String organisation, Instant from, Instant to) {
        return jdbc.sql("select count(*) from casework.case_file where organisation = ? and received_at >= ? and received_at < ?")
                .params(organisation, CaseFiles.ts(from), CaseFiles.ts(to)).query(Integer.class).single();
    }

    /**
     * The organisation's cases received in {@code [from, to)}, newest first, handed over {@code batchSize} at a time
     * with their histories.
     */
    public void receivedBetween(String organisation, Instant from, Instant to, int batchSize, Consumer<List<RecordedCase>> each) {
        @Nullable OffsetDateTime afterReceived = null;
        @Nullable UUID afterId = null;
        while (true) {
            List<Object> params = new ArrayList<>(List.of(organisation, CaseFiles.ts(from), CaseFiles.ts(to)));
            String cursor = "";
            if (afterReceived != null) {
                // (received_at desc, id asc), the order of the index case_file_received
                // the bound first, so the index range starts at the cursor; the "or" only sorts out equal receipts
                cursor = " and received_at <= ? and (received_at < ? or id > ?)";
                params.addAll(List.of(afterReceived, afterReceived, afterId));
            }
            params.add(batchSize);
            List<Head> heads = jdbc.sql("""
                    select id, reference, pack_id, pack_version, received_at, status, service_line from casework.case_file
                    where organisation = ? and received_at >= ? and received_at < ?
                    """ + cursor + " order by received_at desc, id limit ?").params(params).query((rs, n) -> head(rs)).list();
            if (heads.isEmpty()) {
                return;
            }
            each.accept(withHistories(heads));
            Head last = heads.get(heads.size() - 1);
            afterReceived = CaseFiles.ts(last.receivedAt());
            afterId = last.id();
            if (heads.size() < batchSize) {
                return;
            }
        }
    }

    /** How many of the organisation's cases are open now (open or on hold). */
    public int countOpen(String organisation) {
        return jdbc.sql("select count(*) from casework.case_file where organisation = ? and status in ('OPEN', 'ON_HOLD')")
                .param(organisation).query(Integer.class).single();
    }

    /** The organisation's cases open now (open or on hold), {@code batchSize} at a time with their histories. */
    public void open(String organisation, int batchSize, Consumer<List<RecordedCase>> each) {
        // the nil id sorts first in PostgreSQL, which compares ids byte by byte, unsigned (Java's signed
        // UUID(Long.MIN_VALUE, ...) is 8000...: it skipped every open case whose id starts 0 to 7)
        UUID afterId = new UUID(0L, 0L);
        while (true) {
            List<Head> heads = jdbc.sql("""
                    select id, reference, pack_id, pack_version, received_at, status, service_line from casework.case_file
                    where organisation = ? and status in ('OPEN', 'ON_HOLD') and id > ? order by id limit ?
                    """).params(organisation, afterId, batchSize).query((rs, n) -> head(rs)).list();
            if (heads.isEmpty()) {
                return;
            }
            each.accept(withHistories(heads));
            afterId = heads.get(heads.size() - 1).id();
            if (heads.size() < batchSize) {
                return;
            }
        }
    }

    private record Head(UUID id, String reference, String packId, int packVersion, Instant receivedAt, String status,
                        @Nullable String serviceLine) {
    }

    private static Head head(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Head(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7));
    }

    /** The batch's histories in one statement over the history's primary key. */
    private List<RecordedCase> withHistories(List<Head> heads) {
        Map<UUID, List<CaseEvent>> histories = new HashMap<>();
        UUID[] ids = heads.stream().map(Head::id).toArray(UUID[]::new);
        jdbc.sql("""
                select case_id, sequence, type, at, actor, reason, details from casework.case_event
                where case_id = any(?) order by case_id, sequence
                """).param(ids).query(rs -> {
            histories.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CaseEvent(rs.getInt(2),
                    rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                    json.readValue(rs.getString(7), DETAILS)));
        });
        List<RecordedCase> batch = new ArrayList<>(heads.size());
        for (Head h : heads) {
            batch.add(new RecordedCase(h.id(), h.reference(), h.packId(), h.packVersion(), h.receivedAt(), h.status(),
                    histories.getOrDefault(h.id(), List.of()), h.serviceLine()));
        }
        return batch;
    }
}
