package org.redress.reporting;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard page and the cases behind a figure, on the hand-built data set. */
class DashboardIT extends ReportingApiSupport {

    /** Pages are read signed in, as a member of staff would. */
    String page(String path) {
        org.redress.testing.WebSession session = new org.redress.testing.WebSession(port);
        session.signIn(org.redress.testing.TestAccounts.ADMIN, org.redress.testing.TestAccounts.ADMIN_PASSWORD);
        org.redress.testing.WebSession.Page response = session.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void theDashboardShowsEveryFigureWithItsDefinitionAChartAndTheTableBehindIt() {
        String html = page("/staff/" + ORG + "/reports?" + PERIOD);
        for (String id : Measures.DASHBOARD) {
            Measure m = Reports.measureDefinition(id);
            assertThat(html).contains("id=\"" + id + "-heading\"", org.springframework.web.util.HtmlUtils.htmlEscape(m.definition()));
        }
        String returns = page("/staff/" + ORG + "/reports/returns?" + PERIOD);
        for (String id : Measures.RETURNS) {
            assertThat(returns).contains("id=\"" + id + "-heading\"");
        }
        assertThat(returns).contains("<h1>Regulatory returns and policy monitoring</h1>", "aria-current=\"page\"");
        // CH01 and CH02 by tenure under each stage's total, each non-zero figure linked to its cases
        assertThat(returns).contains("<th scope=\"row\">Stage 1: low-cost rental (LCRA)</th>", "<th scope=\"row\">Stage 2: unknown tenure</th>",
                "measure=tsm-ch01&amp;figure=received&amp;group=Stage%201%3A%20unknown%20tenure", "Homes in 2019: 2000; of them");
        assertThat(html).contains("data-measure=\"received-by-month\"", "role=\"img\"", "<caption id=\"received-by-month-caption\"");
        assertThat(html).contains("Board report (PDF)", "/reports/board-report.pdf?from=2019-01-01&amp;to=2019-06-30");
        // the chart data: complaints by month, January to June 2019 (F; A, B, C, E; none; none; none; D)
        Matcher chartData = Pattern.compile("<script type=\"application/json\" id=\"chart-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(chartData.find()).isTrue();
        assertThat(chartData.group(1)).contains("\"received-by-month\":{", "\"type\":\"line\"", "\"data\":[1.0,4.0,0.0,0.0,0.0,1.0]");
    }

    @Test
    void aFigureOnTheDashboardLinksToThePageListingTheCasesBehindIt() {
        String html = page("/staff/" + ORG + "/reports?" + PERIOD);
        Matcher link = Pattern.compile("href=\"(/staff/alliance-homes/reports/cases\\?measure=open-complaints&amp;figure=out-of-category[^\"]*)\"")
                .matcher(html);
        assertThat(link.find()).as("a link to the overdue open complaints").isTrue();
        String cases = page(link.group(1).replace("&amp;", "&"));
        // C alone was open and overdue at the end of June 2019
        assertThat(cases).contains("Open, overdue", "1 case.", refs.get("C"));
        assertThat(cases).doesNotContain(refs.get("D"));
    }

    @Test
    void chartJsAndTheDashboardScriptAreServedFromTheApplicationNotACdn() {
        assertThat(api().get("/webjars/chart.js/dist/chart.umd.min.js").status()).isEqualTo(200);
        assertThat(api().get("/reporting/dashboard.js").status()).isEqualTo(200);
        assertThat(page("/staff/" + ORG + "/reports?" + PERIOD)).doesNotContain("cdn", "https://");
    }

    @Test
    void anUnknownOrganisationIsNotFoundAndBadDatesAreExplained() {
        assertThat(api().get("/api/v1/organisations/nobody/reports/measures/closed").status()).isEqualTo(404);
        org.redress.testing.WebSession session = new org.redress.testing.WebSession(port);
        session.signIn(org.redress.testing.TestAccounts.ADMIN, org.redress.testing.TestAccounts.ADMIN_PASSWORD);
        assertThat(session.get("/staff/nobody/reports").status()).isEqualTo(404);
        org.redress.testing.WebSession.Page backwards = session.get("/staff/" + ORG + "/reports?from=2019-06-30&to=2019-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("role=\"alert\"", "to: must be on or after from (2019-06-30)");
        // the period's day, month and year fields (issue 21): a day that does not exist is named with its field
        org.redress.testing.WebSession.Page notADay = session.get("/staff/" + ORG
                + "/reports?from-day=1&from-month=1&from-year=2019&to-day=31&to-month=2&to-year=2019");
        assertThat(notADay.status()).isEqualTo(400);
        assertThat(notADay.body()).contains("to: must be a real date, with the year in four figures, like 27 3 2026");
        org.redress.testing.WebSession.Page noMonth = session.get("/staff/" + ORG + "/reports?from-day=1&from-month=&from-year=2019&to-day=30&to-month=6&to-year=2019");
        assertThat(noMonth.status()).isEqualTo(400);
        assertThat(noMonth.body()).contains("from: must include a month");
        String firstHalf = page("/staff/" + ORG + "/reports?from-day=1&from-month=1&from-year=2019&to-day=30&to-month=6&to-year=2019");
        assertThat(firstHalf).contains("name=\"to-day\"", "value=\"30\"", "to=2019-06-30");
    }
}
