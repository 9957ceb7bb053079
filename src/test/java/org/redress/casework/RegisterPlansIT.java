package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.RegisterQuery.Sort;
import org.redress.testing.QueryPlans;
import org.redress.testing.QueryPlans.Scan;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: every statement the register runs, in each order, with each filter, a word search, a next page and a member
 * limited to some service areas, is served by an index in the plan PostgreSQL makes once for any values (its generic
 * plan, forced), so the register stays as fast at a million cases as the work list (ADR 0023); a word search reads the
 * stored words, never parses the text again.
 */
class RegisterPlansIT extends CaseApiSupport {

    private static final Instant NOW = Instant.parse("2026-12-09T10:00:00Z");
    private static final CaseScope EVERY_AREA = new CaseScope("alliance-homes", null, "ah.admin");
    private static final CaseScope REPAIRS_ONLY = new CaseScope("alliance-homes", Set.of("Repairs"), "ah.repairs");

    @Autowired
    DataSource dataSource;

    @Test
    void everyOrderWithEveryFilterAWordSearchAndANextPageIsServedByIndexes() {
        List<RegisterQueries.RegisterSql> statements = new ArrayList<>();
        for (Sort sort : Sort.values()) {
            String cursor = cursor(sort);
            for (CaseScope scope : List.of(EVERY_AREA, REPAIRS_ONLY)) {
                statements.addAll(RegisterQueries.statements(scope, query(sort, null, null, false, null), NOW));
                statements.addAll(RegisterQueries.statements(scope, query(sort, null, CaseStatus.CLOSED, false, cursor), NOW));
                statements.addAll(RegisterQueries.statements(scope, query(sort, "repair", null, false, null), NOW));
                statements.addAll(RegisterQueries.statements(scope, query(sort, "mould", null, true, cursor), NOW));
                statements.addAll(RegisterQueries.statements(scope, new RegisterQuery(null, "compliment", CaseStatus.CLOSED, 0, "housing",
                        "Repairs", "Repairs", null, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                        false, sort, 50, cursor), NOW));
            }
        }
        assertThat(statements).hasSizeGreaterThan(30);
        for (RegisterQueries.RegisterSql statement : statements) {
            List<Scan> scans = QueryPlans.scans(dataSource, statement.sql());
            assertThat(scans).as(statement.sql()).isNotEmpty().allSatisfy(scan -> {
                if (scan.table().equals("case_file")) {
                    assertThat(scan.nodeType()).as(statement.sql() + "\n" + scan).isNotEqualTo("Seq Scan");
                }
            });
            if (statement.sql().contains("plainto_tsquery")) {
                assertThat(scans).as(statement.sql()).anySatisfy(s -> assertThat(s.conditions()).contains("search_vector"))
                        .noneSatisfy(s -> assertThat(s.conditions()).contains("to_tsvector"));
            }
        }
    }

    @Test
    void aFilteredPageAndAWordSearchCheckTheirFiltersInTheWalkOfTheOrdersIndexAndReadOnlyThePagesRecordsById() {
        // with an owner asked for, the planner may walk that owner's entries (the "my work" index) in any order: on the test
        // database's few thousand records it often does, going straight to the owner's records as the narrow walks do
        String ownersWalk = "case_file_owner";
        Map<RegisterQueries.Walk, List<String>> indexesOfTheWalk = Map.of(
                RegisterQueries.Walk.RECEIVED, List.of("case_file_received_words", "case_file_received_by_status", "case_file_received_by_stage", ownersWalk),
                RegisterQueries.Walk.UNDATED, List.of("case_file_received_words", "case_file_received_by_status", "case_file_received_by_stage", ownersWalk),
                RegisterQueries.Walk.DUE, List.of("case_file_next_due", ownersWalk),
                RegisterQueries.Walk.REFERENCE, List.of("case_file_organisation_reference_key", ownersWalk));
        // newest first, the few records whose words are too long for an entry of the receipt index are walked apart, by rows
        String longWords = "case_file_received_long_words";
        List<RegisterQueries.RegisterSql> statements = new ArrayList<>();
        for (Sort sort : Sort.values()) {
            for (CaseScope scope : List.of(EVERY_AREA, REPAIRS_ONLY)) {
                // the simulation's filtered pages (closed complaints, withdrawn ones, stage 2) and every other filter
                statements.addAll(RegisterQueries.statements(scope, new RegisterQuery(null, "complaint", CaseStatus.CLOSED, null, null, null,
                        null, null, null, null, false, sort, 50, null), NOW));
                statements.addAll(RegisterQueries.statements(scope, new RegisterQuery(null, null, null, 2, null, null, null, null, null, null,
                        false, sort, 50, cursor(sort)), NOW));
                // a page with every filter at once is left out: on the test database's few thousand records the planner takes
                // whichever filter's index is narrowest there (the owner's, the receipt's), which says nothing of a million
            }
        }
        // the word search newest first (the simulation's), with and without filters
        statements.addAll(RegisterQueries.statements(EVERY_AREA, query(Sort.RECEIVED, "mould", null, false, null), NOW));
        statements.addAll(RegisterQueries.statements(REPAIRS_ONLY, query(Sort.RECEIVED, "Okafor", CaseStatus.CLOSED, false, cursor(Sort.RECEIVED)), NOW));
        for (RegisterQueries.RegisterSql statement : statements) {
            // the test database holds a few thousand records, on which the planner may prefer a bitmap of the organisation's
            // entries (read in the full suite); at a million it walks the index, which is what this holds the statements to
            List<Scan> scans = QueryPlans.scans(dataSource, statement.sql(), "set local enable_bitmapscan = off");
            List<String> walkable = indexesOfTheWalk.get(statement.walk());
            List<Scan> walks = scans.stream().filter(s -> walkable.contains(s.index())).toList();
            assertThat(walks).as("one walk of the order's index: " + statement.sql() + "\n" + scans).hasSize(1);
            Scan walk = walks.get(0);
            String walked = walk.index();
            if (walked.endsWith("_by_status") || walked.endsWith("_by_stage") || walked.equals(ownersWalk)) {
                // straight to the records of the status, stage or owner asked for, in the order
                assertThat(walk.conditions()).as(walk.toString()).contains(walked.endsWith("_by_status") ? "status = "
                        : walked.endsWith("_by_stage") ? "stage = " : "owner = ");
            } else {
                assertThat(walk.nodeType()).as("the filters are checked in the index: " + walk).isEqualTo("Index Only Scan");
            }
            if (statement.walk() == RegisterQueries.Walk.RECEIVED || statement.walk() == RegisterQueries.Walk.UNDATED) {
                assertThat(scans).as(statement.sql()).anySatisfy(s -> assertThat(s.index()).isEqualTo(longWords));
            }
            assertThat(scans).as(statement.sql()).filteredOn(s -> s.table().equals("case_file") && !s.index().equals(walked) && !s.index().equals(longWords))
                    .as("the records read are the page's, by id: " + statement.sql())
                    .singleElement().satisfies(s -> assertThat(s.index()).isEqualTo("case_file_pkey"));
        }
    }

    private static RegisterQuery query(Sort sort, String text, CaseStatus status, boolean overdue, String cursor) {
        return new RegisterQuery(text, null, status, null, null, null, null, null, null, null, overdue, sort, 50, cursor);
    }

    /** A cursor of each order, as the register gives them out (the deadline order's in its first walk). */
    private static String cursor(Sort sort) {
        RegisterEntry last = new RegisterEntry("0190a000-0000-7000-8000-000000000000", "AH-2026-000100", "complaint", "OPEN", 1, null,
                null, null, null, null, Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-10T00:00:00Z"), null, false);
        return RegisterQueries.Cursor.after(sort, last).encode();
    }
}
