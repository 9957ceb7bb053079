package org.redress.staffui;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.accounts.Accounts;
import org.redress.accounts.Permissions;
import org.redress.accounts.Role;
import org.redress.testing.TestClockConfiguration;
import org.redress.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One staff layout (issue 21): every staff page is reachable from the menu (within two links) for each role that may open it, and the
 * menu offers no page the role would be refused. Walks the permission matrix over every staff page Spring maps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class StaffMenuIT {

    private static final String ORG = "alliance-homes";
    private static final Pattern MENU = Pattern.compile("<nav aria-label=\"Staff pages\".*?</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"[^>]*>\\s*(?:<strong[^>]*>)?([^<]+)<");
    private static final Pattern HREF = Pattern.compile("href=\"(/staff/[^\"?#]+)");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void aMemberOfEachRole() {
        for (Role role : Role.values()) {
            accounts.ensure(username(role), role.label(), "menu-" + role.name().toLowerCase(Locale.ROOT) + "-pass", false, Map.of(ORG, role));
        }
    }

    @Test
    void eachRoleSeesExactlyThePagesItMayUseInTheMenu() {
        assertThat(menuOf(Role.CASE_WORKER)).containsOnlyKeys("My work", "Register", "Log a contact", "Actions", "Lessons", "Reports", "Outbox",
                "Restrictions", "Equality");
        assertThat(menuOf(Role.DIRECTOR)).containsOnlyKeys("My work", "Register", "Log a contact", "Actions", "Lessons", "Reports", "Outbox",
                "Restrictions", "Equality");
        assertThat(menuOf(Role.COMPLAINT_MANAGEMENT_OFFICER)).containsOnlyKeys("My work", "Register", "Log a contact", "Actions", "Lessons",
                "Reports", "Outbox", "Restrictions", "Equality", "Import");
        assertThat(menuOf(Role.BOARD_MEMBER)).containsOnlyKeys("My work", "Register", "Actions", "Lessons", "Reports", "Outbox", "Restrictions");
        assertThat(menuOf(Role.ADMINISTRATOR)).containsOnlyKeys("My work", "Register", "Log a contact", "Actions", "Lessons", "Reports", "Outbox",
                "Mailboxes", "Restrictions", "Equality", "Import", "Team", "Lists", "Privacy");
        // in the order of the work: my work first, the administrator's pages last
        assertThat(List.copyOf(menuOf(Role.ADMINISTRATOR).keySet())).containsExactly("My work", "Register", "Log a contact", "Actions", "Lessons",
                "Reports", "Outbox", "Mailboxes", "Restrictions", "Equality", "Import", "Team", "Lists", "Privacy");
    }

    @Test
    void everyPageARoleMayOpenIsInItsMenuOrLinkedFromAPageInItAndEveryMenuLinkOpens() {
        Set<String> staffPages = staffPagesOfTheOrganisation();
        assertThat(staffPages).as("the staff pages Spring maps").contains("/staff/" + ORG, "/staff/" + ORG + "/reports",
                "/staff/" + ORG + "/team");
        for (Role role : Role.values()) {
            WebSession session = signedIn(role);
            Map<String, String> menu = menu(session.get("/staff/" + ORG).body());
            Set<String> reachable = new TreeSet<>(menu.values());
            for (String href : menu.values()) {
                WebSession.Page page = session.get(href);
                assertThat(page.status()).as(role + " opens " + href + " from the menu").isEqualTo(200);
                assertThat(menu(page.body())).as(role + ": the page at " + href + " has the same menu").isEqualTo(menu);
                Matcher links = HREF.matcher(page.body());
                while (links.find()) {
                    reachable.add(links.group(1));
                }
            }
            // and one step further among the staff pages themselves (the what-if page's "make a draft", for example)
            for (String page : new TreeSet<>(reachable)) {
                if (staffPages.contains(page) && !menu.containsValue(page)) {
                    WebSession.Page opened = session.get(page);
                    if (opened.status() == 200) {
                        Matcher links = HREF.matcher(opened.body());
                        while (links.find()) {
                            reachable.add(links.group(1));
                        }
                    }
                }
            }
            for (String page : staffPages) {
                boolean mayOpen = Permissions.forRoute("GET", page, Map.of())
                        .map(rule -> rule instanceof Permissions.Requirement r && Permissions.allows(role, r.permission())).orElse(false);
                if (mayOpen) {
                    assertThat(reachable).as(role + " reaches " + page + " from the menu").contains(page);
                } else {
                    assertThat(menu.values()).as(role + " is not offered " + page).doesNotContain(page);
                }
            }
        }
    }

    /**
     * The staff pages with no variable but the organisation, as this organisation's addresses; without the cases behind
     * a report's figure, which is opened from that figure (it needs to be told which).
     */
    private Set<String> staffPagesOfTheOrganisation() {
        Set<String> pages = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!info.getMethodsCondition().getMethods().isEmpty()
                    && info.getMethodsCondition().getMethods().stream().noneMatch(m -> m.name().equals("GET"))) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/staff/{organisation}") && pattern.indexOf('{', 1) == pattern.lastIndexOf('{')
                        && !pattern.endsWith(".csv") && !pattern.endsWith(".xlsx") && !pattern.endsWith(".pdf")
                        && !pattern.equals("/staff/{organisation}/reports/cases")) {
                    pages.add(pattern.replace("{organisation}", ORG));
                }
            }
        });
        return pages;
    }

    private Map<String, String> menuOf(Role role) {
        return menu(signedIn(role).get("/staff/" + ORG).body());
    }

    private static Map<String, String> menu(String body) {
        Matcher nav = MENU.matcher(body);
        assertThat(nav.find()).as("the page has the staff menu").isTrue();
        Map<String, String> links = new java.util.LinkedHashMap<>();
        Matcher link = LINK.matcher(nav.group());
        while (link.find()) {
            links.put(link.group(2).trim(), link.group(1));
        }
        return links;
    }

    private WebSession signedIn(Role role) {
        WebSession session = new WebSession(port);
        session.signIn(username(role), "menu-" + role.name().toLowerCase(Locale.ROOT) + "-pass");
        return session;
    }

    private static String username(Role role) {
        return "menu." + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
