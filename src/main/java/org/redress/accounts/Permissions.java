package org.redress.accounts;

import org.jspecify.annotations.Nullable;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;
import static org.redress.accounts.Permission.*;

/**
 * The permission matrix: which role may do what, and what each route needs. The only place these are decided; the
 * access check asks it about the route Spring matched (its pattern, with Spring's decoded path variables), never the
 * raw address, and refuses any route it does not name. The pages ask it which forms to show.
 */
public final class Permissions {

    private static final Map<Role, Set<Permission>> MATRIX = new EnumMap<>(Role.class);

    static {
        // special category data goes to the roles that handle the person's case, never to the Board (docs/security.md)
        MATRIX.put(Role.CASE_WORKER, EnumSet.of(VIEW_CASES, LOG_CONTACT, WORK_CASE, EXTEND, VIEW_SPECIAL_CATEGORY));
        MATRIX.put(Role.COMPLAINT_MANAGEMENT_OFFICER, EnumSet.of(VIEW_CASES, LOG_CONTACT, WORK_CASE, EXTEND, ESCALATE, DECIDE,
                VIEW_SPECIAL_CATEGORY, IMPORT));
        MATRIX.put(Role.FEEDBACK_MANAGER, EnumSet.of(VIEW_CASES, LOG_CONTACT, WORK_CASE, EXTEND, ESCALATE, DECIDE, VIEW_SPECIAL_CATEGORY));
        MATRIX.put(Role.DIRECTOR, EnumSet.of(VIEW_CASES, LOG_CONTACT, WORK_CASE, EXTEND, ESCALATE, DECIDE, VIEW_SPECIAL_CATEGORY));
        MATRIX.put(Role.ADMINISTRATOR, EnumSet.allOf(Permission.class));
        MATRIX.put(Role.BOARD_MEMBER, EnumSet.of(VIEW_CASES));
    }

    /**
     * Case verbs by their one name (API path segment, staff page action, name in {@code allowedActions}): a copy of
     * the permissions in casework's transition table {@code CaseVerb}, which accounts cannot read (casework depends on
     * accounts); casework's {@code CaseVerbTableTest} fails if the two differ in any verb.
     */
    private static final Map<String, Permission> VERBS = Map.ofEntries(
            entry("acknowledge", WORK_CASE), entry("assign", WORK_CASE), entry("points", WORK_CASE),
            entry("understanding", WORK_CASE), entry("evidence", WORK_CASE), entry("contact", WORK_CASE),
            entry("steps", WORK_CASE), entry("extend", EXTEND), entry("hold", WORK_CASE), entry("resume", WORK_CASE),
            entry("respond", WORK_CASE), entry("escalation-request", ESCALATE), entry("accept-escalation", ESCALATE),
            entry("refuse-escalation", ESCALATE), entry("close", DECIDE), entry("reopen", DECIDE), entry("withdraw", DECIDE),
            entry("decline", DECIDE), entry("tenure", WORK_CASE), entry("reclassify", DECIDE), entry("investigate-anyway", DECIDE),
            entry("mediation", WORK_CASE), entry("contact-arrangement", WORK_CASE),
            entry("summary-resolution", WORK_CASE), entry("service-line", WORK_CASE));

    /**
     * Parts of a case kept by other modules (CaseSection): what changing them needs (a module may check more itself,
     * e.g. payment limits), and what reading them needs.
     */
    private static final Map<String, Permission> SECTION_CHANGES = Map.ofEntries(
            entry("remedies", WORK_CASE), entry("satisfaction", WORK_CASE), entry("hazards", WORK_CASE),
            entry("ombudsman", DECIDE), entry("staff-concerns", DECIDE), entry("lessons", DECIDE),
            entry("restrictions", DECIDE), entry("equality", LOG_CONTACT), entry("privacy", ADMINISTER),
            // the person's reasonable adjustments (T-1): recorded and agreed by whoever works the case
            entry("adjustments", WORK_CASE),
            // files uploaded on the case or its evidence (S0-6), and the calls a letter asks for: issue 21
            entry("attachments", WORK_CASE), entry("calls", WORK_CASE));

    private static final Map<String, Permission> SECTION_READS = Map.ofEntries(
            entry("letters", VIEW_CASES), entry("similar", VIEW_CASES), entry("attachments", VIEW_CASES), entry("calls", VIEW_CASES),
            entry("remedies", VIEW_CASES), entry("hazards", VIEW_CASES), entry("ombudsman", VIEW_CASES),
            entry("lessons", VIEW_CASES), entry("restrictions", VIEW_CASES),
            // special category data as a whole (docs/security.md)
            entry("equality", VIEW_SPECIAL_CATEGORY), entry("staff-concerns", VIEW_SPECIAL_CATEGORY),
            entry("adjustments", VIEW_SPECIAL_CATEGORY),
            // the person's other cases (F-7): whoever may read this case may see them
            entry("their-cases", VIEW_CASES),
            // the person's data rights on one case
            entry("privacy", ADMINISTER));

    /**
     * Organisation-wide areas ({@code /api/v1/organisations/{org}/{area}/...} or {@code /staff/{org}/{area}/...}):
     * what reading them needs. Personal data in bulk (issue 9), the team and the audit need {@link Permission#ADMINISTER}.
     */
    private static final Map<String, Permission> AREA_READS = Map.ofEntries(
            entry("cases", VIEW_CASES), entry("contacts", VIEW_CASES), entry("actions", VIEW_CASES), entry("closure-days", VIEW_CASES),
            entry("hazard-settings", VIEW_CASES), entry("hazards", VIEW_CASES), entry("lessons", VIEW_CASES), entry("letters", VIEW_CASES),
            entry("ombudsman", VIEW_CASES), entry("outbox", VIEW_CASES), entry("remedies", VIEW_CASES), entry("reports", VIEW_CASES),
            entry("restrictions", VIEW_CASES),
            // the complaint and compliment register (issue 21, S0-9): every record, to whoever may read cases
            entry("register", VIEW_CASES),
            // replaying the organisation's cases under a draft procedure: complaint managers and directors (issue 25)
            entry("what-if", DECIDE),
            entry("equality", VIEW_SPECIAL_CATEGORY),
            entry("audit", ADMINISTER), entry("privacy", ADMINISTER), entry("retention", ADMINISTER), entry("legal-holds", ADMINISTER),
            entry("subject-access", ADMINISTER), entry("privacy-requests", ADMINISTER), entry("staff", ADMINISTER),
            entry("team", ADMINISTER), entry("policies", ADMINISTER),
            // the controlled lists (issue 20): every member of staff files cases by them; administrators change them
            entry("lists", VIEW_CASES),
            // bringing a register in (issue 20): reading its jobs and results is as sensitive as the file
            entry("imports", IMPORT),
            // the connected mailboxes and why one cannot be read (issue 24): administrators, who set them up
            entry("mailboxes", ADMINISTER));

    /**
     * Staff pages that need more than reading their area through the API: the lists page is where an administrator
     * changes the lists (issue 20), while any member may read them through the API. The register's page is read by
     * whoever may read cases, as its API (issue 21).
     */
    private static final Map<String, Permission> STAFF_PAGE_READS = Map.of("lists", ADMINISTER, "register", VIEW_CASES);

    /** ... and what changing them needs; an area named here only for reading needs {@link Permission#ADMINISTER} to change. */
    private static final Map<String, Permission> AREA_CHANGES = Map.of(
            "lessons", DECIDE, "restrictions", DECIDE, "remedies", WORK_CASE, "ombudsman", DECIDE, "hazards", WORK_CASE,
            "what-if", DECIDE,
            "imports", IMPORT);

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

    /** What a route needs before its controller is called. */
    public sealed interface Rule permits Open, SignedIn, Operator, Requirement {
    }

    /** Anyone, signed in or not: the public pages, sign-in, the API's description, the error page. */
    public record Open() implements Rule {
    }

    /** Any signed-in member of staff: their own account, the calendar, reading procedures, their API tokens. */
    public record SignedIn() implements Rule {
    }

    /** The installation's operator only (an account of every organisation): new organisations, any pack. */
    public record Operator() implements Rule {
    }

    /** A member of the organisation whose role has the permission (an outsider is answered as if it did not exist). */
    public record Requirement(String organisation, Permission permission) implements Rule {
    }

    /** Routes outside any one organisation, by method and path (variables as {@code *}). */
    private static final Map<String, Rule> INSTALLATION_ROUTES = Map.ofEntries(
            entry("GET /", new Open()), entry("GET /error", new Open()), entry("GET /sign-in", new Open()),
            entry("GET /sign-in/refused", new Open()),
            // GOV.UK Notify's delivery receipts (issue 24): no member signs in; the controller checks the organisation's callback token
            entry("POST /notify/*/receipts", new Open()),
            entry("GET /staff", new SignedIn()), entry("GET /account/password", new SignedIn()),
            entry("POST /account/password", new SignedIn()),
            entry("GET /api/v1/calendars", new SignedIn()), entry("GET /api/v1/calendars/*/deadline", new SignedIn()),
            entry("GET /api/v1/calendars/*/holidays", new SignedIn()), entry("GET /api/v1/calendars/*/working-days/add", new SignedIn()),
            entry("GET /api/v1/calendars/*/working-days/between", new SignedIn()),
            entry("GET /api/v1/tokens", new SignedIn()), entry("POST /api/v1/tokens", new SignedIn()),
            entry("DELETE /api/v1/tokens/*", new SignedIn()),
            entry("GET /api/v1/invitations", new SignedIn()), entry("POST /api/v1/invitations/*/accept", new SignedIn()),
            entry("POST /api/v1/invitations/*/decline", new SignedIn()),
            entry("POST /account/invitations/*/accept", new SignedIn()), entry("POST /account/invitations/*/decline", new SignedIn()),
            entry("GET /api/v1/organisations", new SignedIn()), entry("POST /api/v1/organisations", new Operator()),
            entry("GET /api/v1/policies", new SignedIn()), entry("GET /api/v1/policies/*", new SignedIn()),
            entry("GET /api/v1/policies/*/compliance", new SignedIn()), entry("POST /api/v1/policies", new Operator()),
            entry("POST /api/v1/policies/*/versions/*/activate", new Operator()));

    /**
     * What a route needs, from its pattern as Spring matched it ({@code /api/v1/organisations/{organisation}/cases})
     * and the values of its variables as Spring decoded them for the controller. Empty for a route the matrix does not
     * name: such a request is refused, whoever asks.
     */
    public static Optional<Rule> forRoute(String method, String pattern, Map<String, String> variables) {
        String[] parts = pattern.split("/", -1);
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = variableName(part);
                String value = variables.get(name);
                if (value == null || value.contains("/")) {
                    return Optional.empty();
                }
                parts[i] = value;
                part = "*";
            }
            shape.append(i == 0 ? "" : "/").append(part);
        }
        if (pattern.startsWith("/o/") || pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui")
                || pattern.equals("/api")) {
            return Optional.of(new Open());
        }
        Rule installation = INSTALLATION_ROUTES.get(method + " " + (shape.isEmpty() ? "/" : shape));
        return installation != null ? Optional.of(installation) : forRequest(method, String.join("/", parts));
    }

    /**
     * What a request to {@code /api/v1/organisations/{org}/...} or {@code /staff/{org}/...} needs, given its path with
     * every segment decoded; empty for any other path, or a part of an organisation the matrix does not name.
     * Reading needs the area's or the case section's read permission; logging a contact {@link Permission#LOG_CONTACT};
     * a case verb its own permission; a change to a named area its change permission, else {@link Permission#ADMINISTER}.
     */
    public static Optional<Rule> forRequest(String method, String path) {
        String[] parts = path.split("/", -1);
        // ["", "api", "v1", "organisations", org, ...] or ["", "staff", org, ...]
        int orgIndex;
        if (parts.length >= 5 && parts[0].isEmpty() && parts[1].equals("api") && parts[2].equals("v1") && parts[3].equals("organisations")) {
            orgIndex = 4;
        } else if (parts.length >= 3 && parts[0].isEmpty() && parts[1].equals("staff")) {
            orgIndex = 2;
        } else {
            return Optional.empty();
        }
        String organisation = parts[orgIndex];
        if (organisation.isEmpty()) {
            return Optional.empty();
        }
        boolean reading = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        String area = segment(parts, orgIndex + 1);
        if (area == null) {
            // the organisation itself: its record, its staff start page
            return reading && parts.length <= orgIndex + 2 ? requirement(organisation, VIEW_CASES) : Optional.empty();
        }
        if (!AREA_READS.containsKey(area)) {
            return Optional.empty();
        }
        boolean caseArea = area.equals("cases") || area.equals("contacts");
        String caseRef = caseArea ? segment(parts, orgIndex + 2) : null;
        String section = caseArea ? segment(parts, orgIndex + 3) : null;
        boolean newContact = caseArea && (caseRef == null || caseRef.equals("new") || caseRef.equals("check") || caseRef.equals("checks"));
        if (reading) {
            if (newContact && caseRef != null && section == null) {
                // the form for logging a contact, and its checks: only for those who may log one (issue 21)
                return requirement(organisation, LOG_CONTACT);
            }
            if (section != null) {
                return Optional.ofNullable(SECTION_READS.get(section)).map(p -> new Requirement(organisation, p));
            }
            return requirement(organisation, orgIndex == 2 ? STAFF_PAGE_READS.getOrDefault(area, AREA_READS.get(area)) : AREA_READS.get(area));
        }
        if (caseArea) {
            if (newContact) {
                return requirement(organisation, LOG_CONTACT);
            }
            if (section == null) {
                return Optional.empty();
            }
            Permission needed = VERBS.containsKey(section) ? VERBS.get(section) : SECTION_CHANGES.get(section);
            return Optional.ofNullable(needed).map(p -> new Requirement(organisation, p));
        }
        return requirement(organisation, AREA_CHANGES.getOrDefault(area, ADMINISTER));
    }

    private static Optional<Rule> requirement(String organisation, Permission permission) {
        return Optional.of(new Requirement(organisation, permission));
    }

    private static @Nullable String segment(String[] parts, int index) {
        return index < parts.length && !parts[index].isEmpty() ? parts[index] : null;
    }

    /** "{ref}" as "ref", "{*rest}" as "rest", "{name:[a-z]+}" as "name": without compiling a pattern on every request. */
    static String variableName(String part) {
        String inner = part.substring(1, part.length() - 1);
        int colon = inner.indexOf(':');
        String name = colon < 0 ? inner : inner.substring(0, colon);
        return name.startsWith("*") ? name.substring(1) : name;
    }
}
