package org.redress.ombudsman;

import org.jspecify.annotations.Nullable;
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

/** The ombudsman schema: referrals, findings, orders and recommendations, written whole on each save. */
@Repository
class Referrals {

    private static final String COLUMNS = """
            id, organisation, case_id, case_reference, ombudsman, ombudsman_name, service_line, override_reason, reference,
            referred_on, information_requested_on, determined_on, recorded_at, recorded_by""";

    private final JdbcClient jdbc;

    Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Referral> ofCase(String organisation, String caseId) {
        return jdbc.sql("select " + COLUMNS + " from ombudsman.referral where organisation = ? and case_id = ?")
                .params(organisation, UUID.fromString(caseId)).query(Referrals::map).optional()
                .map(r -> restore(List.of(r)).get(0));
    }

    /** Referrals made in the period (inclusive), oldest first. */
    List<Referral> referredBetween(String organisation, LocalDate from, LocalDate to) {
        return restore(jdbc.sql("select " + COLUMNS + " from ombudsman.referral where organisation = ? and referred_on between ? and ? "
                        + "order by referred_on, case_reference")
                .params(organisation, from, to).query(Referrals::map).list());
    }

    List<Referral> all(String organisation) {
        return restore(jdbc.sql("select " + COLUMNS + " from ombudsman.referral where organisation = ? order by referred_on desc, case_reference")
                .params(organisation).query(Referrals::map).list());
    }

    void save(Referral referral) {
        Referral.Stored r = referral.stored();
        jdbc.sql("""
                insert into ombudsman.referral (%s) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set ombudsman = excluded.ombudsman, ombudsman_name = excluded.ombudsman_name,
                  override_reason = excluded.override_reason, reference = excluded.reference, referred_on = excluded.referred_on,
                  information_requested_on = excluded.information_requested_on, determined_on = excluded.determined_on,
                  recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
                """.formatted(COLUMNS))
                .params(r.id(), r.organisation(), UUID.fromString(r.caseId()), r.caseReference(), r.ombudsman(), r.ombudsmanName(),
                        r.serviceLine(), r.overrideReason(), r.reference(), r.referredOn(), r.informationRequestedOn(), r.determinedOn(),
                        ts(r.recordedAt()), r.recordedBy())
                .update();
        for (ReferralView.PointFinding f : referral.findings()) {
            jdbc.sql("""
                    insert into ombudsman.finding (referral_id, point, point_summary, finding, notes, recorded_at, recorded_by, category)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (referral_id, point) do update set point_summary = excluded.point_summary, finding = excluded.finding, notes = excluded.notes,
                      recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by, category = excluded.category
                    """).params(r.id(), f.point(), f.pointSummary(), f.finding().name(), f.notes(), ts(f.recordedAt()), f.recordedBy(),
                    f.category()).update();
        }
        for (Referral.Order o : referral.orders()) {
            jdbc.sql("""
                    insert into ombudsman.remedy_order (id, referral_id, kind, description, amount, due_on, complied_on, evidence, recorded_at, recorded_by, point)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set complied_on = excluded.complied_on, evidence = excluded.evidence
                    """).params(o.id(), r.id(), o.kind().name(), o.description(), o.amount(), o.dueOn(), o.compliedOn(), o.evidence(),
                    ts(o.recordedAt()), o.recordedBy(), o.point()).update();
        }
        for (Referral.Recommendation x : referral.recommendations()) {
            jdbc.sql("""
                    insert into ombudsman.recommendation (id, referral_id, kind, text, followed, decided_on, note, recorded_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set followed = excluded.followed, decided_on = excluded.decided_on, note = excluded.note
                    """).params(x.id(), r.id(), x.kind().name(), x.text(), x.followed(), x.decidedOn(), x.note(), ts(x.recordedAt()),
                    x.recordedBy()).update();
        }
    }

    /** Reads the findings, orders and recommendations of all the referrals in three queries, not three per referral. */
    private List<Referral> restore(List<Referral.Stored> referrals) {
        if (referrals.isEmpty()) {
            return List.of();
        }
        UUID[] ids = referrals.stream().map(Referral.Stored::id).toArray(UUID[]::new);
        Map<UUID, List<ReferralView.PointFinding>> findings = new LinkedHashMap<>();
        jdbc.sql("select referral_id, point, finding, notes, recorded_at, recorded_by, point_summary, category from ombudsman.finding "
                        + "where referral_id = any(?) order by point")
                .params((Object) ids)
                .query((rs, n) -> findings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new ReferralView.PointFinding(rs.getInt(2), rs.getString(7), Finding.valueOf(rs.getString(3)), rs.getString(4),
                                instant(rs, 5), rs.getString(6), rs.getString(8))))
                .list();
        Map<UUID, List<Referral.Order>> orders = new LinkedHashMap<>();
        jdbc.sql("select referral_id, id, kind, description, amount, due_on, complied_on, evidence, recorded_at, recorded_by, point "
                        + "from ombudsman.remedy_order where referral_id = any(?) order by due_on, recorded_at")
                .params((Object) ids)
                .query((rs, n) -> orders.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Referral.Order(rs.getObject(2, UUID.class), OrderKind.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                                instant(rs, 9), rs.getString(10), rs.getObject(11, Integer.class))))
                .list();
        Map<UUID, List<Referral.Recommendation>> recommendations = new LinkedHashMap<>();
        jdbc.sql("select referral_id, id, kind, text, followed, decided_on, note, recorded_at, recorded_by "
                        + "from ombudsman.recommendation where referral_id = any(?) order by recorded_at, id")
                .params((Object) ids)
                .query((rs, n) -> recommendations.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Referral.Recommendation(rs.getObject(2, UUID.class), OrderKind.valueOf(rs.getString(3)), rs.getString(4),
                                rs.getObject(5, Boolean.class), rs.getObject(6, LocalDate.class), rs.getString(7), instant(rs, 8),
                                rs.getString(9))))
                .list();
        return referrals.stream().map(r -> Referral.restore(r, findings.getOrDefault(r.id(), List.of()),
                orders.getOrDefault(r.id(), List.of()), recommendations.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Referral.Stored map(ResultSet rs, int row) throws SQLException {
        return new Referral.Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class).toString(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), instant(rs, 13), rs.getString(14));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
