package org.redress.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** Organisations' own closure days, kept in {@code calendar.closure_day}. */
@Repository
class ClosureDays {

    private final JdbcClient jdbc;

    ClosureDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClosureDay> of(String organisation) {
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
    }

    boolean remove(String organisation, LocalDate day) {
        return jdbc.sql("delete from calendar.closure_day where organisation = ? and day = ?")
                .params(organisation, day)
                .update() > 0;
    }
}
