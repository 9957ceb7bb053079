package org.redress.reporting;

import org.redress.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The figures and choices reports need that no case holds: the number of homes per year (TSM CH01) and whether agreed
 * extensions count as in time (TSM CH02).
 */
@Service
class ReportSettings {

    private final JdbcClient jdbc;

    ReportSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param homesByYear the number of homes the organisation manages, by year
     * @param extensionsCountAsInTime whether a response by the deadline of an extension granted under the policy counts
     *                                as within the Code's timescale for CH02 (the regulator's guidance is unsettled: a setting)
     */
    record Settings(String organisation, Map<Integer, Integer> homesByYear, boolean extensionsCountAsInTime) {
    }

    @Transactional(readOnly = true)
    Settings get(String organisation) {
        Map<Integer, Integer> homes = new LinkedHashMap<>();
        jdbc.sql("select year, homes from reporting.homes where organisation = ? order by year").param(organisation)
                .query((rs, n) -> homes.put(rs.getInt(1), rs.getInt(2))).list();
        return new Settings(organisation, homes, extensionsCountAsInTime(organisation));
    }

    Optional<Integer> homes(String organisation, int year) {
        return jdbc.sql("select homes from reporting.homes where organisation = ? and year = ?").params(organisation, year)
                .query(Integer.class).optional();
    }

    boolean extensionsCountAsInTime(String organisation) {
        return jdbc.sql("select extensions_count_as_in_time from reporting.settings where organisation = ?").param(organisation)
                .query(Boolean.class).optional().orElse(true);
    }

    @Transactional
    void setHomes(String organisation, int year, Integer homes) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "must be between 2000 and 2100");
        }
        if (homes == null || homes <= 0) {
            throw new InvalidInputException("homes", "must be a whole number of homes, at least 1");
        }
        jdbc.sql("""
                insert into reporting.homes (organisation, year, homes) values (?, ?, ?)
                on conflict (organisation, year) do update set homes = excluded.homes
                """).params(organisation, year, homes).update();
    }

    @Transactional
    void setExtensionsCountAsInTime(String organisation, boolean value) {
        jdbc.sql("""
                insert into reporting.settings (organisation, extensions_count_as_in_time) values (?, ?)
                on conflict (organisation) do update set extensions_count_as_in_time = excluded.extensions_count_as_in_time
                """).params(organisation, value).update();
    }
}
