package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.CaseState;
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
import java.util.Collection;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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

    /**
     * Saves a newly logged case with its history, numbering it in the same statement: the next number of the
     * organisation's year comes from its own sequence, so numbers are never reused and taking one holds no lock (a
     * failed transaction leaves a gap; ADR 0011). One round trip for the number, the case and its events.
     *
     * @return the case's reference, e.g. {@code AH-2026-000123}
     */
    String insertNumbered(CaseFile file, String prefix, int year, Instant loggedAt) {
        CaseState s = file.state();
        ComplainantKeys keys = ComplainantKeys.of(s.complainant());
        List<CaseEvent> events = file.pendingEvents();
        List<Object> params = new ArrayList<>(List.of(prefix, year, file.organisation(), year));
        params.addAll(Arrays.asList(file.id().value(), file.organisation(), s.recordType(), s.status().name(), s.stage(),
                owner(file), s.classification().serviceLine(), s.classification().serviceArea(),
                s.classification().subject(), ts(s.receivedAt()), ts(loggedAt), ts(file.nextDue().orElse(null)),
                ts(s.closedAt()), file.pack().id(), file.pack().version(), events.size(),
                searchTextAfterReference(file), json.writeValueAsString(s), keys.name(), keys.email(), keys.phone(),
                keys.address()));
        StringBuilder history = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            CaseEvent e = events.get(i);
            history.append(i == 0 ? "" : ", ").append("(?::uuid, ?::int, ?::text, ?::text, ?::timestamptz, ?::text, ?::text, ?::jsonb)");
            params.addAll(Arrays.asList(file.id().value(), i + 1, file.organisation(), e.type(), ts(e.at()), e.actor(),
                    e.reason(), json.writeValueAsString(e.details())));
        }
        String sql = """
                with numbered as (
                    select ?::text || '-' || ?::int || '-' || lpad(casework.next_reference_number(?::text, ?::int)::text, 6, '0') as reference
                ), saved as (
                    insert into casework.case_file (id, organisation, reference, record_type, status, stage, owner,
                        service_line, service_area, subject, received_at, logged_at, next_due_at, closed_at, pack_id,
                        pack_version, version, event_count, search_text, state, name_key, email_key, phone_key, address_key)
                    select ?::uuid, ?::text, numbered.reference, ?::text, ?::text, ?::int, ?::text, ?::text, ?::text,
                        ?::text, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::text, ?::int, 1, ?::int,
                        numbered.reference || ' ' || ?::text, ?::jsonb, ?::text, ?::text, ?::text, ?::text
                    from numbered
                    returning id, reference
                )%s
                select reference from saved""".formatted(events.isEmpty() ? "" : """
                , history as (
                    insert into casework.case_event (case_id, sequence, organisation, type, at, actor, reason, details)
                    values %s
                )""".formatted(history));
        return jdbc.sql(sql).params(params).query(String.class).single();
    }

    /** Saves a changed case if nobody else changed it since it was read; false if they did. */
    boolean update(CaseFile file, int eventCount) {
        CaseState s = file.state();
        ComplainantKeys keys = ComplainantKeys.of(s.complainant());
        int updated = jdbc.sql("""
                update casework.case_file set record_type = ?, status = ?, stage = ?, owner = ?, service_line = ?,
                    service_area = ?, subject = ?, next_due_at = ?, closed_at = ?, version = version + 1, event_count = ?,
                    search_text = ?, state = ?::jsonb, name_key = ?, email_key = ?, phone_key = ?, address_key = ?
                where id = ? and organisation = ? and version = ?
                """)
                .params(s.recordType(), s.status().name(), s.stage(), owner(file), s.classification().serviceLine(),
                        s.classification().serviceArea(), s.classification().subject(), ts(file.nextDue().orElse(null)),
                        ts(s.closedAt()), eventCount + file.pendingEvents().size(), searchText(file),
                        json.writeValueAsString(s), keys.name(), keys.email(), keys.phone(), keys.address(),
                        file.id().value(), file.organisation(), file.version())
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

    /** A case's row with its history, as one statement read them. */
    record WithHistory(Row row, List<CaseEvent> history) {
    }

    /**
     * A case, by id or by reference, and its history in one statement: one snapshot, so the history is the row's, and
     * one round trip to the database, where a read-only transaction around two statements took three (issue 28: reading
     * a case is the most frequent request, and each round trip waits for a core on a busy machine).
     */
    Optional<WithHistory> withHistory(String organisation, @Nullable CaseId id, String reference) {
        Row[] row = new Row[1];
        List<CaseEvent> history = new ArrayList<>();
        jdbc.sql(withHistorySql(id != null)).param("org", organisation).param("case", id != null ? id.value() : reference)
                .query((java.sql.ResultSet rs) -> {
                    if (rs.getObject(9) == null) {
                        row[0] = row(rs);
                    } else {
                        history.add(event(rs, 8));
                    }
                });
        return row[0] == null ? Optional.empty() : Optional.of(new WithHistory(row[0], List.copyOf(history)));
    }

    /**
     * The case's row (no sequence), then its events in order; the row's own columns are null on the events' rows. By
     * {@code :case}, its id or its reference.
     */
    static String withHistorySql(boolean byId) {
        return WITH_HISTORY.formatted(byId ? "id = :case" : "reference = :case");
    }

    private static final String WITH_HISTORY = """
            with c as materialized (
                select id, organisation, reference, pack_id, pack_version, version, event_count, state from casework.case_file
                where organisation = :org and %s)
            select id, organisation, reference, pack_id, pack_version, version, event_count, state::text,
                   null::int, null::text, null::timestamptz, null::text, null::text, null::text from c
            union all
            select null, null, null, null, null, null, null, null, e.sequence, e.type, e.at, e.actor, e.reason, e.details::text
            from c join casework.case_event e on e.organisation = c.organisation and e.case_id = c.id
            order by 9 nulls first
            """;

    /**
     * Cases of every organisation whose next deadline is before {@code until}, in due order, after a keyset cursor.
     * The cursor is a plain row comparison, so each page starts where the last ended in the index: an "or no cursor"
     * in the same statement made PostgreSQL read the index from its start for every page (60 ms a page with a
     * million cases, so a sweep of 250 pages took 15 s of the database).
     */
    List<Row> withNextDueBefore(Instant until, @Nullable Instant afterDue, @Nullable UUID afterId, int limit) {
        String select = """
                select id, organisation, reference, pack_id, pack_version, version, event_count, state from casework.case_file
                where next_due_at is not null and next_due_at < ?
                """;
        if (afterDue == null || afterId == null) {
            return jdbc.sql(select + " order by next_due_at, id limit ?").params(ts(until), limit).query((rs, n) -> row(rs)).list();
        }
        return jdbc.sql(select + " and (next_due_at, id) > (?, ?) order by next_due_at, id limit ?")
                .params(ts(until), ts(afterDue), afterId, limit).query((rs, n) -> row(rs)).list();
    }

    int count(String organisation) {
        return jdbc.sql("select count(*) from casework.case_file where organisation = ?").param(organisation).query(Integer.class).single();
    }

    /** A page of the organisation's cases in reference order after {@code afterReference} (its unique index). */
    List<Row> pageByReference(String organisation, String afterReference, int limit) {
        return jdbc.sql("""
                select id, organisation, reference, pack_id, pack_version, version, event_count, state from casework.case_file
                where organisation = ? and reference > ? order by reference limit ?
                """).params(organisation, afterReference, limit).query((rs, n) -> row(rs)).list();
    }

    /** These cases of the organisation, in one statement over the primary key. */
    List<Row> byIds(String organisation, List<UUID> ids) {
        return jdbc.sql("""
                select id, organisation, reference, pack_id, pack_version, version, event_count, state from casework.case_file
                where organisation = ? and id = any(?) order by reference
                """).params(organisation, ids.toArray(UUID[]::new)).query((rs, n) -> row(rs)).list();
    }

    /** The histories of these cases in one statement over the history's primary key. */
    Map<UUID, List<CaseEvent>> histories(List<CaseId> ids) {
        Map<UUID, List<CaseEvent>> histories = new java.util.HashMap<>();
        jdbc.sql("""
                select case_id, sequence, type, at, actor, reason, details from casework.case_event
                where case_id = any(?) order by case_id, sequence
                """).param(ids.stream().map(CaseId::value).toArray(UUID[]::new)).query(rs -> {
            histories.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CaseEvent(rs.getInt(2),
                    rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                    json.readValue(rs.getString(7), DETAILS)));
        });
        return histories;
    }

    /** When each of these cases was first imported from a register (issue 20); cases never imported are absent. */
    java.util.Map<UUID, Instant> importedAt(List<UUID> ids) {
        java.util.Map<UUID, Instant> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select case_id, min(at) from casework.case_event where case_id = any(?) and type = 'imported' group by case_id")
                    .param(ids.toArray(UUID[]::new))
                    .query((rs, n) -> found.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
        }
        return found;
    }

    List<CaseEvent> history(String organisation, CaseId id) {
        return jdbc.sql("""
                select sequence, type, at, actor, reason, details from casework.case_event
                where organisation = ? and case_id = ? order by sequence
                """).params(organisation, id.value())
                .query((rs, n) -> event(rs, 0))
                .list();
    }

    /** The event in the six columns after {@code before}: sequence, type, at, actor, reason, details. */
    private CaseEvent event(java.sql.ResultSet rs, int before) throws java.sql.SQLException {
        return new CaseEvent(rs.getInt(before + 1), rs.getString(before + 2), rs.getObject(before + 3, OffsetDateTime.class).toInstant(),
                rs.getString(before + 4), rs.getString(before + 5), json.readValue(rs.getString(before + 6), DETAILS));
    }

    /**
     * Rewrites the reason and details of a case's first {@code upTo} events after anonymisation. The history trigger
     * refuses every other change; it lets this one through because the transaction names the case first.
     */
    void scrubHistory(String organisation, CaseId id, int upTo, List<String> personal) {
        jdbc.sql("select set_config('casework.anonymising_case', ?, true)").param(id.value().toString()).query(String.class).single();
        for (CaseEvent e : history(organisation, id)) {
            if (e.sequence() > upTo) {
                continue;
            }
            jdbc.sql("update casework.case_event set reason = ?, details = ?::jsonb where case_id = ? and sequence = ?")
                    .params(Anonymisation.reason(e.reason()), json.writeValueAsString(Anonymisation.details(e.details(), personal)),
                            id.value(), e.sequence()).update();
        }
        jdbc.sql("select set_config('casework.anonymising_case', '', true)").query(String.class).single();
        // a retry key may be an email's Message-ID or words a client chose; the request hash was made from personal data
        jdbc.sql("delete from casework.idempotency_key where organisation = ? and case_id = ?").params(organisation, id.value()).update();
    }

    /** Closed (or withdrawn or declined) cases not yet anonymised, closed before {@code before}, oldest first, after a cursor. */
    List<Casework.ClosedCase> closedBefore(String organisation, Instant before, @Nullable Instant afterClosed, @Nullable UUID afterId, int limit) {
        // as withNextDueBefore: the cursor is its own condition, so the index is read from the cursor on
        boolean first = afterClosed == null || afterId == null;
        String sql = """
                select id, reference, status, closed_at, state->'hold'->>'kind', state->'complainant' from casework.case_file
                where organisation = ? and closed_at is not null and closed_at < ? and status in ('CLOSED', 'WITHDRAWN', 'DECLINED')
                  and state->'complainant'->>'name' <> ?
                """ + (first ? "" : " and (closed_at, id) > (?, ?)") + " order by closed_at, id limit ?";
        List<Object> params = new java.util.ArrayList<>(List.of(organisation, ts(before), Anonymisation.NAME));
        if (!first) {
            params.add(ts(afterClosed));
            params.add(afterId);
        }
        params.add(limit);
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new Casework.ClosedCase(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                        CaseTypes.CaseStatus.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        "LEGAL".equals(rs.getString(5)), json.readValue(rs.getString(6), CaseTypes.Complainant.class)))
                .list();
    }

    /** Of these cases of the organisation (by id or reference), those filed under one of these service areas: both their ids and references. */
    Set<String> inServiceAreas(String organisation, Collection<UUID> ids, Collection<String> references, Set<String> serviceAreas) {
        Set<String> found = new HashSet<>();
        jdbc.sql("""
                select id, reference from casework.case_file
                where organisation = ? and (id = any(?) or reference = any(?)) and service_area = any(?)
                """).params(organisation, ids.toArray(UUID[]::new), references.toArray(String[]::new), serviceAreas.toArray(String[]::new))
                .query(rs -> {
                    found.add(rs.getObject(1, UUID.class).toString());
                    found.add(rs.getString(2));
                });
        return found;
    }

    Set<UUID> ownedBy(String organisation, String username, Collection<UUID> ids) {
        return new HashSet<>(jdbc.sql("select id from casework.case_file where organisation = ? and id = any(?) and owner = ?")
                .params(organisation, ids.toArray(UUID[]::new), username).query(UUID.class).list());
    }

    /** References of the organisation's cases whose complainant has this email, phone number or name (as ComplainantKeys reads them). */
    List<String> referencesOf(String organisation, @Nullable String email, @Nullable String phone, @Nullable String name) {
        return jdbc.sql("""
                select reference from casework.case_file where organisation = :org and (
                    email_key = :email or name_key = :name or phone_key = :phone)
                order by received_at, reference
                """).param("org", organisation).param("email", ComplainantKeys.email(email))
                .param("name", name == null || name.isBlank() ? null : ComplainantKeys.name(name))
                .param("phone", ComplainantKeys.phone(phone))
                .query(String.class).list();
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
        return file.reference() + " " + searchTextAfterReference(file);
    }

    private static String searchTextAfterReference(CaseFile file) {
        CaseState s = file.state();
        return Stream.of(s.complainant().name(), s.complainant().email(), s.complainant().phone(),
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
