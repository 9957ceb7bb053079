package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every other case of the person of a case (F-7: a complainant is never treated less favourably, and access to their
 * other records is unchanged): whatever their status or age, whether or not a restriction on contact is in force, so
 * the member of staff serving them sees all of them. The person is matched as everywhere else ({@link ComplainantKeys}):
 * the same email, or the same phone number, or the same name and address. Cases in service areas the member does not
 * work in are counted, never listed ({@link CaseScope}).
 */
@Service
public class PersonCases {

    /** At most this many are listed, newest first; the count says when there are more. */
    static final int LIMIT = 200;

    /** A case of the same person. */
    public record PersonCase(String reference, String recordType, Instant receivedAt, String status, @Nullable String serviceArea,
                             @Nullable String subject, List<String> matchedOn) {
    }

    private final JdbcClient jdbc;
    private final Casework casework;

    PersonCases(JdbcClient jdbc, Casework casework) {
        this.jdbc = jdbc;
        this.casework = casework;
    }

    /** The person's other cases the member may open, newest first, and how many more are in areas they do not work in. */
    @Transactional(readOnly = true)
    public CaseScope.Shown<PersonCase> otherCasesOf(CaseScope scope, String idOrReference) {
        CaseView view = casework.get(scope.organisation(), idOrReference);
        ComplainantKeys keys = ComplainantKeys.of(view.complainant());
        List<String> matches = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", scope.organisation());
        params.put("self", UUID.fromString(view.id()));
        if (keys.email() != null) {
            matches.add("email_key = :email");
            params.put("email", keys.email());
        }
        if (keys.phone() != null) {
            matches.add("phone_key = :phone");
            params.put("phone", keys.phone());
        }
        if (keys.address() != null) {
            matches.add("(name_key = :name and address_key = :address)");
            params.put("name", keys.name());
            params.put("address", keys.address());
        }
        if (matches.isEmpty()) {
            return new CaseScope.Shown<>(List.of(), 0);
        }
        var statement = jdbc.sql("""
                select reference, record_type, received_at, status, service_area, subject,
                       %s as same_email, %s as same_phone, %s as same_address
                from casework.case_file
                where organisation = :org and id <> :self and (%s)
                order by received_at desc, reference limit %d
                """.formatted(keys.email() == null ? "false" : "coalesce(email_key = :email, false)",
                keys.phone() == null ? "false" : "coalesce(phone_key = :phone, false)",
                keys.address() == null ? "false" : "coalesce(name_key = :name and address_key = :address, false)",
                String.join(" or ", matches), LIMIT));
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<PersonCase> found = statement.query((rs, n) -> {
            List<String> why = new ArrayList<>();
            if (rs.getBoolean("same_email")) why.add("same email");
            if (rs.getBoolean("same_phone")) why.add("same phone number");
            if (rs.getBoolean("same_address")) why.add("same name and address");
            return new PersonCase(rs.getString("reference"), rs.getString("record_type"),
                    rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("status"), rs.getString("service_area"),
                    rs.getString("subject"), why);
        }).list();
        List<PersonCase> open = found.stream().filter(c -> scope.mayOpen(c.serviceArea())).toList();
        return new CaseScope.Shown<>(open, found.size() - open.size());
    }
}
