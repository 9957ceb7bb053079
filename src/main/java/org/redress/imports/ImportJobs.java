package org.redress.imports;

import org.jspecify.annotations.Nullable;
import org.redress.imports.ImportRow.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The imports' progress and results, the refused rows, and each organisation's remembered mapping. */
@Repository
class ImportJobs {

    /** An import as it stands: {@code status} is RUNNING, FINISHED or FAILED. */
    record Job(UUID id, String organisation, String fileName, String status, int total, int processed, int imported,
               int updated, int unchanged, int refused, int batches, @Nullable String error, String startedBy,
               Instant startedAt, @Nullable Instant finishedAt) {

        /** How far the import has got, for the progress bar (public: the page reads it). */
        public int percent() {
            return total == 0 ? (status.equals("RUNNING") ? 0 : 100) : Math.min(100, processed * 100 / total);
        }
    }

    /** A refused row: its problems, and its cells as the file had them (to fix and upload again). */
    record RefusedRow(int row, @Nullable String sourceId, List<Problem> problems, List<String> cells) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportJobs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void start(UUID id, String organisation, String fileName, String by, Instant at, UUID upload, ColumnMapping mapping) {
        jdbc.sql("""
                insert into imports.job (id, organisation, file_name, status, started_by, started_at, upload_id, mapping)
                values (?, ?, ?, 'RUNNING', ?, ?, ?, cast(? as jsonb))""")
                .params(id, organisation, fileName, by, at.atOffset(ZoneOffset.UTC), upload, json.writeValueAsString(mapping)).update();
    }

    /** What an import was started with, to run it again: its kept upload and its mapping. */
    record Rerun(UUID upload, ColumnMapping mapping) {
    }

    Optional<Rerun> rerun(UUID id) {
        return jdbc.sql("select upload_id, mapping::text from imports.job where id = ? and upload_id is not null and mapping is not null")
                .param(id).query((rs, n) -> new Rerun(rs.getObject(1, UUID.class), json.readValue(rs.getString(2), ColumnMapping.class)))
                .optional();
    }

    void total(UUID id, int total) {
        jdbc.sql("update imports.job set total = ? where id = ?").params(total, id).update();
    }

    /** Records a batch's result, with the rows it refused. */
    void batch(UUID id, int processed, int imported, int updated, int unchanged, List<RefusedRow> refused) {
        jdbc.sql("""
                update imports.job set processed = processed + ?, imported = imported + ?, updated = updated + ?,
                    unchanged = unchanged + ?, refused = refused + ?, batches = batches + 1 where id = ?""")
                .params(processed, imported, updated, unchanged, refused.size(), id).update();
        for (RefusedRow row : refused) {
            jdbc.sql("insert into imports.refused_row (job_id, row_number, source_id, problems, cells) values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))")
                    .params(id, row.row(), row.sourceId(), json.writeValueAsString(row.problems()), json.writeValueAsString(row.cells()))
                    .update();
        }
    }

    void finish(UUID id, Instant at, @Nullable String error) {
        jdbc.sql("update imports.job set status = ?, error = ?, finished_at = ? where id = ?")
                .params(error == null ? "FINISHED" : "FAILED", error, at.atOffset(ZoneOffset.UTC), id).update();
    }

    Optional<Job> find(String organisation, UUID id) {
        return jdbc.sql("""
                select id, organisation, file_name, status, total, processed, imported, updated, unchanged, refused, batches, error,
                       started_by, started_at, finished_at from imports.job where organisation = ? and id = ?""")
                .params(organisation, id).query((rs, n) -> new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                        rs.getInt(11), rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
                        rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant())).optional();
    }

    List<Job> recent(String organisation) {
        return jdbc.sql("select id from imports.job where organisation = ? order by started_at desc limit 20").param(organisation)
                .query(UUID.class).list().stream().map(id -> find(organisation, id).orElseThrow()).toList();
    }

    List<RefusedRow> refused(UUID id) {
        return jdbc.sql("select row_number, source_id, problems::text, cells::text from imports.refused_row where job_id = ? order by row_number")
                .param(id).query((rs, n) -> new RefusedRow(rs.getInt(1), rs.getString(2),
                        json.readValue(rs.getString(3), new TypeReference<List<Problem>>() { }),
                        json.readValue(rs.getString(4), new TypeReference<List<String>>() { }))).list();
    }

    Optional<ColumnMapping> mapping(String organisation) {
        return jdbc.sql("select mapping::text from imports.mapping where organisation = ?").param(organisation)
                .query(String.class).optional().map(text -> json.readValue(text, ColumnMapping.class));
    }

    void remember(String organisation, ColumnMapping mapping, String by, Instant at) {
        jdbc.sql("""
                insert into imports.mapping (organisation, mapping, updated_at, updated_by) values (?, cast(? as jsonb), ?, ?)
                on conflict (organisation) do update set mapping = excluded.mapping, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .params(organisation, json.writeValueAsString(mapping), at.atOffset(ZoneOffset.UTC), by).update();
    }
}
