package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What staff write into the Code's annual outputs, per organisation and year (from 1 April): per provision their
 * answer, commentary and actions; and the governing body's response to the annual report with the date published.
 */
@Component
class CodeAssessmentStore {

    /** Where an action stands. */
    enum ActionStatus {
        NOT_STARTED("Not started"), IN_PROGRESS("In progress"), DONE("Done");

        private final String words;

        ActionStatus(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CodeAssessmentAction")
    record Action(String action, String owner, LocalDate dueOn, ActionStatus status) {
        public String statusInWords() {
            return status.words();
        }
    }

    record Entry(String provision, @Nullable Boolean complies, @Nullable String commentary, List<Action> actions,
                 @Nullable Instant updatedAt, @Nullable String updatedBy) {
        static Entry empty(String provision) {
            return new Entry(provision, null, null, List.of(), null, null);
        }
    }

    record Response(@Nullable String response, @Nullable LocalDate respondedOn, @Nullable LocalDate publishedOn,
                    @Nullable Instant updatedAt, @Nullable String updatedBy) {
        static final Response NONE = new Response(null, null, null, null, null);
    }

    private final JdbcClient jdbc;

    CodeAssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Entry> entries(String organisation, int year) {
        Map<String, List<Action>> actions = new LinkedHashMap<>();
        jdbc.sql("select provision, action, owner, due_on, status from reporting.code_assessment_action "
                        + "where organisation = ? and year = ? order by provision, position")
                .params(organisation, year)
                .query((rs, n) -> actions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Action(rs.getString(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), ActionStatus.valueOf(rs.getString(5)))))
                .list();
        Map<String, Entry> entries = new LinkedHashMap<>();
        jdbc.sql("select provision, complies, commentary, updated_at, updated_by from reporting.code_assessment_entry "
                        + "where organisation = ? and year = ?")
                .params(organisation, year)
                .query((rs, n) -> entries.put(rs.getString(1), new Entry(rs.getString(1), rs.getObject(2, Boolean.class),
                        rs.getString(3), actions.getOrDefault(rs.getString(1), List.of()), rs.getTimestamp(4).toInstant(), rs.getString(5))))
                .list();
        return entries;
    }

    /** Replaces what staff wrote for one provision in one year. */
    @Transactional
    void save(String organisation, int year, String provision, @Nullable Boolean complies, @Nullable String commentary,
              List<Action> actions, Instant at, String by) {
        jdbc.sql("""
                insert into reporting.code_assessment_entry (organisation, year, provision, complies, commentary, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation, year, provision) do update set complies = excluded.complies,
                  commentary = excluded.commentary, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(organisation, year, provision, complies, commentary, Timestamp.from(at), by).update();
        jdbc.sql("delete from reporting.code_assessment_action where organisation = ? and year = ? and provision = ?")
                .params(organisation, year, provision).update();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            jdbc.sql("insert into reporting.code_assessment_action (organisation, year, provision, position, action, owner, due_on, status) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(organisation, year, provision, i + 1, a.action(), a.owner(), a.dueOn(), a.status().name()).update();
        }
    }

    Response response(String organisation, int year) {
        Optional<Response> found = jdbc.sql("select response, responded_on, published_on, updated_at, updated_by "
                        + "from reporting.annual_report_response where organisation = ? and year = ?")
                .params(organisation, year)
                .query((rs, n) -> new Response(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .optional();
        return found.orElse(Response.NONE);
    }

    void saveResponse(String organisation, int year, @Nullable String response, @Nullable LocalDate respondedOn,
                      @Nullable LocalDate publishedOn, Instant at, String by) {
        jdbc.sql("""
                insert into reporting.annual_report_response (organisation, year, response, responded_on, published_on, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation, year) do update set response = excluded.response, responded_on = excluded.responded_on,
                  published_on = excluded.published_on, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(organisation, year, response, respondedOn, publishedOn, Timestamp.from(at), by).update();
    }
}
