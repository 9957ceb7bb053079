package org.redress.imports;

import org.redress.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Files uploaded for import, kept in the database (issue 20) while their mapping is confirmed and checked and while
 * they are imported, so the file is sent once and any node can continue: the staff page's next step, or a re-run of
 * an interrupted import, may land on another node than the upload. Kept for {@link #KEPT_FOR}, then removed by the
 * next upload.
 */
@Repository
class Uploads {

    static final Duration KEPT_FOR = Duration.ofDays(7);

    record Upload(UUID id, String organisation, String name, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Uploads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID keep(String organisation, String name, byte[] content) {
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        // uploads no import refers to any more, once old enough, go (an import's own file stays as long as its job row names it)
        jdbc.sql("""
                delete from imports.upload u where u.uploaded_at < ?
                  and not exists (select 1 from imports.job j where j.upload_id = u.id and j.status = 'RUNNING')""")
                .param(now.minus(KEPT_FOR).atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("insert into imports.upload (id, organisation, file_name, content, size, uploaded_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, organisation, name, content, content.length, now.atOffset(ZoneOffset.UTC)).update();
        return id;
    }

    Upload find(String organisation, UUID id) {
        return jdbc.sql("select id, organisation, file_name, content from imports.upload where id = ? and organisation = ?")
                .params(id, organisation)
                .query((rs, n) -> new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional().orElseThrow(() -> new NotFoundException("upload", "the uploaded file is no longer kept: upload it again"));
    }
}
