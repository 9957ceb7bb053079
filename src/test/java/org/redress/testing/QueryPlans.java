package org.redress.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan PostgreSQL makes once for any values of a query's parameters (its generic plan, as for a statement the
 * driver has prepared on the server), with sequential scans switched off: a scan of a table that remains in that plan
 * is one no index can serve. The query is prepared with its parameters numbered and explained as executed with the
 * generic plan forced (the values, all null, play no part in that plan). The test database is small, so without switching them off every table would be read
 * whole because that is cheapest there; what such a test pins is that the indexes fit the query's shape.
 */
public final class QueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([A-Za-z][A-Za-z0-9]*)");

    private QueryPlans() {
    }

    /** One scan of a table in a plan: the node type ("Index Scan", "Seq Scan"...), the index, and its conditions. */
    public record Scan(String table, String nodeType, String index, String conditions) {

        @Override
        public String toString() {
            return nodeType + " on " + table + (index.isEmpty() ? "" : " using " + index) + " [" + conditions + "]";
        }
    }

    /** The scans of every table in the generic plan of this SQL, whose parameters are named ({@code :org}) as JdbcClient takes them. */
    public static List<Scan> scans(DataSource dataSource, String sql, String... prelude) {
        JsonNode plan = genericPlan(dataSource, sql, prelude);
        List<Scan> scans = new ArrayList<>();
        collect(plan.get(0).get("Plan"), scans, "");
        return scans;
    }

    /**
     * The generic plan; the prelude's statements run first in the same transaction, which is rolled back (rows a test
     * adds so the planner sees a table of realistic size, and their statistics, are gone afterwards).
     */
    public static JsonNode genericPlan(DataSource dataSource, String sql, String... prelude) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        String prepared = positional(sql, numbers);
        String arguments = numbers.isEmpty() ? "" : "(" + String.join(", ", java.util.Collections.nCopies(numbers.size(), "null")) + ")";
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String before : prelude) {
                    statement.execute(before);
                }
                statement.execute("set local enable_seqscan = off");
                statement.execute("set local plan_cache_mode = force_generic_plan");
                statement.execute("prepare planned_query as " + prepared);
                try (ResultSet rs = statement.executeQuery("explain (format json) execute planned_query" + arguments)) {
                    rs.next();
                    return JSON.readTree(rs.getString(1));
                } finally {
                    statement.execute("deallocate planned_query");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not explain: " + sql, e);
        }
    }

    /** {@code :name} parameters as PostgreSQL's {@code $1, $2...}, the same name the same number. */
    static String positional(String sql, Map<String, Integer> numbers) {
        Matcher m = NAMED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = numbers.computeIfAbsent(m.group(1), k -> numbers.size() + 1);
            m.appendReplacement(out, Matcher.quoteReplacement("$" + n));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void collect(JsonNode node, List<Scan> scans, String heap) {
        String type = node.get("Node Type").asString();
        String table = node.has("Relation Name") ? node.get("Relation Name").asString() : heap;
        if (node.has("Relation Name") || type.equals("Bitmap Index Scan")) {
            StringBuilder conditions = new StringBuilder();
            for (String key : List.of("Index Cond", "Recheck Cond", "Filter")) {
                if (node.has(key)) {
                    conditions.append(key).append(": ").append(node.get(key).asString()).append("; ");
                }
            }
            scans.add(new Scan(table, type, node.has("Index Name") ? node.get("Index Name").asString() : "", conditions.toString()));
        }
        if (node.has("Plans")) {
            // the indexes a bitmap heap scan reads are below it: they are named with its table
            for (JsonNode child : node.get("Plans")) {
                collect(child, scans, table);
            }
        }
    }
}
