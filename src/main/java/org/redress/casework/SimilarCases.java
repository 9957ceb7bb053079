package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.Complainant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Earlier complaints that may be the same complaint again (F-11): those of the same organisation received in the
 * window by the same person (same email, same phone number, or same name) or about the same address and the same
 * matter (same service area, or text at least {@link #SAME_MATTER} alike), ranked by how alike their text is.
 * <p>
 * The score (0-100) is the mean of PostgreSQL full-text rank (stemmed English words in common, any of them) and
 * trigram similarity of the whole description (pg_trgm), so a shared unusual word and a close wording both count.
 * Cases in service areas the member may not open ({@link CaseScope}) are counted, never listed.
 */
@Repository
class SimilarCases {

    /** Trigram similarity above which two descriptions at one address are taken to be about the same matter. */
    static final double SAME_MATTER = 0.2;
    static final int LIMIT = 10;
    /** How many of the newest earlier cases each way of matching a person offers for ranking. */
    static final int CANDIDATES = 10;

    private final JdbcClient jdbc;

    SimilarCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The most alike earlier cases the member may open (at most {@link #LIMIT}), and how many of the candidates are in
     * service areas they do not work in. The scope is asked for only when a candidate was found.
     */
    CaseScope.Shown<SimilarCase> find(Supplier<CaseScope> scope, String organisation, Complainant complainant, String description,
                                      @Nullable String serviceArea, Instant since, Instant before, @Nullable UUID self) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", organisation);
        params.put("since", CaseFiles.ts(since));
        params.put("before", CaseFiles.ts(before));
        params.put("text", description);
        ComplainantKeys keys = ComplainantKeys.of(complainant);
        params.put("name", keys.name());
        // Each way of matching a person picks its newest CANDIDATES by its own index, so a common name in a million
        // cases costs no more than a rare one; only those few are ranked by their text.
        List<String> matches = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        String window = "organisation = :org and received_at >= :since and received_at <= :before";
        matches.add("c.name_key = :name");
        candidates.add("name_key = :name");
        if (keys.email() != null) {
            matches.add("c.email_key = :email");
            candidates.add("email_key = :email");
            params.put("email", keys.email());
        }
        if (keys.phone() != null) {
            matches.add("c.phone_key = :phone");
            candidates.add("phone_key = :phone");
            params.put("phone", keys.phone());
        }
        if (keys.address() != null) {
            String sameMatter = serviceArea == null ? "" : "c.service_area = :area or ";
            matches.add("(c.address_key = :address and (" + sameMatter + "similarity(lower(c.state->>'description'), lower(:text)) >= "
                    + SAME_MATTER + "))");
            candidates.add("address_key = :address");
            params.put("address", keys.address());
            if (serviceArea != null) {
                params.put("area", serviceArea);
            }
        }
        String picked = candidates.stream().map(c -> "(select id from casework.case_file where " + window + " and " + c
                + " order by received_at desc limit " + CANDIDATES + ")").collect(java.util.stream.Collectors.joining("\n union\n"));
        String sql = """
                with probe as (select replace(plainto_tsquery('english', :text)::text, ' & ', ' | ')::tsquery as words),
                candidate as (%s)
                select c.id, c.reference, c.received_at, c.status, c.service_area, c.subject,
                       c.name_key = :name as same_name,
                       %s as same_email, %s as same_phone, %s as same_address,
                       round(100 * (ts_rank(to_tsvector('english', c.state->>'description'), probe.words, 32)
                                    + similarity(lower(c.state->>'description'), lower(:text))) / 2) as score
                from casework.case_file c join candidate using (id), probe
                where c.organisation = :org
                  %s and (%s)
                order by score desc, c.received_at desc, c.id
                """.formatted(picked,
                keys.email() == null ? "false" : "coalesce(c.email_key = :email, false)",
                keys.phone() == null ? "false" : "coalesce(c.phone_key = :phone, false)",
                keys.address() == null ? "false" : "coalesce(c.address_key = :address, false)",
                self == null ? "" : "and c.id <> :self", String.join(" or ", matches));
        if (self != null) {
            params.put("self", self);
        }
        var statement = jdbc.sql(sql);
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        // the candidates are a few dozen at most (CANDIDATES per way of matching), so all are read and the scope applied here
        List<SimilarCase> found = statement.query((rs, n) -> {
            List<String> why = new ArrayList<>();
            if (rs.getBoolean("same_email")) why.add("same email");
            if (rs.getBoolean("same_phone")) why.add("same phone number");
            if (rs.getBoolean("same_name")) why.add("same name");
            if (rs.getBoolean("same_address")) why.add("same address");
            return new SimilarCase(rs.getObject("id", UUID.class).toString(), rs.getString("reference"),
                    rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("status"), rs.getString("service_area"),
                    rs.getString("subject"), why, rs.getInt("score"));
        }).list();
        if (found.isEmpty()) {
            return new CaseScope.Shown<>(List.of(), 0);
        }
        CaseScope reader = scope.get();
        List<SimilarCase> open = found.stream().filter(c -> reader.mayOpen(c.serviceArea())).toList();
        return new CaseScope.Shown<>(open.subList(0, Math.min(LIMIT, open.size())), found.size() - open.size());
    }
}
