package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseFile.CaseState;
import org.redress.casework.CaseTypes.CaseId;
import org.redress.calendar.UkTime;
import org.redress.policy.PolicyPack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Stores cases: the aggregate's state as JSON beside the columns lists use, and its history as rows never changed. */
@Repository
class CaseFiles {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseFiles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored case before its pack is attached. */
    record Row(CaseId id, String organisation, String reference, String packId, int packVersion, long version,
               int eventCount, CaseState state) {
    }

    /** Claims an idempotency key for a new case; empty if the key was already used, with the case it created. */
    Optional<CaseId> claimKey(String organisation, String key, String requestHash, CaseId newCase, Instant at) {
        int claimed = jdbc.sql("""
                insert into casework.idempotency_key (organisation, key, case_id, request_hash, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """).params(organisation, key, newCase.value(), requestHash, ts(at)).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("select case_id from casework.idempotency_key where organisation = ? and key = ?")
                .params(organisation, key).query((rs, n) -> new CaseId(rs.getObject(1, UUID.class))).optional();
    }

    String requestHashOf(String organisation, String key) {
        return jdbc.sql("select request_hash from casework.idempotency_key where organisation = ? and key = ?")
                .params(organisation, key).query(String.class).single();
    }

    /** The next reference number of the organisation's year; numbers are never reused. */
    int nextReferenceNumber(String organisation, int year) {
        return jdbc.sql("""
                insert into casework.reference_counter (organisation, year, last) values (?, ?, 1)
                on conflict (organisation, year) do update set last = casework.reference_counter.last + 1
                returning last
                """).params(organisation, year).query(Integer.class).single();
    }

    void insert(CaseFile file, Instant loggedAt) {
        CaseState s = file.state();
        jdbc.sql("""
                insert into casework.case_file (id, organisation, reference, record_type, status, stage, owner, service_line,
                    service_area, subject, received_at, logged_at, next_due_at, closed_at, pack_id, pack_version, version,
                    event_count, search_text, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?::jsonb)
                """)
                .params(file.id().value(), file.organisation(), file.reference(), s.recordType(), s.status().name(), s.stage(),
                        owner(file), s.classification().serviceLine(), s.classification().serviceArea(),
                        s.classification().subject(), ts(s.receivedAt()), ts(loggedAt), ts(file.nextDue().orElse(null)),
                        ts(s.closedAt()), file.pack().id(), file.pack().version(), file.pendingEvents().size(),
                        searchText(file), json.writeValueAsString(s))
                .update();
        appendEvents(file, 0);
    }

    /** Saves a changed case if nobody else changed it since it was read; false if they did. */
    boolean update(CaseFile file, int eventCount) {
        CaseState s = file.state();
        int updated = jdbc.sql("""
                update casework.case_file set record_type = ?, status = ?, stage = ?, owner = ?, service_line = ?,
                    service_area = ?, subject = ?, next_due_at = ?, closed_at = ?, version = version + 1, event_count = ?,
                    search_text = ?, state = ?::jsonb
                where id = ? and organisation = ? and version = ?
                """)
                .params(s.recordType(), s.status().name(), s.stage(), owner(file), s.classification().serviceLine(),
                        s.classification().serviceArea(), s.classification().subject(), ts(file.nextDue().orElse(null)),
                        ts(s.closedAt()), eventCount + file.pendingEvents().size(), searchText(file),
                        json.writeValueAsString(s), file.id().value(), file.organisation(), file.version())
                .update();
        if (updated == 0) {
            return false;
        }
        appendEvents(file, eventCount);
        return true;
    }

    Optional<Row> find(String organisation, CaseId id) {
        return jdbc.sql("""
                select id, organisation, reference, pack_id, pack_version, version, event_count, state from casework.case_file
                where organisation = ? and id = ?
                """).params(organisation, id.value()).query((rs, n) -> row(rs)).optional();
    }

    Optional<Row> findByReference(String organisation, String reference) {
        return jdbc.sql("""
                select id, organisation, reference, pack_id, pack_version, version, event_count, state from casework.case_file
                where organisation = ? and reference = ?
                """).params(organisation, reference).query((rs, n) -> row(rs)).optional();
    }

    /** Cases of every organisation whose next deadline is before {@code until}, in due order, after a keyset cursor. */
    List<Row> withNextDueBefore(Instant until, @Nullable Instant afterDue, @Nullable UUID afterId, int limit) {
        return jdbc.sql("""
                select id, organisation, reference, pack_id, pack_version, version, event_count, state from casework.case_file
                where next_due_at is not null and next_due_at < ?
                  and (cast(? as timestamptz) is null or (next_due_at, id) > (?, ?))
                order by next_due_at, id limit ?
                """).params(ts(until), ts(afterDue), ts(afterDue), afterId, limit).query((rs, n) -> row(rs)).list();
    }

    List<CaseEvent> history(String organisation, CaseId id) {
        return jdbc.sql("""
                select sequence, type, at, actor, reason, details from casework.case_event
                where organisation = ? and case_id = ? order by sequence
                """).params(organisation, id.value())
                .query((rs, n) -> new CaseEvent(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getString(5), json.readValue(rs.getString(6), DETAILS)))
                .list();
    }

    private void appendEvents(CaseFile file, int already) {
        List<CaseEvent> events = file.pendingEvents();
        for (int i = 0; i < events.size(); i++) {
            CaseEvent e = events.get(i);
            jdbc.sql("""
                    insert into casework.case_event (case_id, sequence, organisation, type, at, actor, reason, details)
                    values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                    """).params(file.id().value(), already + i + 1, file.organisation(), e.type(), ts(e.at()), e.actor(),
                    e.reason(), json.writeValueAsString(e.details())).update();
        }
    }

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(new CaseId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getLong(6), rs.getInt(7), json.readValue(rs.getString(8), CaseState.class));
    }

    private static @Nullable String owner(CaseFile file) {
        return file.currentStage().map(CaseTypes.StageRecord::owner).orElse(null);
    }

    /** Words a search may match: reference, names, contact details, address, subject and the complaint's own words. */
    static String searchText(CaseFile file) {
        CaseState s = file.state();
        return Stream.of(file.reference(), s.complainant().name(), s.complainant().email(), s.complainant().phone(),
                        s.complainant().address(), s.representative() == null ? null : s.representative().name(),
                        s.classification().subject(), s.classification().subSubject(), s.classification().serviceArea(),
                        s.description(), s.points().stream().map(CaseTypes.Point::summary).collect(Collectors.joining(" ")))
                .filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" "));
    }

    static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static int yearOf(Instant instant) {
        return UkTime.dateOf(instant).getYear();
    }
}
