package org.redress.hazards;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The hazards schema: hazard records, their attempts, and each organisation's settings. */
@Repository
class HazardStore {

    private static final String COLUMNS = """
            id, organisation, case_id, case_reference, category, source, matched, aware_at, classification, classified_at,
            investigation_concluded_at, investigation_findings, summary_sent_at, work_started_at, opened_at, opened_by, notes,
            tenure, made_safe_at, further_works, accommodation, closure""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HazardStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a new hazard; false when the case already has one of that category (nothing written). */
    boolean insert(Hazard hazard) {
        Hazard.State s = hazard.state();
        Hazard.Duties d = hazard.duties();
        return jdbc.sql("insert into hazards.hazard (" + COLUMNS + ", closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?) on conflict (organisation, case_id, category) do nothing")
                .params(s.id(), s.organisation(), UUID.fromString(s.caseId()), s.caseReference(), s.category(), s.source(), s.matched(),
                        ts(s.awareAt()), name(s.classification()), ts(s.classifiedAt()), ts(s.investigationConcludedAt()),
                        s.investigationFindings(), ts(s.summarySentAt()), ts(s.workStartedAt()), ts(s.openedAt()), s.openedBy(), s.notes(),
                        d.tenure(), ts(d.madeSafeAt()), jsonOrNull(d.furtherWorks()), jsonOrNull(d.accommodation()), jsonOrNull(d.closure()),
                        ts(d.closure() == null ? null : d.closure().at()))
                .update() == 1;
    }

    void update(Hazard hazard) {
        Hazard.State s = hazard.state();
        jdbc.sql("""
                update hazards.hazard set classification = ?, classified_at = ?, investigation_concluded_at = ?, investigation_findings = ?,
                  summary_sent_at = ?, work_started_at = ?, tenure = ?, made_safe_at = ?, further_works = cast(? as jsonb),
                  accommodation = cast(? as jsonb), closure = cast(? as jsonb), closed_at = ? where id = ?
                """).params(name(s.classification()), ts(s.classifiedAt()), ts(s.investigationConcludedAt()), s.investigationFindings(),
                ts(s.summarySentAt()), ts(s.workStartedAt()), hazard.duties().tenure(), ts(hazard.duties().madeSafeAt()),
                jsonOrNull(hazard.duties().furtherWorks()), jsonOrNull(hazard.duties().accommodation()), jsonOrNull(hazard.duties().closure()),
                ts(hazard.duties().closure() == null ? null : hazard.duties().closure().at()), s.id()).update();
        for (HazardView.Attempt a : hazard.newAttempts()) {
            jdbc.sql("insert into hazards.attempt (id, hazard_id, at, by_whom, outcome, notes, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id(), s.id(), ts(a.at()), a.by(), a.outcome().name(), a.notes(), ts(a.recordedAt()), a.recordedBy()).update();
        }
    }

    /** The complainant's tenure, recorded on every hazard of the case (R-3, issue 23: no duty for a shared owner's home). */
    void tenureRecorded(String organisation, String caseId, String tenure) {
        jdbc.sql("update hazards.hazard set tenure = ? where organisation = ? and case_id = ?")
                .params(tenure, organisation, UUID.fromString(caseId)).update();
    }

    List<Hazard> ofCase(String organisation, String caseId) {
        return restore(jdbc.sql("select " + COLUMNS + " from hazards.hazard where organisation = ? and case_id = ? order by opened_at, category")
                .params(organisation, UUID.fromString(caseId)).query(this::map).list());
    }

    Optional<Hazard> find(String organisation, String caseId, UUID id) {
        return restore(jdbc.sql("select " + COLUMNS + " from hazards.hazard where organisation = ? and case_id = ? and id = ?")
                .params(organisation, UUID.fromString(caseId), id).query(this::map).list()).stream().findFirst();
    }

    /** Hazards not yet fully dealt with: any whose work has not begun or whose summary has not gone (the clocks decide exactly). */
    List<Hazard> unfinished(@Nullable String organisation) {
        return restore(jdbc.sql("select " + COLUMNS + " from hazards.hazard where (cast(? as text) is null or organisation = ?) "
                        + "and closed_at is null and tenure <> 'LOW_COST_HOME_OWNERSHIP' and (work_started_at is null or summary_sent_at is null "
                        + "or investigation_concluded_at is null or (made_safe_at is null and classification = 'EMERGENCY') "
                        + "or (further_works is not null and further_works->>'startedAt' is null) "
                        + "or (accommodation is not null and accommodation->>'offeredAt' is null)) order by aware_at")
                .params(organisation, organisation).query(this::map).list());
    }

    Optional<HazardSettings> settings(String organisation) {
        return jdbc.sql("select enabled, categories from hazards.setting where organisation = ?").param(organisation)
                .query((rs, n) -> new HazardSettings((Boolean) rs.getObject(1),
                        List.of(json.readValue(rs.getString(2), HazardSettings.Category[].class))))
                .optional();
    }

    void saveSettings(String organisation, HazardSettings settings, Instant now, String actor) {
        jdbc.sql("""
                insert into hazards.setting (organisation, enabled, categories, changed_at, changed_by) values (?, ?, cast(? as jsonb), ?, ?)
                on conflict (organisation) do update set enabled = excluded.enabled, categories = excluded.categories,
                  changed_at = excluded.changed_at, changed_by = excluded.changed_by
                """).params(organisation, settings.enabled(), json.writeValueAsString(settings.categories()), ts(now), actor).update();
    }

    /** A row: the hazard's state and what issue 23 added to it. */
    private record Row(Hazard.State state, Hazard.Duties duties) {
    }

    private List<Hazard> restore(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Hazard.State> states = rows.stream().map(Row::state).toList();
        Map<UUID, List<HazardView.Attempt>> attempts = new LinkedHashMap<>();
        jdbc.sql("select hazard_id, id, at, by_whom, outcome, notes, recorded_at, recorded_by from hazards.attempt where hazard_id = any(?) order by at, recorded_at")
                .params((Object) states.stream().map(Hazard.State::id).toArray(UUID[]::new))
                .query((rs, n) -> attempts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new HazardView.Attempt(rs.getObject(2, UUID.class), instant(rs, 3), rs.getString(4),
                                AttemptOutcome.valueOf(rs.getString(5)), rs.getString(6), instant(rs, 7), rs.getString(8))))
                .list();
        return rows.stream().map(r -> Hazard.restore(r.state(), r.duties(), attempts.getOrDefault(r.state().id(), List.of()))).toList();
    }

    private Row map(ResultSet rs, int row) throws SQLException {
        String classification = rs.getString(9);
        Hazard.Duties duties = new Hazard.Duties(rs.getString(18), instantOrNull(rs, 19),
                read(rs.getString(20), HazardView.FurtherWorks.class), read(rs.getString(21), HazardView.Accommodation.class),
                read(rs.getString(22), HazardView.Closure.class));
        return new Row(new Hazard.State(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class).toString(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8),
                classification == null ? null : HazardClassification.valueOf(classification), instantOrNull(rs, 10),
                instantOrNull(rs, 11), rs.getString(12), instantOrNull(rs, 13), instantOrNull(rs, 14), instant(rs, 15),
                rs.getString(16), rs.getString(17)), duties);
    }

    private <T> @Nullable T read(@Nullable String text, Class<T> type) {
        return text == null ? null : json.readValue(text, type);
    }

    private @Nullable String jsonOrNull(@Nullable Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
