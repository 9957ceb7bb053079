package org.redress.accounts;

import org.jspecify.annotations.Nullable;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.redress.accounts.Permission.*;

/**
 * The permission matrix: which role may do what, and which permission each case verb and each HTTP request
 * needs. The only place these are decided; the security filter checks every request against it and the pages
 * ask it which forms to show.
 */
public final class Permissions {

    private static final Map<Role, Set<Permission>> MATRIX = new EnumMap<>(Role.class);

    static {
        // special category data goes to the roles that handle the person's case, never to the Board (docs/security.md)
        MATRIX.put(Role.CASE_WORKER, EnumSet.of(VIEW_CASES, LOG_CONTACT, WORK_CASE, EXTEND, VIEW_SPECIAL_CATEGORY));
        MATRIX.put(Role.COMPLAINT_MANAGEMENT_OFFICER, EnumSet.of(VIEW_CASES, LOG_CONTACT, WORK_CASE, EXTEND, ESCALATE, DECIDE,
                VIEW_SPECIAL_CATEGORY));
        MATRIX.put(Role.FEEDBACK_MANAGER, EnumSet.of(VIEW_CASES, LOG_CONTACT, WORK_CASE, EXTEND, ESCALATE, DECIDE, VIEW_SPECIAL_CATEGORY));
        MATRIX.put(Role.DIRECTOR, EnumSet.of(VIEW_CASES, LOG_CONTACT, WORK_CASE, EXTEND, ESCALATE, DECIDE, VIEW_SPECIAL_CATEGORY));
        MATRIX.put(Role.ADMINISTRATOR, EnumSet.allOf(Permission.class));
        MATRIX.put(Role.BOARD_MEMBER, EnumSet.of(VIEW_CASES));
    }

    /** Case verbs by both their API path segment and their name in {@code CaseView.allowedActions}. */
    private static final Map<String, Permission> VERBS = Map.ofEntries(
            Map.entry("acknowledge", WORK_CASE), Map.entry("assign", WORK_CASE),
            Map.entry("points", WORK_CASE), Map.entry("add-point", WORK_CASE),
            Map.entry("understanding", WORK_CASE), Map.entry("record-understanding", WORK_CASE),
            Map.entry("evidence", WORK_CASE), Map.entry("record-evidence", WORK_CASE),
            Map.entry("contact", WORK_CASE), Map.entry("record-contact", WORK_CASE),
            Map.entry("steps", WORK_CASE), Map.entry("record-step", WORK_CASE),
            Map.entry("hold", WORK_CASE), Map.entry("resume", WORK_CASE), Map.entry("respond", WORK_CASE),
            Map.entry("tenure", WORK_CASE), Map.entry("record-tenure", WORK_CASE),
            Map.entry("extend", EXTEND),
            Map.entry("escalation-request", ESCALATE), Map.entry("request-escalation", ESCALATE),
            Map.entry("accept-escalation", ESCALATE), Map.entry("refuse-escalation", ESCALATE),
            Map.entry("close", DECIDE), Map.entry("reopen", DECIDE), Map.entry("withdraw", DECIDE),
            Map.entry("decline", DECIDE), Map.entry("reclassify", DECIDE),
            Map.entry("checks", LOG_CONTACT),
            // parts of a case kept by other modules (CaseSection); a module may check more itself (e.g. payment limits)
            Map.entry("remedies", WORK_CASE), Map.entry("satisfaction", WORK_CASE), Map.entry("hazards", WORK_CASE),
            Map.entry("ombudsman", DECIDE), Map.entry("staff-concerns", DECIDE), Map.entry("lessons", DECIDE),
            Map.entry("restrictions", DECIDE), Map.entry("equality", LOG_CONTACT));

    /**
     * Changes to organisation-wide lists kept by other modules ({@code /api/v1/organisations/{org}/{area}/...} or
     * {@code /staff/{org}/{area}/...}); any area not named here needs {@link Permission#ADMINISTER}.
     */
    private static final Map<String, Permission> AREAS = Map.of(
            "lessons", DECIDE, "restrictions", DECIDE, "remedies", WORK_CASE, "ombudsman", DECIDE, "hazards", WORK_CASE);

    /** Organisation-wide areas that even reading needs {@link Permission#ADMINISTER} for: personal data in bulk (issue 9), the team. */
    private static final Set<String> ADMINISTERED_READS = Set.of("privacy", "retention", "legal-holds", "subject-access",
            "privacy-requests", "staff", "team");

    /** Parts of a case that are special category data as a whole: reading them needs {@link Permission#VIEW_SPECIAL_CATEGORY}. */
    private static final Set<String> SPECIAL_CATEGORY_SECTIONS = Set.of("equality", "staff-concerns");

    private Permissions() {
    }

    public static boolean allows(Role role, Permission permission) {
        return MATRIX.get(role).contains(permission);
    }

    public static Set<Permission> of(Role role) {
        return EnumSet.copyOf(MATRIX.get(role));
    }

    /** The permission a case verb needs; an unknown verb needs the most (so a new verb is never left open). */
    public static Permission forVerb(String verb) {
        return VERBS.getOrDefault(verb, ADMINISTER);
    }

    /** The organisation an API or staff-page path belongs to and the permission the request needs. */
    public record Requirement(String organisation, Permission permission) {
    }

    /**
     * What a request to {@code /api/v1/organisations/{org}/...} or {@code /staff/{org}/...} needs; empty for any
     * other path. Reading needs {@link Permission#VIEW_CASES} (a special category section {@link
     * Permission#VIEW_SPECIAL_CATEGORY}, the audit {@link Permission#ADMINISTER}); logging a contact {@link Permission#LOG_CONTACT};
     * a case verb its own permission; any other change {@link Permission#ADMINISTER}.
     */
    public static Optional<Requirement> forRequest(String method, String path) {
        String[] parts = path.split("/");
        // ["", "api", "v1", "organisations", org, ...] or ["", "staff", org, ...]
        int orgIndex;
        if (parts.length >= 5 && parts[1].equals("api") && parts[2].equals("v1") && parts[3].equals("organisations")) {
            orgIndex = 4;
        } else if (parts.length >= 3 && parts[1].equals("staff") && !parts[2].isEmpty()) {
            orgIndex = 2;
        } else {
            return Optional.empty();
        }
        String organisation = parts[orgIndex];
        boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String area = segment(parts, orgIndex + 1);
        Permission needed;
        if (reading) {
            boolean specialSection = ("cases".equals(area) && SPECIAL_CATEGORY_SECTIONS.contains(String.valueOf(segment(parts, orgIndex + 3))))
                    || SPECIAL_CATEGORY_SECTIONS.contains(String.valueOf(area));
            boolean casePrivacy = "cases".equals(area) && "privacy".equals(segment(parts, orgIndex + 3));
            needed = "audit".equals(area) || casePrivacy || (area != null && ADMINISTERED_READS.contains(area)) ? ADMINISTER
                    : specialSection ? VIEW_SPECIAL_CATEGORY : VIEW_CASES;
        } else if ("cases".equals(area) || "contacts".equals(area)) {
            String caseRef = segment(parts, orgIndex + 2);
            String verb = segment(parts, orgIndex + 3);
            if (caseRef == null || caseRef.equals("new") || caseRef.equals("check")) {
                needed = LOG_CONTACT;
            } else if (caseRef.equals("checks")) {
                needed = LOG_CONTACT;
            } else {
                needed = verb == null ? ADMINISTER : forVerb(verb);
            }
        } else {
            needed = AREAS.getOrDefault(area == null ? "" : area, ADMINISTER);
        }
        return Optional.of(new Requirement(organisation, needed));
    }

    private static @Nullable String segment(String[] parts, int index) {
        return index < parts.length && !parts[index].isEmpty() ? parts[index] : null;
    }
}
