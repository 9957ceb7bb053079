package org.redress.learning;

import org.jspecify.annotations.Nullable;
import org.redress.learning.Lesson.CaseLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The learning tables, in explicit SQL. */
@Repository
class LessonStore {

    private static final String COLUMNS = """
            id, organisation, kind, title, description, root_cause, owner, status, done_on, not_adopted_reason,
            group_suggestion, created_by, created_at, version""";

    private final JdbcClient jdbc;

    LessonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Lesson l) {
        jdbc.sql("insert into learning.lesson (" + COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(l.id(), l.organisation(), l.kind().name(), l.title(), l.description(), l.rootCause().name(), l.owner(),
                        l.status().name(), l.doneOn(), l.notAdoptedReason(), l.groupSuggestion(), l.createdBy(), ts(l.createdAt()),
                        l.version(), ts(l.createdAt()))
                .update();
        for (CaseLink c : l.cases()) {
            jdbc.sql("insert into learning.lesson_case (lesson_id, case_id, case_reference) values (?, ?, ?) on conflict do nothing")
                    .params(l.id(), UUID.fromString(c.caseId()), c.reference()).update();
        }
    }

    boolean updateStatus(Lesson l, Instant at) {
        return jdbc.sql("""
                        update learning.lesson set status = ?, done_on = ?, not_adopted_reason = ?, updated_at = ?, version = version + 1
                         where id = ? and version = ?""")
                .params(l.status().name(), l.doneOn(), l.notAdoptedReason(), ts(at), l.id(), l.version()).update() == 1;
    }

    void event(UUID lessonId, String type, Instant at, String actor, @Nullable String reason) {
        jdbc.sql("""
                        insert into learning.lesson_event (lesson_id, sequence, type, at, actor, reason)
                        values (?, (select coalesce(max(sequence), 0) + 1 from learning.lesson_event where lesson_id = ?), ?, ?, ?, ?)""")
                .params(lessonId, lessonId, type, ts(at), actor, reason).update();
    }

    Optional<Lesson> find(String organisation, UUID id) {
        List<Lesson> found = query("select " + COLUMNS + " from learning.lesson where organisation = ? and id = ?", organisation, id);
        return found.stream().findFirst();
    }

    List<Lesson> list(String organisation, @Nullable String status, @Nullable String rootCause) {
        return query("select " + COLUMNS + " from learning.lesson where organisation = ? and (cast(? as text) is null or status = ?)"
                + " and (cast(? as text) is null or root_cause = ?) order by created_at desc, id limit 500",
                organisation, status, status, rootCause, rootCause);
    }

    List<Lesson> ofCase(String organisation, UUID caseId) {
        return query("select " + COLUMNS + " from learning.lesson where organisation = ? and id in "
                + "(select lesson_id from learning.lesson_case where case_id = ?) order by created_at, id", organisation, caseId);
    }

    /** Lessons open at some point in the period: recorded before its end and not finished before its start. */
    List<Lesson> inPeriod(String organisation, LocalDate from, LocalDate toExclusive, Instant fromInstant, Instant toInstant) {
        return query("select " + COLUMNS + " from learning.lesson where organisation = ? and created_at < ?"
                        + " and (done_on is null or done_on >= ?) and not (status = 'NOT_ADOPTED' and updated_at < ?)"
                        + " order by created_at, id",
                organisation, ts(toInstant), from, ts(fromInstant));
    }

    /** Holds the lesson until this transaction ends, so two requests to tell its complainants run one after the other. */
    void lock(UUID lessonId) {
        jdbc.sql("select id from learning.lesson where id = ? for update").param(lessonId).query(UUID.class).single();
    }

    /** Records that a person was told; false when they already had been. */
    boolean told(UUID lessonId, String person, String caseReference, UUID letterId, Instant at, String actor) {
        return jdbc.sql("""
                        insert into learning.complainant_told (lesson_id, person, case_reference, letter_id, told_at, told_by)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(lessonId, person, caseReference, letterId, ts(at), actor).update() == 1;
    }

    boolean wasTold(UUID lessonId, String person) {
        return jdbc.sql("select count(*) from learning.complainant_told where lesson_id = ? and person = ?")
                .params(lessonId, person).query(Long.class).single() > 0;
    }

    int toldCount(UUID lessonId) {
        return jdbc.sql("select count(*) from learning.complainant_told where lesson_id = ?").param(lessonId).query(Integer.class).single();
    }

    private List<Lesson> query(String sql, Object... params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(LessonStore::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<CaseLink>> links = new LinkedHashMap<>();
        jdbc.sql("select lesson_id, case_id, case_reference from learning.lesson_case where lesson_id = any(?) order by case_reference")
                .param(rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, n) -> {
                    links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new CaseLink(rs.getObject(2, UUID.class).toString(), rs.getString(3)));
                    return null;
                }).list();
        return rows.stream().map(r -> r.lesson(links.getOrDefault(r.id(), List.of()))).toList();
    }

    private record Row(UUID id, String organisation, Lesson.Kind kind, String title, String description, RootCause rootCause,
                       String owner, Lesson.Status status, @Nullable LocalDate doneOn, @Nullable String notAdoptedReason,
                       boolean groupSuggestion, String createdBy, Instant createdAt, long version) {
        Lesson lesson(List<CaseLink> cases) {
            return new Lesson(id, organisation, kind, title, description, rootCause, owner, status, doneOn, notAdoptedReason,
                    groupSuggestion, cases, createdBy, createdAt, version);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("organisation"), Lesson.Kind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("description"), RootCause.valueOf(rs.getString("root_cause")),
                rs.getString("owner"), Lesson.Status.valueOf(rs.getString("status")), rs.getObject("done_on", LocalDate.class),
                rs.getString("not_adopted_reason"), rs.getBoolean("group_suggestion"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
