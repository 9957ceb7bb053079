package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.TestAccounts;
import org.redress.testing.WebSession;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** H-11 benchmarking: comparable organisations' figures, with their source, beside ours on the hand-built data set. */
class BenchmarksIT extends ReportingApiSupport {

    private static final String SETTINGS = "/api/v1/organisations/" + ORG + "/reports/settings/benchmarks";

    @Test
    void aPeersFigureShowsBesideOursWithTheDifferenceAndItsSource() {
        try {
            // the sector's stage 1 figure for 2018 and 2019: the 2019 one is the one the first half of 2019 is compared with
            assertThat(api().put(SETTINGS, """
                    {"measure":"tsm-ch02","figure":"within-code-timescale","group":"Stage 1","year":2018,"value":70,
                     "source":"Peer group return 2018"}""").status()).isEqualTo(200);
            assertThat(api().put(SETTINGS, """
                    {"measure":"tsm-ch02","figure":"within-code-timescale","group":"Stage 1","year":2019,"value":72.5,
                     "source":"RSH TSM 2019, median of large landlords"}""").status()).isEqualTo(200);

            JsonNode measure = get("/api/v1/organisations/" + ORG + "/reports/measures/tsm-ch02?" + PERIOD);
            JsonNode comparison = measure.get("comparisons").get(0);
            // ours: 3 of the 3 stage 1 housing responses within the Code's timescale (MeasuresIT works it out; the debt advice
            // responses run DISP and are not counted: issue 23, F-8) = 100%
            assertThat(comparison.get("ours").asDouble()).isEqualTo(100.0);
            assertThat(comparison.get("theirs").asDouble()).isEqualTo(72.5);
            assertThat(comparison.get("year").asInt()).isEqualTo(2019);
            assertThat(comparison.get("source").asString()).isEqualTo("RSH TSM 2019, median of large landlords");
            assertThat(measure.get("comparisons")).hasSize(1);

            WebSession session = new WebSession(port);
            session.signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
            String returns = session.get("/staff/" + ORG + "/reports/returns?" + PERIOD).body();
            assertThat(returns).contains("compared with comparable organisations (H-11)", "27.5 above",
                    "RSH TSM 2019, median of large landlords (2019)");
        } finally {
            api().delete(SETTINGS + "?measure=tsm-ch02&figure=within-code-timescale&group=Stage%201&year=2018");
            api().delete(SETTINGS + "?measure=tsm-ch02&figure=within-code-timescale&group=Stage%201&year=2019");
        }
    }

    @Test
    void aBenchmarkWithAnUnknownFigureOrNoSourceIsRefusedNamingTheFieldsAndNothingIsStored() {
        Api.Response refused = api().put(SETTINGS, """
                {"measure":"tsm-ch02","figure":"happiness","year":2019,"value":-1}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"figure\"", "within-code-timescale", "\"value\"", "\"source\"");
        assertThat(get(SETTINGS).size()).isZero();
    }
}
