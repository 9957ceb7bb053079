package org.redress.accounts;

import org.jspecify.annotations.Nullable;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The manager of each service area of an organisation, set by its administrators (A-3: Alliance Homes' stage 1 is owned
 * by "the manager of the service area the complaint falls into"). Where the pack routes a stage's owner by service area,
 * the manager must hold that stage's role ({@link PackRoles}), and a case logged in the area is given to them.
 */
@Service
public class AreaManagers {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final PackRoles packRoles;
    private final Clock clock;

    AreaManagers(JdbcClient jdbc, Organisations organisations, PolicyPacks packs, PackRoles packRoles, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.packs = packs;
        this.packRoles = packRoles;
        this.clock = clock;
    }

    /**
     * A service area and its manager.
     *
     * @param manager the manager's username, or null if none is set
     * @param role    the pack role its manager must hold (the owner role of a stage routed by area), or null if the
     *                pack routes no stage by area
     * @param holders the members who hold that role, to choose from
     */
    public record AreaManager(String serviceArea, @Nullable String manager, @Nullable String role, @Nullable String roleName,
                              List<String> holders) {
    }

    /** Every service area of the organisation with its manager. */
    @Transactional(readOnly = true)
    public List<AreaManager> list(String organisation) {
        Organisation org = organisations.require(organisation);
        Map<String, String> set = jdbc.sql("select service_area, username from accounts.area_manager where organisation = ?")
                .param(organisation).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Optional<String> role = routedRole(org);
        List<String> holders = role.map(r -> packRoles.holders(organisation, r)).orElse(List.of());
        return org.serviceAreas().stream().map(area -> new AreaManager(area, set.get(area), role.orElse(null),
                role.map(r -> packRoles.name(organisation, r)).orElse(null), holders)).toList();
    }

    /** The manager of the service area, if one is set. */
    @Transactional(readOnly = true)
    public Optional<String> managerOf(String organisation, String serviceArea) {
        return jdbc.sql("select username from accounts.area_manager where organisation = ? and service_area = ?")
                .params(organisation, serviceArea).query(String.class).optional();
    }

    /** Sets (or, with null, clears) the manager of a service area: a member who holds the role the pack routes by area. */
    @Transactional
    public AreaManager set(String organisation, String serviceArea, @Nullable String manager, String setBy) {
        Organisation org = organisations.require(organisation);
        if (!org.serviceAreas().contains(serviceArea)) {
            throw new NotFoundException("serviceArea", "'" + serviceArea + "' is not a service area of " + org.name()
                    + "; its areas are " + org.serviceAreas());
        }
        if (manager == null || manager.isBlank()) {
            jdbc.sql("delete from accounts.area_manager where organisation = ? and service_area = ?").params(organisation, serviceArea).update();
        } else {
            String username = manager.strip();
            long member = jdbc.sql("select count(*) from accounts.membership where organisation = ? and username = ?")
                    .params(organisation, username).query(Long.class).single();
            if (member == 0) {
                throw new InvalidInputException("manager", "'" + username + "' is not a member of " + org.name());
            }
            Optional<String> role = routedRole(org);
            if (role.isPresent() && !packRoles.holds(organisation, username, role.get())) {
                throw new RefusedException(username + " does not hold the role of " + packRoles.name(organisation, role.get())
                        + ", which the manager of a service area must hold (an administrator gives it on the team page)", "A-3", "manager");
            }
            jdbc.sql("""
                    insert into accounts.area_manager (organisation, service_area, username, set_by, set_at) values (?, ?, ?, ?, ?)
                    on conflict (organisation, service_area) do update set username = excluded.username, set_by = excluded.set_by,
                        set_at = excluded.set_at
                    """).params(organisation, serviceArea, username, setBy, clock.instant().atOffset(ZoneOffset.UTC)).update();
        }
        return list(organisation).stream().filter(a -> a.serviceArea().equals(serviceArea)).findFirst().orElseThrow();
    }

    /** The owner role of the first stage the organisation's active pack routes by service area. */
    private Optional<String> routedRole(Organisation org) {
        return packs.active(org.policyPack()).flatMap(p -> p.stages().stream()
                .filter(s -> s.ownerRoutedBy() == PolicyPack.OwnerRouting.SERVICE_AREA).map(PolicyPack.Stage::owner).findFirst());
    }
}
