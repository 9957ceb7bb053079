package org.redress.calendar;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.redress.database.CacheForgetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Organisations' own closure days, kept in {@code calendar.closure_day}. Every case change works out deadlines with
 * them, so they are kept in memory for a few seconds: a change made on this node is seen at once, one made on another
 * node within {@link #FRESH_FOR}.
 */
@Repository
class ClosureDays {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Cache<String, List<ClosureDay>> recent = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(FRESH_FOR).build();

    ClosureDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClosureDay> of(String organisation) {
        return CacheForgetting.read(recent, organisation, this::read);
    }

    private List<ClosureDay> read(String organisation) {
        return jdbc.sql("select organisation, day, reason from calendar.closure_day where organisation = ? order by day")
                .param(organisation)
                .query((rs, n) -> new ClosureDay(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)))
                .list();
    }

    /** Adds the day, or changes its reason when it is already recorded. */
    void save(ClosureDay day) {
        jdbc.sql("""
                insert into calendar.closure_day (organisation, day, reason) values (?, ?, ?)
                on conflict (organisation, day) do update set reason = excluded.reason
                """)
                .params(day.organisation(), day.date(), day.reason())
                .update();
        forget(day.organisation());
    }

    boolean remove(String organisation, LocalDate day) {
        boolean removed = jdbc.sql("delete from calendar.closure_day where organisation = ? and day = ?")
                .params(organisation, day)
                .update() > 0;
        forget(organisation);
        return removed;
    }

    /** Forgets the organisation's days now and again once the change commits (a read in between may see the old rows). */
    private void forget(String organisation) {
        CacheForgetting.nowAndAtTransactionEnd(() -> recent.invalidate(organisation));
    }
}
