package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Work lists in explicit SQL: filters on indexed columns and keyset pagination, so a page costs the same on the
 * first page and the thousandth, with a million cases.
 * <p>
 * A search for a word is planned for that word every time (ADR 0023): a common word is found by walking the list's
 * order and checking each case's stored words, a rare one through the words' index. A plan made once for any word
 * (PostgreSQL's generic plan for a prepared statement) guesses every word matches 0.5% of the cases and is 50 times
 * slower for a common one.
 */
@Repository
class CaseLists {

    /** A clock is "due soon" in a list when its deadline is this close (the case page refines it per clock). */
    static final Duration DUE_SOON = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate reading;

    CaseLists(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** The columns of a list's row; {@code %s} is where a table's alias goes. */
    private static final String COLUMNS = """
            %sid, %sreference, %srecord_type, %sstatus, %sstage, %sowner, %sservice_area, %ssubject,
            %sstate->'complainant'->>'name', %sreceived_at, %snext_due_at, %sversion""";

    /** Whether a case's words fit in an entry of the receipt index (V2026_12_09_00; an index entry holds at most 2.7 KB). */
    static final String WORDS_IN_THE_INDEX = "octet_length(search_vector::text) <= 2000";

    /** A list's SQL and its parameters by name. */
    record ListSql(String sql, Map<String, Object> params, boolean byDue, boolean searchesWords) {
    }

    /** The page of the scope's cases. */
    CaseSummary.Page list(CaseScope scope, CaseQuery q, Instant now) {
        ListSql list = sql(scope, q, now);
        if (!list.searchesWords()) {
            return read(list, q, now);
        }
        return reading.execute(status -> {
            // for this statement only (the transaction's end resets it): plan for the word searched, not any word
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return read(list, q, now);
        });
    }

    /** The SQL of a page of the scope's cases (package-private so a test can check its plan uses the indexes). */
    static ListSql sql(CaseScope scope, CaseQuery q, Instant now) {
        String organisation = scope.organisation();
        Set<String> serviceAreas = scope.serviceAreas();
        boolean byDue = "due".equals(q.sort());
        StringBuilder sql = new StringBuilder(" from casework.case_file where organisation = :org");
        var params = new LinkedHashMap<String, Object>();
        params.put("org", organisation);
        if (byDue) {
            sql.append(" and next_due_at is not null");
        }
        if (serviceAreas != null) {
            sql.append(" and service_area = any(:areas)");
            params.put("areas", serviceAreas.toArray(String[]::new));
        }
        if (q.recordType() != null) {
            sql.append(" and record_type = :type");
            params.put("type", q.recordType());
        }
        if (q.status() != null) {
            sql.append(" and status = :status");
            params.put("status", q.status().name());
        }
        if (q.stage() != null) {
            sql.append(" and stage = :stage");
            params.put("stage", q.stage());
        }
        if (q.owner() != null) {
            sql.append(" and owner = :owner");
            params.put("owner", q.owner());
        }
        if (q.serviceArea() != null) {
            sql.append(" and service_area = :area");
            params.put("area", q.serviceArea());
        }
        if (q.dueBefore() != null) {
            sql.append(" and next_due_at < :dueBefore");
            params.put("dueBefore", CaseFiles.ts(q.dueBefore()));
        }
        if (q.clockStatus() != null) {
            switch (q.clockStatus()) {
                case OVERDUE -> sql.append(" and next_due_at < :now");
                case DUE_SOON -> sql.append(" and next_due_at >= :now and next_due_at < :soon");
                case ON_TIME -> sql.append(" and next_due_at >= :soon");
                default -> throw new InvalidInputException("clockStatus", "lists can filter by OVERDUE, DUE_SOON or ON_TIME");
            }
            params.put("now", CaseFiles.ts(now));
            params.put("soon", CaseFiles.ts(now.plus(DUE_SOON)));
        }
        boolean words = q.text() != null && !q.text().isBlank();
        if (words) {
            sql.append(" and (search_vector @@ plainto_tsquery('simple', :text) or reference = :exact)");
            params.put("text", q.text());
            params.put("exact", q.text().strip());
        }
        if (q.cursor() != null) {
            String[] parts = decode(q.cursor());
            sql.append(byDue ? " and (next_due_at, id) > (:cursorAt, :cursorId)" : " and (received_at, id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", OffsetDateTime.parse(parts[0]));
            params.put("cursorId", UUID.fromString(parts[1]));
        }
        params.put("limit", q.size() + 1);
        if (words && !byDue) {
            // the newest matches first (ADR 0023): cases whose words fit an index entry are found by walking the
            // receipt index that carries their words and every filtered column, without reading a case; the few with
            // longer texts by their own small index; then the page's cases are read by id
            String newest = " order by received_at desc, id desc limit :limit";
            return new ListSql("select " + COLUMNS.replace("%s", "c.") + " from ((select id, received_at" + sql + " and " + WORDS_IN_THE_INDEX
                    + newest + ") union all (select id, received_at" + sql + " and not " + WORDS_IN_THE_INDEX + newest + ")" + newest
                    + ") page join casework.case_file c on c.id = page.id order by c.received_at desc, c.id desc", params, false, true);
        }
        sql.append(byDue ? " order by next_due_at, id" : " order by received_at desc, id desc");
        sql.append(" limit :limit");
        return new ListSql("select " + COLUMNS.replace("%s", "") + sql, params, byDue, words);
    }

    private CaseSummary.Page read(ListSql list, CaseQuery q, Instant now) {
        boolean byDue = list.byDue();
        var statement = jdbc.sql(list.sql());
        for (var p : list.params().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<Object[]> keys = new ArrayList<>();
        List<CaseSummary> items = statement.query((rs, n) -> {
            OffsetDateTime due = rs.getObject(11, OffsetDateTime.class);
            OffsetDateTime received = rs.getObject(10, OffsetDateTime.class);
            keys.add(new Object[]{byDue ? due : received, rs.getObject(1, UUID.class)});
            return new CaseSummary(rs.getObject(1, UUID.class).toString(), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), received.toInstant(),
                    due == null ? null : due.toInstant(), due == null ? null : status(due.toInstant(), now), rs.getLong(12));
        }).list();
        String next = null;
        if (items.size() > q.size()) {
            items = items.subList(0, q.size());
            Object[] last = keys.get(q.size() - 1);
            next = encode(last[0] + "|" + last[1]);
        }
        return new CaseSummary.Page(items, next);
    }

    private static ClockStatus status(Instant due, Instant now) {
        if (now.isAfter(due)) {
            return ClockStatus.OVERDUE;
        }
        return now.plus(DUE_SOON).isAfter(due) ? ClockStatus.DUE_SOON : ClockStatus.ON_TIME;
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            OffsetDateTime.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor this API gave out");
        }
    }
}
