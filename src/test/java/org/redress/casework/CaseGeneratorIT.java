package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.demo.generation.CaseGenerator;
import org.redress.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated cases are ones the application reads, lists by deadline and acts on, as if it had logged them itself. */
class CaseGeneratorIT extends CaseApiSupport {

    @Autowired
    CaseGenerator generator;

    @Autowired
    Casework casework;

    @Autowired
    JdbcClient jdbc;

    /** The tenures of the cases the generator logged for an organisation. */
    List<String> generatedTenures(String organisation) {
        return jdbc.sql("""
                select distinct f.state->'complainant'->>'tenure' from casework.case_file f
                join casework.case_event e on e.case_id = f.id and e.sequence = 1
                where f.organisation = ? and e.actor = 'generator'
                """).param(organisation).query(String.class).list();
    }

    @Test
    void generatedCasesAreReadListedByDeadlineAndActedOnThroughTheApi() {
        clock.setUk("2026-11-23T09:00");
        long before = jdbc.sql("select count(*) from casework.case_file").query(Long.class).single();
        CaseGenerator.Generated generated = generator.generate(new CaseGenerator.Request(2_000, 7, 2, true));

        assertThat(generated.cases()).isEqualTo(2_000);
        assertThat(jdbc.sql("select count(*) from casework.case_file").query(Long.class).single()).isEqualTo(before + 2_000);
        assertThat(generated.events()).isGreaterThan(4_000);
        assertThat(generated.byStatus()).containsKeys("OPEN", "RESPONDED", "CLOSED", "WITHDRAWN", "DECLINED");
        assertThat(generated.byStatus().get("CLOSED")).isGreaterThan(generated.byStatus().get("OPEN"));
        // the aggregate refuses almost nothing the generator asks: its timings follow the packs
        assertThat(generated.refusals()).isLessThan(40);
        assertThat(jdbc.sql("select count(*) from casework.case_file f where not exists (select 1 from casework.case_event e "
                + "where e.case_id = f.id)").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select distinct organisation from casework.case_file").query(String.class).list())
                .contains("247-alliance", "alliance-homes", "helping-our-future", "the-trust");
        assertThat(jdbc.sql("select count(distinct stage) from casework.case_file where record_type = 'complaint'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        // a social landlord's complainants have every tenure, so generated data splits TSM CH01 and CH02; others have none
        assertThat(generatedTenures("alliance-homes")).containsExactlyInAnyOrder("LOW_COST_RENTAL", "LOW_COST_HOME_OWNERSHIP", "OTHER", "UNKNOWN");
        assertThat(generatedTenures("the-trust")).contains("LOW_COST_RENTAL", "LOW_COST_HOME_OWNERSHIP");
        assertThat(generatedTenures("247-alliance")).containsExactly("UNKNOWN");

        // issue 28: the reports count the generated cases, as they count cases logged through the application
        assertThat(jdbc.sql("""
                select count(*) from casework.case_file f where not exists
                    (select 1 from reporting.case_stage r where r.organisation = f.organisation and r.case_id = f.id)
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(distinct (organisation, case_id)) from reporting.case_stage").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from casework.case_file").query(Long.class).single());

        // every stored state reads back into the aggregate and its view
        List<UUID> ids = jdbc.sql("select id, organisation from casework.case_file where pack_id is not null")
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
        List<String> orgs = jdbc.sql("select organisation from casework.case_file").query(String.class).list();
        for (int i = 0; i < ids.size(); i++) {
            CaseView view = casework.get(orgs.get(i), ids.get(i).toString());
            assertThat(view.history()).isNotEmpty();
        }

        // the work list: open cases by next deadline, page after page
        JsonNode page = api().get("/api/v1/organisations/alliance-homes/cases?sort=due&size=10").json();
        List<Instant> dues = new ArrayList<>();
        page.get("items").forEach(item -> dues.add(Instant.parse(item.get("nextDue").asString())));
        assertThat(dues).hasSize(10).isSorted();
        JsonNode next = api().get("/api/v1/organisations/alliance-homes/cases?sort=due&size=10&cursor="
                + page.get("nextCursor").asString()).json();
        assertThat(Instant.parse(next.get("items").get(0).get("nextDue").asString())).isAfterOrEqualTo(dues.get(9));

        // a generated case is acted on like any other
        JsonNode first = page.get("items").get(0);
        JsonNode read = api().get("/api/v1/organisations/alliance-homes/cases/" + first.get("reference").asString()).json();
        assertThat(read.get("history").size()).isPositive();
        assertThat(read.get("allowedActions").toString()).contains("points");
        JsonNode acted = act("alliance-homes", read, "points", "{\"summary\":\"also the hallway light\"}");
        assertThat(acted.get("version").asLong()).isEqualTo(read.get("version").asLong() + 1);

        // and a new case takes the reference number after the generated ones
        Api.Response created = api().post("/api/v1/organisations/alliance-homes/cases",
                complaint("complaint", "2026-11-23T08:00:00Z", "housing", "Leak"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
