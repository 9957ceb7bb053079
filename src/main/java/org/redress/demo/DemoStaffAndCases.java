package org.redress.demo;

import org.redress.accounts.Accounts;
import org.redress.accounts.Role;
import org.redress.demo.generation.CaseGenerator;
import org.redress.policy.PolicyPacks;
import org.redress.reporting.ReadModel;
import org.redress.reporting.ReportSettings;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseQuery;
import org.redress.casework.CaseTypes.*;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Staff of every role for each of the four organisations (docs/web.md lists them) and a few cases in several states,
 * made through the casework facade like any other case. Cases are added only to an organisation that has none yet.
 */
@Component
@Profile("demo")
@Order(110)
class DemoStaffAndCases implements ApplicationRunner {

    static final String PASSWORD = "redress-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoStaffAndCases.class);
    private static final List<String> ORGANISATIONS = List.of("247-alliance", "alliance-homes", "helping-our-future", "the-trust");
    private static final Map<String, Role> ROLES = Map.of("caseworker", Role.CASE_WORKER, "cmo", Role.COMPLAINT_MANAGEMENT_OFFICER,
            "feedback", Role.FEEDBACK_MANAGER, "director", Role.DIRECTOR, "admin", Role.ADMINISTRATOR, "board", Role.BOARD_MEMBER);

    /**
     * The pack roles the demo gives its members (issue 22), by organisation and account: who owns each stage, who decides
     * a vexatious complaint (F-10, T-4), who is told of a support service request (T-5). Members not named here hold the
     * roles their account role implies.
     */
    private static final Map<String, Map<String, Set<String>>> PACK_ROLES = Map.of(
            "alliance-homes", Map.of("caseworker", Set.of("service-manager"), "cmo", Set.of("service-manager", "local-manager"),
                    "feedback", Set.of("feedback-manager", "local-manager"), "director", Set.of("director", "group-chief-executive")),
            "the-trust", Map.of("caseworker", Set.of("investigating-manager"), "cmo", Set.of("investigating-manager", "client-services-manager"),
                    "feedback", Set.of("business-manager"), "director", Set.of("business-manager", "senior-management-team")),
            "helping-our-future", Map.of("director", Set.of("review-panel", "assistant-chief-executive")),
            "247-alliance", Map.of("caseworker", Set.of("supervisor", "managing-director"), "director", Set.of("managing-director")));

    /** How many generated cases the demo starts with, beside the hand-made ones. */
    static final int DEMO_HISTORY = 800;

    private final Accounts accounts;
    private final CaseGenerator generator;
    private final ReadModel readModel;
    private final Organisations organisations;
    private final Casework casework;
    private final Clock clock;
    private final PolicyPacks packs;
    private final ReportSettings reportSettings;
    private final org.redress.accounts.PackRoles packRoles;
    private final org.redress.accounts.AreaManagers areaManagers;

    DemoStaffAndCases(Accounts accounts, Organisations organisations, Casework casework, Clock clock, CaseGenerator generator,
                      ReadModel readModel, PolicyPacks packs, ReportSettings reportSettings, org.redress.accounts.PackRoles packRoles,
                      org.redress.accounts.AreaManagers areaManagers) {
        this.packRoles = packRoles;
        this.areaManagers = areaManagers;
        this.packs = packs;
        this.reportSettings = reportSettings;
        this.generator = generator;
        this.readModel = readModel;
        this.accounts = accounts;
        this.organisations = organisations;
        this.casework = casework;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean firstStart = false;
        // the installation's operator: adds organisations and installs packs, which no organisation's administrator may
        accounts.ensure("operator", "Installation operator", PASSWORD, true, Map.of());
        for (String code : ORGANISATIONS) {
            Optional<Organisation> org = organisations.find(code);
            if (org.isEmpty()) {
                continue;
            }
            String prefix = org.get().referencePrefix().toLowerCase(Locale.ROOT);
            ROLES.forEach((name, role) -> accounts.ensure(prefix + "." + name, org.get().name() + " " + role.label().toLowerCase(Locale.ROOT),
                    PASSWORD, false, Map.of(code, role)));
            givePackRoles(org.get(), prefix);
            if (casework.list(casework.scope(code), new CaseQuery(null, null, null, null, null, null, null, null, "received", 1, null)).items().isEmpty()) {
                cases(org.get(), prefix);
                firstStart = true;
            }
        }
        if (firstStart) {
            // a few hundred realistic cases in every state, over five years, beside the hand-made ones above
            CaseGenerator.Generated generated = generator.generate(new CaseGenerator.Request(DEMO_HISTORY, 2026, 1, true));
            log.info("Demo history generated: {} cases across the four organisations ({})", generated.cases(), generated.byStatus());
            // generated cases are written in bulk, not through case changes: bring the reports up to date with them
            ORGANISATIONS.forEach(readModel::rebuild);
            homes();
        }
        log.info("Demo staff accounts ready: <prefix>.<role> with password '{}' (see docs/web.md)", PASSWORD);
    }

    /**
     * The social landlords' homes of each tenure for the years the generated history covers, so TSM CH01 has its rates
     * per 1,000 homes in total and per tenure; the totals are the tenures' homes together.
     */
    private void homes() {
        int thisYear = org.redress.calendar.UkTime.dateOf(clock.instant()).getYear();
        Map<String, int[]> homes = Map.of("alliance-homes", new int[] {5_150, 850}, "the-trust", new int[] {2_300, 180},
                "helping-our-future", new int[] {640, 60});
        homes.forEach((code, ofTenure) -> {
            if (organisations.find(code).isEmpty()) {
                return;
            }
            for (int year = thisYear - 5; year <= thisYear; year++) {
                // a few more homes each year
                int growth = (year - thisYear + 5) * 20;
                reportSettings.setHomes(code, year, Tenure.LOW_COST_RENTAL, ofTenure[0] + growth);
                reportSettings.setHomes(code, year, Tenure.LOW_COST_HOME_OWNERSHIP, ofTenure[1] + growth / 10);
            }
        });
    }

    private void cases(Organisation org, String prefix) {
        String worker = prefix + ".caseworker";
        String area = org.serviceAreas().isEmpty() ? null : org.serviceAreas().get(0);
        String complaint = "complaint";
        Instant now = clock.instant();
        // a social landlord's complainants have a mix of tenures, so TSM CH01 and CH02 show their split
        boolean landlord = packs.active(org.policyPack()).map(p -> p.organisation().socialLandlord()).orElse(false);
        Tenure rental = landlord ? Tenure.LOW_COST_RENTAL : Tenure.UNKNOWN;
        Tenure shared = landlord ? Tenure.LOW_COST_HOME_OWNERSHIP : Tenure.UNKNOWN;
        Tenure other = landlord ? Tenure.OTHER : Tenure.UNKNOWN;
        // new, not yet acknowledged
        create(org, complaint, Channel.PHONE, now.minus(Duration.ofHours(3)), "Grace Okafor", "grace.okafor@example.org",
                "14 Mill Lane", "The repair to my kitchen window was booked three times and nobody came.", area,
                List.of("Missed appointments", "No call back"), worker, rental);
        // acknowledged and assigned, running
        CaseView running = create(org, complaint, Channel.EMAIL, now.minus(Duration.ofDays(4)), "Tom Riley", "tom.riley@example.org",
                "2 Station Road", "Staff were rude to my mother on the phone when she asked about her support plan.", area,
                List.of("Staff attitude"), worker, shared);
        act(running, () -> casework.on(org.code(), running.id(), worker).acknowledge("email"));
        act(running, () -> casework.on(org.code(), running.id(), worker).assign(worker));
        // overdue: received three weeks ago, still open
        create(org, complaint, Channel.LETTER, now.minus(Duration.ofDays(21)), "Priya Shah", null,
                "Flat 5, Oak House", "The communal heating has failed every winter for three years.", area, List.of("Heating"), worker,
                rental);
        // responded
        CaseView responded = create(org, complaint, Channel.WEB_FORM, now.minus(Duration.ofDays(6)), "Jamal Hussein", "jamal@example.org",
                "9 Hill View", "My rent statement shows a charge I have already paid.", area, List.of("Wrong charge"), worker,
                Tenure.UNKNOWN);
        act(responded, () -> casework.on(org.code(), responded.id(), worker).acknowledge("email"));
        act(responded, () -> casework.on(org.code(), responded.id(), worker).respond(
                List.of(new PointDecision(1, Outcome.UPHELD, "the payment was not applied")), "We have corrected your statement and apologise.", List.of()));
        // closed
        CaseView closed = create(org, complaint, Channel.VISIT, now.minus(Duration.ofDays(9)), "Ellen Marsh", null,
                "21 Church Street", "The contractor left rubble in the garden.", area, List.of("Rubble left"), worker, other);
        act(closed, () -> casework.on(org.code(), closed.id(), worker).acknowledge("letter"));
        act(closed, () -> casework.on(org.code(), closed.id(), worker).respond(
                List.of(new PointDecision(1, Outcome.UPHELD, "photos confirmed it")), "The rubble was cleared on the next working day.", List.of()));
        act(closed, () -> casework.on(org.code(), closed.id(), prefix + ".cmo").close(new Satisfaction(true, true, null), "resolved"));
    }

    private CaseView create(Organisation org, String type, Channel channel, Instant received, String name, String email, String address,
                            String description, String area, List<String> points, String actor, Tenure tenure) {
        NewCase request = new NewCase(type, channel, received,
                new Complainant(name, email, null, address, email == null ? ContactMethod.POST : ContactMethod.EMAIL, null, List.of(),
                        tenure),
                null, List.of(), new Classification(null, area, null, null), description, "Put it right", null, null, points, null);
        return casework.create(org.code(), request, "demo-" + org.code() + "-" + name, actor).view();
    }

    /** Applies a verb to a demo case; a refusal is logged, not fatal (the demo is best effort). */
    /** Gives the demo members their pack roles once (an administrator's later choice stays), and each area its manager. */
    private void givePackRoles(Organisation org, String prefix) {
        PACK_ROLES.getOrDefault(org.code(), Map.of()).forEach((name, roles) -> {
            if (!packRoles.chosen(org.code(), prefix + "." + name)) {
                packRoles.set(org.code(), prefix + "." + name, roles);
            }
        });
        // Alliance Homes' new complaints go to their area's manager
        if (org.code().equals("alliance-homes")) {
            for (String area : org.serviceAreas()) {
                if (areaManagers.managerOf(org.code(), area).isEmpty()) {
                    areaManagers.set(org.code(), area, prefix + ".caseworker", "demo");
                }
            }
        }
    }

    private void act(CaseView view, Runnable verb) {
        try {
            verb.run();
        } catch (RuntimeException e) {
            log.warn("Demo case {}: {}", view.reference(), e.getMessage());
        }
    }
}
