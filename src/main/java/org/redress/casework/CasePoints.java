package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points of complaint counted by their category (issue 20), as the Housing Ombudsman counts its findings: per point,
 * not per case, with each point's outcome. Reporting reads them here, never the case tables.
 */
@Service
public class CasePoints {

    /** One category's points received in a period: all of them, and by the outcome decided (none yet counts as undecided). */
    public record CategoryCount(String category, long points, long upheld, long partlyUpheld, long notUpheld, long undecided) {
    }

    private final JdbcClient jdbc;

    CasePoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The points of cases received in [from, to), by category, most points first; optionally in one service line or area. */
    @Transactional(readOnly = true)
    public List<CategoryCount> byCategory(String organisation, Instant from, Instant to, @Nullable String serviceLine,
                                          @Nullable String serviceArea, @Nullable Collection<String> limitedTo) {
        Map<String, Object> params = new HashMap<>();
        params.put("organisation", organisation);
        params.put("from", java.sql.Timestamp.from(from));
        params.put("to", java.sql.Timestamp.from(to));
        StringBuilder where = new StringBuilder("f.organisation = :organisation and f.received_at >= :from and f.received_at < :to");
        if (serviceLine != null) {
            where.append(" and f.service_line = :serviceLine");
            params.put("serviceLine", serviceLine);
        }
        if (serviceArea != null) {
            where.append(" and f.service_area = :serviceArea");
            params.put("serviceArea", serviceArea);
        }
        if (limitedTo != null) {
            where.append(" and f.service_area = any(:limitedTo)");
            params.put("limitedTo", limitedTo.toArray(String[]::new));
        }
        List<CategoryCount> rows = new ArrayList<>(jdbc.sql("""
                select coalesce(p->>'category', '(no category)') as category, count(*),
                       count(*) filter (where p->>'outcome' = 'UPHELD'), count(*) filter (where p->>'outcome' = 'PARTLY_UPHELD'),
                       count(*) filter (where p->>'outcome' = 'NOT_UPHELD'), count(*) filter (where p->>'outcome' is null)
                from casework.case_file f cross join lateral jsonb_array_elements(f.state->'points') p
                where %s
                group by 1 order by 2 desc, 1
                """.formatted(where)).params(params)
                .query((rs, n) -> new CategoryCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list());
        return rows;
    }
}
