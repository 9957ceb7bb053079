package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.RegisterQuery.Sort;
import org.redress.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The register in explicit SQL (issue 21): every record of the organisation, of every type and status, with the work
 * list's filters and more, in one of three orders each walked along an index with keyset pages, so the first page and
 * the thousandth cost the same at a million cases. A word search is planned for its word (ADR 0023, as {@link
 * CaseLists}). Sorted by deadline, the records with a running clock come first by their deadline (the partial
 * deadline index), then those with none, newest first (the receipt index): two walks, one after the other, so no index
 * of the nulls is needed. Exports read the same pages, a thousand records at a time, so no export holds more than a
 * thousand in memory or a connection for longer than a page.
 */
@Repository
class RegisterQueries {

    /** Records read per statement while exporting. */
    static final int EXPORT_BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate reading;

    RegisterQueries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** Which walk a statement makes: the three orders, and the second walk of the deadline order. */
    enum Walk {
        RECEIVED("R"), DUE("D"), UNDATED("N"), REFERENCE("F");

        final String code;

        Walk(String code) {
            this.code = code;
        }
    }

    /** A statement of the register and its parameters by name. */
    record RegisterSql(String sql, Map<String, Object> params, Walk walk) {
    }

    /** Where the next page starts: after this key in this walk. */
    record Cursor(Walk walk, String key, @Nullable UUID id) {

        String encode() {
            String text = walk.code + "|" + key + (id == null ? "" : "|" + id);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor after(Sort sort, RegisterEntry last) {
            return switch (sort) {
                case REFERENCE -> new Cursor(Walk.REFERENCE, last.reference(), null);
                case RECEIVED -> new Cursor(Walk.RECEIVED, last.receivedAt().toString(), UUID.fromString(last.id()));
                case DUE -> last.nextDue() != null ? new Cursor(Walk.DUE, last.nextDue().toString(), UUID.fromString(last.id()))
                        : new Cursor(Walk.UNDATED, last.receivedAt().toString(), UUID.fromString(last.id()));
            };
        }

        /** A cursor this register gave out for this order, or a 400 naming the cursor. */
        static Cursor decode(String cursor, Sort sort) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
                Walk walk = null;
                for (Walk w : Walk.values()) {
                    if (w.code.equals(parts[0])) {
                        walk = w;
                    }
                }
                boolean fits = walk != null && switch (sort) {
                    case RECEIVED -> walk == Walk.RECEIVED;
                    case DUE -> walk == Walk.DUE || walk == Walk.UNDATED;
                    case REFERENCE -> walk == Walk.REFERENCE;
                };
                if (!fits) {
                    throw new IllegalArgumentException();
                }
                if (walk == Walk.REFERENCE) {
                    if (parts.length != 2 || parts[1].isEmpty() || parts[1].length() > 100 || parts[1].indexOf('\0') >= 0) {
                        throw new IllegalArgumentException();
                    }
                    return new Cursor(walk, parts[1], null);
                }
                if (parts.length != 3) {
                    throw new IllegalArgumentException();
                }
                int year = Instant.parse(parts[1]).atOffset(java.time.ZoneOffset.UTC).getYear();
                if (year < 1900 || year > 3000) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(walk, parts[1], UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "is not a cursor the register gave out for this order");
            }
        }
    }

    /** A page of the register as the scope may see it. */
    RegisterPage page(CaseScope scope, RegisterQuery q, Instant now) {
        if (!q.searchesWords()) {
            return read(scope, q, now);
        }
        return reading.execute(status -> {
            // for this transaction only: plan for the word searched, not any word (ADR 0023)
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return read(scope, q, now);
        });
    }

    /**
     * Every record the query finds, in its order, up to {@code cap}, handed to {@code each} a batch at a time.
     *
     * @return whether records beyond the cap were left out
     */
    boolean each(CaseScope scope, RegisterQuery q, Instant now, int cap, Consumer<RegisterEntry> each) {
        int written = 0;
        String cursor = null;
        do {
            int batch = Math.min(EXPORT_BATCH, cap - written);
            if (batch == 0) {
                return true;
            }
            RegisterPage page = page(scope, q.withPage(batch, cursor), now);
            page.entries().forEach(each);
            written += page.entries().size();
            cursor = page.nextCursor();
        } while (cursor != null);
        return false;
    }

    private RegisterPage read(CaseScope scope, RegisterQuery q, Instant now) {
        Cursor cursor = q.cursor() == null ? null : Cursor.decode(q.cursor(), q.sort());
        Walk first = switch (q.sort()) {
            case RECEIVED -> Walk.RECEIVED;
            case REFERENCE -> Walk.REFERENCE;
            case DUE -> cursor != null && cursor.walk() == Walk.UNDATED ? Walk.UNDATED : Walk.DUE;
        };
        List<RegisterEntry> rows = new ArrayList<>(fetch(sql(scope, q, now, first, cursor, q.size() + 1), now));
        if (first == Walk.DUE && rows.size() <= q.size() && !q.overdue()) {
            rows.addAll(fetch(sql(scope, q, now, Walk.UNDATED, null, q.size() + 1 - rows.size()), now));
        }
        String next = null;
        if (rows.size() > q.size()) {
            rows = rows.subList(0, q.size());
            next = Cursor.after(q.sort(), rows.get(rows.size() - 1)).encode();
        }
        return new RegisterPage(rows, next, scope.limitNotice());
    }

    /** Every statement a page in this order may run (package-private so a test can check their plans use the indexes). */
    static List<RegisterSql> statements(CaseScope scope, RegisterQuery q, Instant now) {
        Cursor cursor = q.cursor() == null ? null : Cursor.decode(q.cursor(), q.sort());
        return switch (q.sort()) {
            case RECEIVED -> List.of(sql(scope, q, now, Walk.RECEIVED, cursor, q.size() + 1));
            case REFERENCE -> List.of(sql(scope, q, now, Walk.REFERENCE, cursor, q.size() + 1));
            case DUE -> List.of(sql(scope, q, now, Walk.DUE, cursor != null && cursor.walk() == Walk.DUE ? cursor : null, q.size() + 1),
                    sql(scope, q, now, Walk.UNDATED, cursor != null && cursor.walk() == Walk.UNDATED ? cursor : null, q.size() + 1));
        };
    }

    /** The columns of a record in the register, read by id for the page's records only. */
    private static final String COLUMNS = """
            select c.id, c.reference, c.record_type, c.status, c.stage, c.owner, c.service_line, c.service_area, c.subject,
                   c.state->'complainant'->>'name', c.received_at, c.next_due_at, c.closed_at
            """;

    /**
     * A walk of one order's index that finds the page's ids by the columns its entries carry (V2026_12_10_10, an
     * index-only scan), then reads those records by id. Newest first, the records whose words fit an index entry and the
     * few with longer texts are walked apart and merged ({@link CaseLists#WORDS_IN_THE_INDEX}).
     */
    static RegisterSql sql(CaseScope scope, RegisterQuery q, Instant now, Walk walk, @Nullable Cursor cursor, int limit) {
        StringBuilder sql = new StringBuilder(" from casework.case_file where organisation = :org");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", scope.organisation());
        if (scope.serviceAreas() != null) {
            sql.append(" and service_area = any(:areas)");
            params.put("areas", scope.serviceAreas().toArray(String[]::new));
        }
        equal(sql, params, "record_type", "type", q.recordType());
        equal(sql, params, "status", "status", q.status() == null ? null : q.status().name());
        equal(sql, params, "stage", "stage", q.stage());
        equal(sql, params, "service_line", "line", q.serviceLine());
        equal(sql, params, "service_area", "area", q.serviceArea());
        equal(sql, params, "subject", "subject", q.subject());
        equal(sql, params, "owner", "owner", q.owner());
        if (q.receivedFrom() != null) {
            sql.append(" and received_at >= :receivedFrom");
            params.put("receivedFrom", CaseFiles.ts(q.receivedFrom()));
        }
        if (q.receivedBefore() != null) {
            sql.append(" and received_at < :receivedBefore");
            params.put("receivedBefore", CaseFiles.ts(q.receivedBefore()));
        }
        if (q.overdue()) {
            sql.append(" and next_due_at < :now");
            params.put("now", CaseFiles.ts(now));
        }
        if (q.text() != null) {
            sql.append(" and (search_vector @@ plainto_tsquery('simple', :text) or reference = :exact)");
            params.put("text", q.text());
            params.put("exact", q.text().strip());
        }
        switch (walk) {
            case DUE -> sql.append(" and next_due_at is not null");
            case UNDATED -> sql.append(" and next_due_at is null");
            default -> {
            }
        }
        if (cursor != null) {
            if (walk == Walk.REFERENCE) {
                sql.append(" and reference > :cursorRef");
                params.put("cursorRef", cursor.key());
            } else {
                sql.append(walk == Walk.DUE ? " and (next_due_at, id) > (:cursorAt, :cursorId)" : " and (received_at, id) < (:cursorAt, :cursorId)");
                params.put("cursorAt", CaseFiles.ts(Instant.parse(cursor.key())));
                params.put("cursorId", cursor.id());
            }
        }
        params.put("limit", limit);
        String page = switch (walk) {
            case DUE -> "select id" + sql + " order by next_due_at, id limit :limit";
            case REFERENCE -> "select id" + sql + " order by reference limit :limit";
            default -> {
                String newest = " order by received_at desc, id desc limit :limit";
                yield "(select id, received_at" + sql + " and " + CaseLists.WORDS_IN_THE_INDEX + newest + ") union all (select id, received_at"
                        + sql + " and not " + CaseLists.WORDS_IN_THE_INDEX + newest + ")" + newest;
            }
        };
        String order = switch (walk) {
            case DUE -> " order by c.next_due_at, c.id";
            case REFERENCE -> " order by c.reference";
            default -> " order by c.received_at desc, c.id desc";
        };
        return new RegisterSql(COLUMNS + "from (" + page + ") page join casework.case_file c on c.id = page.id" + order, params, walk);
    }

    private static void equal(StringBuilder sql, Map<String, Object> params, String column, String name, @Nullable Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private List<RegisterEntry> fetch(RegisterSql statement, Instant now) {
        var query = jdbc.sql(statement.sql());
        for (var p : statement.params().entrySet()) {
            query = query.param(p.getKey(), p.getValue());
        }
        return query.query((rs, n) -> {
            OffsetDateTime due = rs.getObject(12, OffsetDateTime.class);
            OffsetDateTime closed = rs.getObject(13, OffsetDateTime.class);
            Instant nextDue = due == null ? null : due.toInstant();
            return new RegisterEntry(rs.getObject(1, UUID.class).toString(), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getObject(11, OffsetDateTime.class).toInstant(), nextDue, closed == null ? null : closed.toInstant(),
                    nextDue != null && now.isAfter(nextDue));
        }).list();
    }
}
