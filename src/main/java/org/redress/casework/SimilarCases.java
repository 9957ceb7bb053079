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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Earlier complaints that may be the same complaint again (F-11): those of the same organisation received in the
 * window by the same person (same email, same phone number, or same name) or about the same address and the same
 * matter (same service area, or text at least {@link #SAME_MATTER} alike), ranked by how alike their text is.
 * <p>
 * The score (0-100) is the mean of PostgreSQL full-text rank (stemmed English words in common, any of them) and
 * trigram similarity of the whole description (pg_trgm), so a shared unusual word and a close wording both count.
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

    List<SimilarCase> find(String organisation, Complainant complainant, String description, @Nullable String serviceArea,
                           Instant since, Instant before, @Nullable UUID self) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", organisation);
        params.put("since", CaseFiles.ts(since));
        params.put("before", CaseFiles.ts(before));
        params.put("text", description);
        params.put("name", complainant.name());
        // Each way of matching a person picks its newest CANDIDATES by its own index, so a common name in a million
        // cases costs no more than a rare one; only those few are ranked by their text.
        List<String> matches = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        String window = "organisation = :org and received_at >= :since and received_at <= :before";
        matches.add("lower(state->'complainant'->>'name') = lower(:name)");
        candidates.add("lower(state->'complainant'->>'name') = lower(:name)");
        String email = blankToNull(complainant.email());
        if (email != null) {
            String byEmail = "(state->'complainant'->>'email' is not null and lower(state->'complainant'->>'email') = lower(:email))";
            matches.add(byEmail);
            candidates.add(byEmail);
            params.put("email", email);
        }
        String phone = digits(complainant.phone());
        if (phone != null) {
            String byPhone = "(state->'complainant'->>'phone' is not null and "
                    + "regexp_replace(regexp_replace(state->'complainant'->>'phone', '[^0-9]', '', 'g'), '^44([0-9]{10})$', '0\\1') = :phone)";
            matches.add(byPhone);
            candidates.add(byPhone);
            params.put("phone", phone);
        }
        String address = address(complainant.address());
        if (address != null) {
            String byAddress = "(state->'complainant'->>'address' is not null and "
                    + "regexp_replace(lower(state->'complainant'->>'address'), '[^a-z0-9]', '', 'g') = :address)";
            String sameMatter = serviceArea == null ? "" : "service_area = :area or ";
            matches.add("(" + byAddress + " and (" + sameMatter + "similarity(lower(state->>'description'), lower(:text)) >= "
                    + SAME_MATTER + "))");
            candidates.add(byAddress);
            params.put("address", address);
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
                       lower(c.state->'complainant'->>'name') = lower(:name) as same_name,
                       %s as same_email, %s as same_phone, %s as same_address,
                       round(100 * (ts_rank(to_tsvector('english', c.state->>'description'), probe.words, 32)
                                    + similarity(lower(c.state->>'description'), lower(:text))) / 2) as score
                from casework.case_file c join candidate using (id), probe
                where c.organisation = :org
                  %s and (%s)
                order by score desc, c.received_at desc, c.id
                limit %d
                """.formatted(picked,
                email == null ? "false" : "coalesce(lower(c.state->'complainant'->>'email') = lower(:email), false)",
                phone == null ? "false" : "regexp_replace(regexp_replace(coalesce(c.state->'complainant'->>'phone', ''), '[^0-9]', '', 'g'), '^44([0-9]{10})$', '0\\1') = :phone",
                address == null ? "false" : "coalesce(regexp_replace(lower(c.state->'complainant'->>'address'), '[^a-z0-9]', '', 'g') = :address, false)",
                self == null ? "" : "and c.id <> :self", String.join(" or ", matches.stream().map(m -> m.replace("state->", "c.state->")
                        .replace("service_area = :area", "c.service_area = :area")).toList()), LIMIT);
        if (self != null) {
            params.put("self", self);
        }
        var statement = jdbc.sql(sql);
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement.query((rs, n) -> {
            List<String> why = new ArrayList<>();
            if (rs.getBoolean("same_email")) why.add("same email");
            if (rs.getBoolean("same_phone")) why.add("same phone number");
            if (rs.getBoolean("same_name")) why.add("same name");
            if (rs.getBoolean("same_address")) why.add("same address");
            return new SimilarCase(rs.getObject("id", UUID.class).toString(), rs.getString("reference"),
                    rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("status"), rs.getString("service_area"),
                    rs.getString("subject"), why, rs.getInt("score"));
        }).list();
    }

    /** Letters and digits of an address in lower case: "12 High St." and "12 high st" are one address. */
    static @Nullable String address(@Nullable String address) {
        if (address == null) {
            return null;
        }
        String normal = address.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]", "");
        return normal.isEmpty() ? null : normal;
    }

    /** The digits of a phone number, with a leading 44 read as 0: "+44 7700 900123" and "07700900123" are one number. */
    static @Nullable String digits(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String d = phone.replaceAll("[^0-9]", "");
        if (d.matches("44[0-9]{10}")) {
            d = "0" + d.substring(2);
        }
        return d.length() < 6 ? null : d;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
