package org.redress.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The organisations of this installation; other modules look them up here. */
@Service
public class Organisations {

    private final JdbcClient jdbc;
    /**
     * Every API request looks its organisation up. Organisations are added but never changed or removed here, so one
     * found is kept for a short while; one not found is not remembered, so a new organisation is seen at once.
     */
    private final Cache<String, Organisation> found = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    private final ApplicationEventPublisher events;

    Organisations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Organisation> find(String code) {
        Organisation known = found.getIfPresent(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Organisation> read = read(code);
        read.ifPresent(o -> found.put(code, o));
        return read;
    }

    private Optional<Organisation> read(String code) {
        return jdbc.sql("select code, name, reference_prefix, policy_pack, service_areas from people.organisation where code = ?")
                .param(code).query(Organisations::map).optional();
    }

    /** The organisation, or a 404 naming the {@code organisation} parameter. */
    public Organisation require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("organisation", "no organisation '" + code + "'"));
    }

    /** Where the organisation's complaints team receives mail; managers are told of missed deadlines here. */
    public Optional<String> complaintsEmail(String code) {
        return jdbc.sql("select complaints_email from people.organisation where code = ?").param(code)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    public List<Organisation> all() {
        return jdbc.sql("select code, name, reference_prefix, policy_pack, service_areas from people.organisation order by name")
                .query(Organisations::map).list();
    }

    /** Adds an organisation; an existing code is refused, so nothing is overwritten. */
    @Transactional
    public Organisation create(Organisation organisation) {
        List<FieldError> errors = new ArrayList<>();
        if (!organisation.code().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.add(new FieldError("code", "must be lower-case letters, digits and hyphens, up to 63 characters"));
        }
        if (organisation.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        }
        if (!organisation.referencePrefix().matches("[A-Z0-9]{1,6}")) {
            errors.add(new FieldError("referencePrefix", "must be 1 to 6 capital letters or digits"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String prefixOwner = jdbc.sql("select code from people.organisation where reference_prefix = ?")
                .param(organisation.referencePrefix()).query(String.class).optional().orElse(null);
        if (prefixOwner != null) {
            // references must name one organisation: a second user of a prefix could be mistaken for the first
            throw new InvalidInputException("referencePrefix", "'" + organisation.referencePrefix() + "' is already used by another organisation");
        }
        int inserted = jdbc.sql("""
                insert into people.organisation (code, name, reference_prefix, policy_pack, service_areas)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """)
                .params(organisation.code(), organisation.name(), organisation.referencePrefix(), organisation.policyPack(),
                        organisation.serviceAreas().toArray(String[]::new))
                .update();
        if (inserted == 0 && !jdbc.sql("select exists (select 1 from people.organisation where code = ?)")
                .param(organisation.code()).query(Boolean.class).single()) {
            throw new InvalidInputException("referencePrefix", "'" + organisation.referencePrefix() + "' is already used by another organisation");
        }
        if (inserted == 0) {
            throw new InvalidInputException("code", "an organisation '" + organisation.code() + "' already exists");
        }
        events.publishEvent(new OrganisationAdded(organisation));
        return organisation;
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        Array areas = rs.getArray(5);
        return new Organisation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                areas == null ? List.of() : Arrays.asList((String[]) areas.getArray()));
    }
}
