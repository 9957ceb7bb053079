package org.redress.accounts;

import org.jspecify.annotations.Nullable;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one place that says who holds which role of an organisation's policy pack ({@code group-chief-executive},
 * {@code client-services-manager}, {@code complaint-management-officer}): the pack names roles in its own words, and
 * a decision, an owner or a notice it gives to a role goes to the members who hold it (F-10, T-4, T-5, H-6, A-3, F-13).
 * An administrator gives each member the pack roles they hold (kept with the membership). Until they do, a member
 * holds the pack roles their account role implies ({@link #impliedBy}): a director is the {@code director}; a feedback
 * manager or complaint management officer a {@code local-manager} and a {@code service-manager}; a feedback manager
 * the {@code feedback-manager}; a complaint management officer the {@code complaint-management-officer}; a case worker
 * the {@code case-worker}. Every other pack role (a chief executive, a review panel) is held only when given. An
 * administrator, and an installation operator who is no member, holds none by their account role.
 */
@Service
public class PackRoles {

    private static final Map<String, Set<Role>> IMPLIED = Map.of(
            "director", Set.of(Role.DIRECTOR),
            "local-manager", Set.of(Role.FEEDBACK_MANAGER, Role.COMPLAINT_MANAGEMENT_OFFICER),
            "service-manager", Set.of(Role.FEEDBACK_MANAGER, Role.COMPLAINT_MANAGEMENT_OFFICER),
            "feedback-manager", Set.of(Role.FEEDBACK_MANAGER),
            "complaint-management-officer", Set.of(Role.COMPLAINT_MANAGEMENT_OFFICER),
            "case-worker", Set.of(Role.CASE_WORKER));

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final PolicyPacks packs;

    PackRoles(JdbcClient jdbc, Organisations organisations, PolicyPacks packs) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.packs = packs;
    }

    /** A role of the organisation's active pack, in its words, and the members who hold it now. */
    public record PackRole(String id, String name, List<String> heldBy) {
    }

    /** The pack roles an account role implies, for a member whose pack roles nobody has chosen. */
    public static Set<String> impliedBy(Role role) {
        return IMPLIED.entrySet().stream().filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A pack role id as words: {@code local-manager} is "local manager". */
    public static String words(String packRole) {
        return packRole.replace('-', ' ').toLowerCase(Locale.UK);
    }

    /** The pack roles this person holds in the organisation: none if they are no member of it. */
    @Transactional(readOnly = true)
    public Set<String> heldBy(String organisation, String username) {
        return jdbc.sql("select role, pack_roles from accounts.membership where organisation = ? and username = ?")
                .params(organisation, username)
                .query((rs, n) -> held(Role.valueOf(rs.getString(1)), rs.getArray(2)))
                .optional().orElse(Set.of());
    }

    /** Whether this person holds the pack role in the organisation. */
    public boolean holds(String organisation, String username, String packRole) {
        return heldBy(organisation, username).contains(packRole);
    }

    /** The members of the organisation who hold the pack role, by username. */
    @Transactional(readOnly = true)
    public List<String> holders(String organisation, String packRole) {
        List<String> implied = IMPLIED.getOrDefault(packRole, Set.of()).stream().map(Role::name).toList();
        return jdbc.sql("""
                select username from accounts.membership
                where organisation = ? and (pack_roles @> array[?]::text[] or (pack_roles is null and role = any(?)))
                order by username
                """).params(organisation, packRole, implied.toArray(String[]::new)).query(String.class).list();
    }

    /** A member to send a notice to, at the address this organisation's notices to them go to. */
    public record Recipient(String username, String displayName, String email) {
    }

    /** The holders of the pack role who have a notice address, by username (T-5). */
    @Transactional(readOnly = true)
    public List<Recipient> noticeRecipients(String organisation, String packRole) {
        List<String> holders = holders(organisation, packRole);
        return jdbc.sql("""
                select m.username, u.display_name, m.notice_email from accounts.membership m join accounts.staff_user u using (username)
                where m.organisation = ? and m.username = any(?) and m.notice_email is not null order by m.username
                """).params(organisation, holders.toArray(String[]::new))
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The roles of the organisation's active pack, each with who holds it (none if it has no active pack). */
    @Transactional(readOnly = true)
    public List<PackRole> ofPack(String organisation) {
        return roles(organisation).stream().map(r -> new PackRole(r.id(), r.name(), holders(organisation, r.id()))).toList();
    }

    /** The roles the organisation's active pack names. */
    public List<PolicyPack.Role> roles(String organisation) {
        return activePack(organisation).map(PolicyPack::roles).orElse(List.of());
    }

    /** The name the organisation's active pack gives a role, or the role id in words if it has none. */
    public String name(String organisation, String packRole) {
        return activePack(organisation).flatMap(p -> p.role(packRole)).map(PolicyPack.Role::name).orElse(words(packRole));
    }

    private Optional<PolicyPack> activePack(String organisation) {
        return organisations.find(organisation).flatMap(o -> packs.active(o.policyPack()));
    }

    /** Whether the member's pack roles were chosen by an administrator (else they follow the account role). */
    public boolean chosen(String organisation, String username) {
        return jdbc.sql("select pack_roles is not null from accounts.membership where organisation = ? and username = ?")
                .params(organisation, username).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Sets exactly the member's pack roles; null goes back to those their account role implies. Unchecked, for setting up
     * an installation (demo data, tests): an administrator's choice goes through {@link Team#setPackRoles}, which checks
     * the roles against the pack.
     */
    public void set(String organisation, String username, @Nullable Set<String> packRoles) {
        jdbc.sql("update accounts.membership set pack_roles = ? where organisation = ? and username = ?")
                .params(packRoles == null ? null : new TreeSet<>(packRoles).toArray(String[]::new), organisation, username).update();
    }

    static Set<String> held(Role role, java.sql.@Nullable Array chosen) throws java.sql.SQLException {
        return chosen == null ? impliedBy(role) : new LinkedHashSet<>(Arrays.asList((String[]) chosen.getArray()));
    }
}
