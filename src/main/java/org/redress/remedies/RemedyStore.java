package org.redress.remedies;

import org.jspecify.annotations.Nullable;
import org.redress.remedies.Remedy.Kind;
import org.redress.remedies.Remedy.PaymentKind;
import org.redress.remedies.Remedy.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The remedies tables, in explicit SQL. A change is written only if nobody changed the remedy since it was read. */
@Repository
class RemedyStore {

    private static final String COLUMNS = """
            id, organisation, case_id, case_reference, kind, status, description, owner, due_on, done_on, promised_at_stage,
            promise_index, payment_kind, amount, method, needs_panel, routing, proposed_by, proposed_at, decided_by, recorded_by,
            decided_at, decided_on, decision_reason, paid_on, paid_by, version""";

    private final JdbcClient jdbc;

    RemedyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a remedy; false when it is a promised action already taken in. */
    boolean insert(Remedy r) {
        return jdbc.sql("insert into remedies.remedy (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(r.id(), r.organisation(), r.caseId(), r.caseReference(), r.kind().name(), r.status().name(), r.description(),
                        r.owner(), r.due(), r.doneOn(), r.promisedAtStage(), r.promiseIndex(),
                        r.paymentKind() == null ? null : r.paymentKind().name(), r.amount(), r.method(), r.needsPanel(), r.routing(),
                        r.proposedBy(), ts(r.proposedAt()), r.decidedBy(), r.recordedBy(), ts(r.decidedAt()), r.decidedOn(),
                        r.decisionReason(), r.paidOn(), r.paidBy(), r.version())
                .update() == 1;
    }

    /** Writes the remedy's new state if it is still at the version read; false when someone else changed it first. */
    boolean update(Remedy r) {
        return jdbc.sql("""
                        update remedies.remedy set status = ?, done_on = ?, decided_by = ?, recorded_by = ?, decided_at = ?,
                               decided_on = ?, decision_reason = ?, paid_on = ?, paid_by = ?, version = version + 1
                         where id = ? and version = ?""")
                .params(r.status().name(), r.doneOn(), r.decidedBy(), r.recordedBy(), ts(r.decidedAt()), r.decidedOn(),
                        r.decisionReason(), r.paidOn(), r.paidBy(), r.id(), r.version())
                .update() == 1;
    }

    void event(UUID remedyId, String type, Instant at, String actor, @Nullable String reason) {
        jdbc.sql("""
                        insert into remedies.remedy_event (remedy_id, sequence, type, at, actor, reason)
                        values (?, (select coalesce(max(sequence), 0) + 1 from remedies.remedy_event where remedy_id = ?), ?, ?, ?, ?)""")
                .params(remedyId, remedyId, type, ts(at), actor, reason).update();
    }

    /** A remedy's history, oldest first. */
    List<RemedyEvent> events(UUID remedyId) {
        return jdbc.sql("select sequence, type, at, actor, reason from remedies.remedy_event where remedy_id = ? order by sequence")
                .param(remedyId)
                .query((rs, n) -> new RemedyEvent(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    Optional<Remedy> find(String organisation, UUID caseId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from remedies.remedy where organisation = ? and case_id = ? and id = ?")
                .params(organisation, caseId, id).query(RemedyStore::map).optional();
    }

    List<Remedy> ofCase(String organisation, UUID caseId) {
        return jdbc.sql("select " + COLUMNS + " from remedies.remedy where organisation = ? and case_id = ? order by proposed_at, promise_index nulls last, id")
                .params(organisation, caseId).query(RemedyStore::map).list();
    }

    /**
     * The organisation's remedies, open actions by due date first.
     *
     * @param overdueBefore when given, only open actions due before this date
     */
    List<Remedy> list(String organisation, @Nullable Status status, @Nullable Kind kind, @Nullable String owner,
                      @Nullable LocalDate overdueBefore, int limit) {
        return jdbc.sql("select " + COLUMNS + " from remedies.remedy where organisation = ?"
                        + " and (cast(? as text) is null or status = ?) and (cast(? as text) is null or kind = ?)"
                        + " and (cast(? as text) is null or owner = ?)"
                        + " and (cast(? as date) is null or (kind = 'ACTION' and status = 'OPEN' and due_on < ?))"
                        + " order by due_on nulls last, proposed_at, promise_index nulls last, id limit ?")
                .params(organisation, name(status), name(status), name(kind), name(kind), owner, owner, overdueBefore, overdueBefore, limit)
                .query(RemedyStore::map).list();
    }

    /** Payments made or approved between two dates, for the reporting facade. */
    List<Remedy> payments(String organisation, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + " from remedies.remedy where organisation = ? and kind = 'PAYMENT'"
                        + " and proposed_at >= ? and proposed_at < ? order by case_reference, proposed_at")
                .params(organisation, ts(from), ts(to)).query(RemedyStore::map).list();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Remedy map(ResultSet rs, int row) throws SQLException {
        String paymentKind = rs.getString("payment_kind");
        return new Remedy(rs.getObject("id", UUID.class), rs.getString("organisation"), rs.getObject("case_id", UUID.class),
                rs.getString("case_reference"), Kind.valueOf(rs.getString("kind")), Status.valueOf(rs.getString("status")),
                rs.getString("description"), rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                rs.getObject("done_on", LocalDate.class), (Integer) rs.getObject("promised_at_stage"),
                (Integer) rs.getObject("promise_index"), paymentKind == null ? null : PaymentKind.valueOf(paymentKind),
                rs.getBigDecimal("amount"), rs.getString("method"), rs.getBoolean("needs_panel"), rs.getString("routing"),
                rs.getString("proposed_by"), rs.getObject("proposed_at", OffsetDateTime.class).toInstant(), rs.getString("decided_by"),
                rs.getString("recorded_by"), instant(rs, "decided_at"), rs.getObject("decided_on", LocalDate.class),
                rs.getString("decision_reason"), rs.getObject("paid_on", LocalDate.class), rs.getString("paid_by"), rs.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
