package org.redress.whatif;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The replays in the {@code whatif} schema, so that any node shows a replay's progress and result, and a restart loses
 * neither. The comparison is stored as gzip-compressed JSON and read back only when asked for (one replay at a time),
 * never listed: a list reads the rows without it. The heartbeat is the database's own time, not the injected clock: it
 * says whether a node is still at work, which the date the application is told it is has nothing to do with.
 */
@Repository
class WhatIfStore {

    /** A replay whose node has not touched it for this long is taken to have stopped with its node. */
    static final String STALE = "2 minutes";
    static final String INTERRUPTED = "the replay was interrupted (the server running it stopped); run it again";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WhatIfStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    enum Status { WAITING, RUNNING, FINISHED, FAILED }

    /** A replay as stored, without its result. */
    record Row(UUID id, String organisation, String askedBy, String draftPack, int draftVersion, LocalDate from, LocalDate to,
               Status status, int total, int replayed, Instant startedAt, @Nullable Instant finishedAt, @Nullable String problem) {

        String draft() {
            return draftPack + " v" + draftVersion;
        }

        /** Whole per cent of the cases replayed so far (100 once finished). */
        int percent() {
            return status == Status.FINISHED ? 100 : total == 0 ? 0 : Math.min(99, (int) (100L * replayed / total));
        }
    }

    void insert(Row row) {
        jdbc.sql("""
                insert into whatif.replay (id, organisation, asked_by, draft_pack, draft_version, period_from, period_to, status,
                    started_at, heartbeat_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")
                .params(row.id(), row.organisation(), row.askedBy(), row.draftPack(), row.draftVersion(), row.from(), row.to(),
                        row.status().name(), row.startedAt().atOffset(ZoneOffset.UTC)).update();
    }

    void running(UUID id) {
        jdbc.sql("update whatif.replay set status = 'RUNNING', heartbeat_at = now() where id = ?").params(id).update();
    }

    void total(UUID id, int total) {
        jdbc.sql("update whatif.replay set total = ?, heartbeat_at = now() where id = ?").params(total, id).update();
    }

    void replayed(UUID id, int replayed) {
        jdbc.sql("update whatif.replay set replayed = ?, heartbeat_at = now() where id = ?").params(replayed, id).update();
    }

    /** The replays this node holds (waiting for their turn or running) are still being worked on. */
    void heartbeat(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update whatif.replay set heartbeat_at = now() where id = any(?) and status in ('WAITING', 'RUNNING')")
                    .params((Object) ids.toArray(UUID[]::new)).update();
        }
    }

    void finished(UUID id, WhatIfResult result, int replayed, Instant at) {
        jdbc.sql("update whatif.replay set status = 'FINISHED', replayed = ?, result_gzip = ?, problem = null, finished_at = ? where id = ?")
                .params(replayed, gzip(result), at.atOffset(ZoneOffset.UTC), id).update();
    }

    void failed(UUID id, String problem, Instant at) {
        jdbc.sql("update whatif.replay set status = 'FAILED', problem = ?, finished_at = ? where id = ?")
                .params(problem, at.atOffset(ZoneOffset.UTC), id).update();
    }

    /**
     * Fails every replay no node has touched for {@link #STALE}: its node stopped (a restart, a crash) while it waited
     * or ran, and a replay changes nothing, so it is simply run again. Run at start and before every read.
     */
    int failInterrupted(Instant at) {
        return jdbc.sql("""
                update whatif.replay set status = 'FAILED', problem = ?, finished_at = ?
                where status in ('WAITING', 'RUNNING') and heartbeat_at < now() - cast(? as interval)""")
                .params(INTERRUPTED, at.atOffset(ZoneOffset.UTC), STALE).update();
    }

    /** One of the organisation's replays; another organisation's is not found, as if it did not exist. */
    Optional<Row> find(String organisation, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from whatif.replay where organisation = ? and id = ?").params(organisation, id)
                .query(WhatIfStore::row).optional();
    }

    /** The organisation's latest replays, newest first, without their results. */
    List<Row> recent(String organisation, int limit) {
        return jdbc.sql("select " + COLUMNS + " from whatif.replay where organisation = ? order by started_at desc, id limit ?")
                .params(organisation, limit).query(WhatIfStore::row).list();
    }

    /** A finished replay's comparison, read back from its compressed JSON. */
    Optional<WhatIfResult> result(String organisation, UUID id) {
        return jdbc.sql("select result_gzip from whatif.replay where organisation = ? and id = ? and result_gzip is not null")
                .params(organisation, id).query((rs, n) -> rs.getBytes(1)).optional().map(this::gunzip);
    }

    private static final String COLUMNS = "id, organisation, asked_by, draft_pack, draft_version, period_from, period_to, status, "
            + "total, replayed, started_at, finished_at, problem";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), Status.valueOf(rs.getString(8)), rs.getInt(9),
                rs.getInt(10), rs.getTimestamp(11).toInstant(), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(),
                rs.getString(13));
    }

    byte[] gzip(WhatIfResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    WhatIfResult gunzip(byte[] stored) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return json.readValue(in, WhatIfResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
