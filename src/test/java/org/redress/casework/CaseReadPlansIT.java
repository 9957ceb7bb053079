package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.testing.QueryPlans;
import org.redress.testing.QueryPlans.Scan;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 28 (ADR 0032): reading one case, its row and its history in one statement, finds the case by the organisation's
 * reference (or its id) and the history by the case's key, in the plan PostgreSQL makes once for any case (its generic
 * plan), so a later change cannot make the most frequent request read a whole table.
 */
class CaseReadPlansIT extends CaseApiSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void aCaseAndItsHistoryAreReadThroughTheReferenceOrIdIndexAndTheEventsKey() {
        List<Scan> byReference = QueryPlans.scans(dataSource, CaseFiles.withHistorySql(false));
        assertThat(byReference).filteredOn(s -> s.table().equals("case_file")).singleElement()
                .satisfies(s -> assertThat(s.index()).isEqualTo("case_file_organisation_reference_key"));
        assertThat(byReference).filteredOn(s -> s.table().equals("case_file")).singleElement()
                .satisfies(s -> assertThat(s.conditions()).contains("reference"));
        // by id: on the million-case copy the generic plan reads case_file_pkey (docs/benchmarks.md); on the few rows of
        // the test database PostgreSQL may walk the organisation's entries of the reference index instead, so this
        // pins only that an index serves it
        List<Scan> byId = QueryPlans.scans(dataSource, CaseFiles.withHistorySql(true));
        assertThat(byId).filteredOn(s -> s.table().equals("case_file")).singleElement()
                .satisfies(s -> assertThat(s.index()).isIn("case_file_pkey", "case_file_organisation_reference_key"));
        for (List<Scan> scans : List.of(byReference, byId)) {
            assertThat(scans).filteredOn(s -> s.table().equals("case_event") && !s.index().isEmpty()).singleElement()
                    .satisfies(s -> assertThat(s.index()).isEqualTo("case_event_pkey"))
                    .satisfies(s -> assertThat(s.conditions()).contains("case_id = "));
            assertThat(scans).noneSatisfy(s -> assertThat(s.nodeType()).isEqualTo("Seq Scan"));
        }
    }
}
