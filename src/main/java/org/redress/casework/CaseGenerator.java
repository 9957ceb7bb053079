package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.redress.casework.CaseFile.CaseState;
import org.redress.casework.CaseFile.NewCase;
import org.redress.casework.CaseFile.PointDecision;
import org.redress.casework.CaseTypes.CaseId;
import org.redress.casework.CaseTypes.CaseStatus;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.ContactMethod;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Satisfaction;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.Handling;
import org.redress.policy.PolicyPacks;
import org.redress.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the database with a realistic spread of cases for benchmarks and demos: the four shipped organisations,
 * mostly complaints, a social landlord's with a mix of tenures, over five years before "now", each case taken through its life by the real aggregate (so its
 * clocks, deadlines, JSON state and history are exactly what the application itself would have stored), cut off
 * at "now" so recent cases are still open. Rows are written with PostgreSQL {@code COPY}, which is an order of
 * magnitude faster than inserts: a million cases take minutes.
 */
@Service
public class CaseGenerator {

    private static final Logger log = LoggerFactory.getLogger(CaseGenerator.class);
    private static final int BATCH = 2_000;
    private static final String ACTOR = "generator";

    private final Casework casework;
    private final PolicyPacks packs;
    private final Organisations organisations;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CaseGenerator(Casework casework, PolicyPacks packs, Organisations organisations, DataSource dataSource, JdbcClient jdbc,
                  JsonMapper json, Clock clock) {
        this.casework = casework;
        this.packs = packs;
        this.organisations = organisations;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What to generate.
     *
     * @param seed the same seed gives the same cases (ids and reference numbers apart)
     * @param intoNonEmpty add to a database that already has cases; refused otherwise, so a second run is not an accident
     */
    public record Request(int cases, long seed, int workers, boolean intoNonEmpty) {
        public Request {
            if (cases < 1) {
                throw new IllegalArgumentException("generate at least one case");
            }
            workers = Math.max(1, workers);
        }
    }

    /** What was written, and how each case ended; {@code refusals} counts verbs the aggregate refused (the case stops there). */
    public record Generated(long cases, long events, Map<String, Long> byStatus, long refusals, Duration took) {
    }

    /** The database already has cases and adding to them was not asked for. */
    public static final class NotEmpty extends RuntimeException {
        NotEmpty(long cases) {
            super("the database already has " + cases + " cases; set redress.generate.into-non-empty=true to add to them");
        }
    }

    public Generated generate(Request request) {
        long existing = jdbc.sql("select count(*) from casework.case_file").query(Long.class).single();
        if (existing > 0 && !request.intoNonEmpty()) {
            throw new NotEmpty(existing);
        }
        Instant now = clock.instant();
        List<Source> sources = sources();
        Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
        jdbc.sql("select organisation, year, casework.last_reference_number(organisation, year) from casework.reference_sequence")
                .query((rs, n) -> counters.put(rs.getString(1) + "|" + rs.getInt(2), new AtomicInteger(rs.getInt(3)))).list();
        Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
        AtomicLong written = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        Map<String, Long> refusalReasons = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        long reportEvery = Math.max(BATCH, Math.min(50_000, request.cases() / 20 / BATCH * BATCH));
        AtomicLong nextReport = new AtomicLong(reportEvery);
        int batches = (request.cases() + BATCH - 1) / BATCH;
        log.info("Generating {} cases over the five years before {} with {} workers", request.cases(), now, request.workers());
        ExecutorService pool = Executors.newFixedThreadPool(request.workers());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                int batch = b;
                int size = Math.min(BATCH, request.cases() - b * BATCH);
                running.add(pool.submit(() -> {
                    Batch out = new Batch();
                    SplittableRandom random = new SplittableRandom(request.seed() * 1_000_003L + batch);
                    for (int i = 0; i < size; i++) {
                        Lived lived = live(pick(sources, random), random, now, counters);
                        out.add(lived.file(), lived.version(), lived.loggedAt());
                        byStatus.computeIfAbsent(lived.file().state().status().name(), k -> new AtomicLong()).incrementAndGet();
                        if (lived.refusal() != null) {
                            refusals.incrementAndGet();
                            refusalReasons.merge(lived.refusal(), 1L, Long::sum);
                        }
                    }
                    copy(out);
                    events.addAndGet(out.events);
                    long done = written.addAndGet(size);
                    long report = nextReport.get();
                    if ((done >= report || done == request.cases()) && nextReport.compareAndSet(report, report + reportEvery)) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        double rate = done / seconds;
                        log.info("Generated {} of {} cases ({} a second, about {} s to go)", done, request.cases(),
                                Math.round(rate), Math.round((request.cases() - done) / rate));
                    }
                    return null;
                }));
                // keep at most a few batches in memory: the queue would otherwise hold every batch at once
                while (running.size() > request.workers() * 2) {
                    running.remove(0).get();
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating cases", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("generating cases failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        // later cases logged through the API take the numbers after the generated ones
        for (var counter : counters.entrySet()) {
            String[] key = counter.getKey().split("\\|");
            jdbc.sql("select casework.move_reference_numbers_past(?, ?, ?)")
                    .params(key[0], Integer.parseInt(key[1]), (long) counter.getValue().get()).query((rs, n) -> 1).list();
        }
        // fresh statistics, so the planner knows the tables' new size straight away
        jdbc.sql("analyze casework.case_file").update();
        jdbc.sql("analyze casework.case_event").update();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Long> statuses = new java.util.TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(k, v.get()));
        log.info("Generated {} cases with {} history events in {} s: {}; {} verbs refused", written.get(), events.get(),
                took.toSeconds(), statuses, refusals.get());
        if (!refusalReasons.isEmpty()) {
            log.info("Refused verbs (the case stops where it was): {}", refusalReasons);
        }
        return new Generated(written.get(), events.get(), statuses, refusals.get(), took);
    }

    // ---- the organisations and their packs --------------------------------------------------------------------

    /** An organisation with its active pack and calendar, and how large a share of the cases it has. */
    private record Source(Organisation organisation, PolicyPack pack, ClockMaker clocks, double share,
                          List<String> otherTypes) {
    }

    private static final Map<String, Double> SHARES = Map.of("alliance-homes", 0.40, "the-trust", 0.25,
            "helping-our-future", 0.20, "247-alliance", 0.15);

    private List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        for (var share : SHARES.entrySet()) {
            Organisation org = organisations.find(share.getKey()).orElse(null);
            Optional<PolicyPack> pack = org == null ? Optional.empty() : packs.active(org.policyPack());
            if (org == null || pack.isEmpty()) {
                continue;
            }
            List<String> others = pack.get().recordTypes().stream().map(PolicyPack.RecordType::id)
                    .filter(t -> !t.equals("complaint")).toList();
            sources.add(new Source(org, pack.get(), casework.clocksFor(org.code(), pack.get()), share.getValue(), others));
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("none of the shipped organisations has an active policy pack");
        }
        sources.sort(java.util.Comparator.comparing(s -> s.organisation().code()));
        return sources;
    }

    /** Shares are of the organisations present, so they need not add up to one. */
    private static Source pick(List<Source> sources, SplittableRandom random) {
        double total = sources.stream().mapToDouble(Source::share).sum();
        double r = random.nextDouble() * total;
        for (Source source : sources) {
            r -= source.share();
            if (r < 0) {
                return source;
            }
        }
        return sources.get(sources.size() - 1);
    }

    // ---- one case's life ----------------------------------------------------------------------------------------

    private record Lived(CaseFile file, long version, Instant loggedAt, @Nullable String refusal) {
    }

    private Lived live(Source source, SplittableRandom random, Instant now, Map<String, AtomicInteger> counters) {
        PolicyPack pack = source.pack();
        String org = source.organisation().code();
        boolean complaint = random.nextDouble() < 0.75 || source.otherTypes().isEmpty();
        String type = complaint ? "complaint" : source.otherTypes().get(random.nextInt(source.otherTypes().size()));
        // five years back from now; a quarter of the cases in the last year, as volumes grow
        long span = random.nextDouble() < 0.25 ? Duration.ofDays(365).toSeconds() : Duration.ofDays(5 * 365).toSeconds();
        Instant received = now.minusSeconds(600 + random.nextLong(span)).truncatedTo(ChronoUnit.SECONDS);
        Instant logged = received.plusSeconds(60 + random.nextLong(4 * 3600));
        if (logged.isAfter(now)) {
            logged = now;
        }
        int year = CaseFiles.yearOf(received);
        int number = counters.computeIfAbsent(org + "|" + year, k -> new AtomicInteger()).incrementAndGet();
        String reference = source.organisation().referencePrefix() + "-" + year + "-" + "%06d".formatted(number);
        CaseFile.Logged logging = CaseFile.log(CaseId.at(logged), org, reference, pack, newCase(source, type, received, random),
                logged, ACTOR, source.clocks());
        if (logging.caseFile() == null) {
            throw new IllegalStateException("the " + org + " pack refused a generated case: " + logging.refusal());
        }
        Life life = new Life(logging.caseFile(), source.clocks(), now, random);
        if (pack.recordType(type).map(t -> t.handling() == Handling.STAGED).orElse(false)) {
            life.complaint();
        } else {
            life.contact();
        }
        return new Lived(life.file, 1 + life.verbs, logged, life.refusal);
    }

    /**
     * Takes a case through its procedure with plausible timings. A verb whose time is after "now" is not applied,
     * which leaves recent cases open with running clocks, as a real work list has them.
     */
    private static final class Life {
        final CaseFile file;
        final ClockMaker clocks;
        final Instant now;
        final SplittableRandom random;
        Instant at;
        int verbs;
        @Nullable String refusal;
        boolean stopped;

        Life(CaseFile file, ClockMaker clocks, Instant now, SplittableRandom random) {
            this.file = file;
            this.clocks = clocks;
            this.now = now;
            this.random = random;
            this.at = file.state().stages().get(0).loggedAt();
            // about one case in a hundred is stuck in the backlog, whatever its age
            this.stopped = random.nextDouble() < 0.01;
        }

        /** Applies a verb at {@code when}, if the case's life has not stopped and that time has come. */
        boolean apply(Instant when, java.util.function.Function<Instant, Optional<Refusal>> verb) {
            if (stopped || when.isAfter(now)) {
                stopped = true;
                return false;
            }
            Optional<Refusal> refusal = verb.apply(when);
            if (refusal.isPresent()) {
                this.refusal = file.state().status() + ": " + refusal.get().message();
                stopped = true;
                return false;
            }
            at = when;
            verbs++;
            return true;
        }

        /** Somewhere between a third and 120% of the way to the clock's deadline: mostly on time, some late. */
        Instant towards(String clockId) {
            Optional<CaseClock> running = file.state().clocks().stream()
                    .filter(c -> c.id().equals(clockId) && c.running() && c.stage() == file.state().stage()).findFirst();
            if (running.isEmpty()) {
                return at.plus(Duration.ofHours(2 + random.nextInt(70)));
            }
            long seconds = Duration.between(running.get().startedAt(), running.get().dueBy()).toSeconds();
            Instant when = running.get().startedAt().plusSeconds((long) (seconds * (0.3 + random.nextDouble() * 0.9)));
            return when.isAfter(at) ? when : at.plusSeconds(600);
        }

        void complaint() {
            PolicyPack pack = file.pack();
            if (random.nextDouble() < 0.03 && decline()) {
                return;
            }
            apply(towards("acknowledge"), t -> file.acknowledge(t, ACTOR, "email", clocks));
            apply(at.plusSeconds(600), t -> file.assign(STAFF[random.nextInt(STAFF.length)], t, ACTOR));
            if (random.nextDouble() < 0.05) {
                apply(at.plus(Duration.ofDays(1 + random.nextInt(6))), t -> file.withdraw("resolved informally", t, ACTOR));
                return;
            }
            respondToStage();
            boolean escalates = random.nextDouble() < 0.15 && pack.stage(file.state().stage() + 1).isPresent();
            if (escalates) {
                apply(at.plus(Duration.ofDays(1 + random.nextInt(5))), t -> file.requestEscalation(t, t.plusSeconds(1800),
                        "still not resolved", "compensation", null, ACTOR, clocks));
                apply(towards("acknowledge"), t -> file.acceptEscalation(t, ACTOR, clocks));
                apply(at.plusSeconds(600), t -> {
                    // a different handler from the previous stage's (Code 6.13)
                    String previous = file.state().stages().get(file.state().stages().size() - 2).owner();
                    String owner = STAFF[random.nextInt(STAFF.length)];
                    return file.assign(owner.equals(previous) ? STAFF[(List.of(STAFF).indexOf(owner) + 1) % STAFF.length] : owner, t, ACTOR);
                });
                respondToStage();
            }
            if (random.nextDouble() < 0.97) {
                apply(at.plus(Duration.ofDays(2 + random.nextInt(20))), t -> file.close(
                        new Satisfaction(random.nextBoolean(), random.nextBoolean(), null), "resolved", t, ACTOR, clocks));
            }
        }

        void respondToStage() {
            int stage = file.state().stage();
            Instant respondAt = towards("respond");
            for (PolicyPack.StepRule step : file.pack().stepsIn(stage)) {
                if (step.beforeResponse()) {
                    Instant stepAt = respondAt.minus(Duration.ofHours(20)).isAfter(at) ? respondAt.minus(Duration.ofHours(20)) : at.plusSeconds(300);
                    apply(stepAt, t -> file.recordStep(step.id(), "recorded for the " + step.id() + " step", t, ACTOR));
                }
            }
            List<PointDecision> decisions = new ArrayList<>();
            for (CaseTypes.Point point : file.state().points()) {
                decisions.add(new PointDecision(point.number(), OUTCOMES[random.nextInt(OUTCOMES.length)], "found on the evidence"));
            }
            apply(respondAt.isAfter(at) ? respondAt : at.plusSeconds(900), t -> file.respond(decisions,
                    "Our response, with the reasons for each decision", List.of(), t, ACTOR, clocks));
        }

        boolean decline() {
            PolicyPack pack = file.pack();
            Instant when = at.plus(Duration.ofHours(4 + random.nextInt(44)));
            if (!pack.exclusions().isEmpty()) {
                return apply(when, t -> file.decline(DeclineGround.OUT_OF_SCOPE, pack.exclusions().get(0).id(),
                        "outside the complaints procedure", null, t, ACTOR));
            }
            for (PolicyPack.AdmissionRule rule : pack.admission()) {
                DeclineGround ground = DeclineGround.valueOf(rule.kind().name());
                return apply(when, t -> file.decline(ground, null, "not taken on at admission", rule.decidedBy(), t, ACTOR));
            }
            return false;
        }

        /** A contact outside the stages: recorded ones are closed when dealt with; clocked ones are responded to, then closed. */
        void contact() {
            Handling handling = file.pack().recordType(file.state().recordType()).map(PolicyPack.RecordType::handling)
                    .orElse(Handling.RECORDED);
            if (handling == Handling.CLOCKED) {
                apply(towards(file.state().clocks().isEmpty() ? "none" : file.state().clocks().get(0).id()),
                        t -> file.respond(List.of(), "Dealt with", List.of(), t, ACTOR, clocks));
            }
            apply(at.plus(Duration.ofHours(1 + random.nextInt(120))), t -> file.close(null, "dealt with", t, ACTOR, clocks));
        }
    }

    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final String[] STAFF = {"sam.manager", "fay.feedback", "raj.officer", "lee.caseworker", "kim.investigator",
            "jo.supervisor", "pat.services", "alex.housing"};
    private static final String[] FIRST = {"Ada", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Harry", "Isla", "Jack", "Kemi",
            "Liam", "Maya", "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Una", "Vik", "Wendy", "Xander", "Yara",
            "Zoe", "Amir", "Bea", "Cal", "Dina", "Eli", "Faye", "Gus", "Hana", "Ivan", "Jade", "Kai", "Lena", "Milo", "Nia"};
    private static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
            "Clarke", "Khan", "Lewis", "Hughes", "Edwards", "Hill", "Moore", "Harris", "Ali", "Cooper", "Ward", "Morris",
            "Okafor", "Begum", "Nowak", "Murphy", "Kelly", "Singh", "Campbell", "Reid"};
    private static final String[] STREETS = {"High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road",
            "Victoria Street", "Queens Road", "Elm Grove"};
    private static final String[] TOWNS = {"Taunton", "Bridgwater", "Bristol", "Exeter", "Yeovil", "Bath", "Swindon", "Gloucester"};
    private static final String[][] SUBJECTS = {
            {"Repairs", "Missed appointment", "The repair appointment was missed and nobody called to rearrange it"},
            {"Repairs", "Quality of work", "The work done was poor and had to be redone"},
            {"Communication", "No reply", "Several calls and emails went unanswered for weeks"},
            {"Staff conduct", "Attitude", "The member of staff was rude and dismissive on the phone"},
            {"Service delivery", "Late", "The service was late again this week without any warning"},
            {"Charges", "Incorrect charge", "The bill included a charge for a service that was never provided"},
            {"Anti-social behaviour", "Noise", "Neighbours' noise late at night has not been dealt with"},
            {"Damp and mould", "Mould", "Mould keeps coming back in the bedroom despite two visits"}};
    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.PHONE, Channel.EMAIL, Channel.EMAIL, Channel.WEB_FORM,
            Channel.LETTER, Channel.VISIT, Channel.SOCIAL_MEDIA};

    /** A social landlord's complainant: mostly renting, some shared owners, a few neither, some not asked (TSM by tenure, R-2). */
    private static Tenure tenure(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.76 ? Tenure.LOW_COST_RENTAL : r < 0.88 ? Tenure.LOW_COST_HOME_OWNERSHIP : r < 0.93 ? Tenure.OTHER : Tenure.UNKNOWN;
    }

    private static NewCase newCase(Source source, String type, Instant received, SplittableRandom random) {
        PolicyPack pack = source.pack();
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        int n = random.nextInt(1000);
        Complainant complainant = new Complainant(first + " " + last,
                random.nextDouble() < 0.8 ? (first + "." + last + "." + n + "@example.org").toLowerCase() : null,
                random.nextDouble() < 0.7 ? "07700 9" + "%05d".formatted(random.nextInt(100_000)) : null,
                (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)] + ", " + TOWNS[random.nextInt(TOWNS.length)],
                ContactMethod.values()[random.nextInt(ContactMethod.values().length)],
                random.nextDouble() < 0.1 ? "large print letters" : null, List.of(),
                pack.organisation().socialLandlord() ? tenure(random) : Tenure.UNKNOWN);
        String serviceLine = null;
        List<String> areas = source.organisation().serviceAreas();
        if (!pack.serviceLines().isEmpty()) {
            PolicyPack.ServiceLine line = pack.serviceLines().get(random.nextInt(pack.serviceLines().size()));
            serviceLine = line.id();
            if (!line.serviceAreas().isEmpty()) {
                areas = line.serviceAreas();
            }
        }
        String area = areas.isEmpty() ? null : areas.get(random.nextInt(areas.size()));
        String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        List<String> points = new ArrayList<>();
        if (type.equals("complaint")) {
            int count = 1 + random.nextInt(3);
            for (int i = 1; i <= count; i++) {
                points.add(subject[1] + " (" + i + ")");
            }
        }
        return new NewCase(type, CHANNELS[random.nextInt(CHANNELS.length)], received, complainant, null, List.of(),
                new Classification(serviceLine, area, subject[0], subject[1]), subject[2], "Put it right", null, null,
                points, null);
    }

    // ---- writing with COPY ------------------------------------------------------------------------------------

    /** One batch of cases and their events in PostgreSQL's COPY text format. */
    private final class Batch {
        final StringBuilder cases = new StringBuilder(BATCH * 3_000);
        final StringBuilder eventRows = new StringBuilder(BATCH * 1_500);
        long events;

        void add(CaseFile file, long version, Instant loggedAt) {
            CaseState s = file.state();
            ComplainantKeys keys = ComplainantKeys.of(s.complainant());
            List<CaseEvent> history = file.pendingEvents();
            row(cases, file.id().value(), file.organisation(), file.reference(), s.recordType(), s.status().name(), s.stage(),
                    file.currentStage().map(CaseTypes.StageRecord::owner).orElse(null), s.classification().serviceLine(),
                    s.classification().serviceArea(), s.classification().subject(), s.receivedAt(), loggedAt,
                    file.nextDue().orElse(null), s.closedAt(), file.pack().id(), file.pack().version(), version, history.size(),
                    CaseFiles.searchText(file), json.writeValueAsString(s), keys.name(), keys.email(), keys.phone(), keys.address());
            for (int i = 0; i < history.size(); i++) {
                CaseEvent e = history.get(i);
                row(eventRows, file.id().value(), i + 1, file.organisation(), e.type(), e.at(), e.actor(), e.reason(),
                        json.writeValueAsString(e.details()));
            }
            events += history.size();
        }
    }

    private void copy(Batch batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("""
                        copy casework.case_file (id, organisation, reference, record_type, status, stage, owner, service_line,
                            service_area, subject, received_at, logged_at, next_due_at, closed_at, pack_id, pack_version, version,
                            event_count, search_text, state, name_key, email_key, phone_key, address_key) from stdin""", new StringReader(batch.cases.toString()));
                copy.copyIn("""
                        copy casework.case_event (case_id, sequence, organisation, type, at, actor, reason, details) from stdin""",
                        new StringReader(batch.eventRows.toString()));
                connection.commit();
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                connection.rollback();
                throw e instanceof SQLException sql ? sql : new SQLException(e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static void row(StringBuilder out, @Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof Instant instant) {
                out.append(instant);
            } else if (v instanceof String text) {
                escape(out, text);
            } else {
                out.append(v);
            }
        }
        out.append('\n');
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped; everything else is as is. */
    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
