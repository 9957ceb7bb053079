package org.redress.demo.generation;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseBulkWriter;
import org.redress.casework.CaseClock;
import org.redress.casework.CaseFile;
import org.redress.casework.CaseTypes.PointDecision;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseTypes.CaseId;
import org.redress.casework.CaseTypes.DeclineGround;
import org.redress.casework.CaseTypes.Outcome;
import org.redress.casework.CaseTypes.Satisfaction;
import org.redress.casework.ClockMaker;
import org.redress.casework.Decider;
import org.redress.web.Refusal;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPack.Handling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** One generated case's life: logged by the real aggregate, then taken through its procedure verb by verb. */
final class CaseLife {

    private static final String ACTOR = CaseGenerator.ACTOR;
    private static final Outcome[] OUTCOMES = Outcome.values();

    private CaseLife() {
    }

    record Lived(CaseFile file, long version, Instant loggedAt, @Nullable String refusal) {
    }

    static Lived live(CaseGenerator.Source source, SplittableRandom random, Instant now, CaseBulkWriter.ReferenceNumbers numbers) {
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
        int year = CaseBulkWriter.referenceYear(received);
        int number = numbers.next(org, year);
        String reference = source.organisation().referencePrefix() + "-" + year + "-" + "%06d".formatted(number);
        CaseFile.Logged logging = CaseBulkWriter.log(CaseId.at(logged), org, reference, pack, GeneratedContacts.newCase(source, type, received, random),
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

        /** Generated staff hold the roles that own the case's current stage. */
        java.util.Set<String> stageRoles() {
            return file.pack().stage(file.state().stage()).map(s -> java.util.Set.copyOf(s.ownerRoles())).orElse(java.util.Set.of());
        }

        void complaint() {
            PolicyPack pack = file.pack();
            if (random.nextDouble() < 0.03 && decline()) {
                return;
            }
            apply(towards("acknowledge"), t -> file.acknowledge(t, ACTOR, "email", clocks));
            apply(at.plusSeconds(600), t -> file.assign(GeneratedContacts.STAFF[random.nextInt(GeneratedContacts.STAFF.length)], null,
                    stageRoles(), t, ACTOR));
            if (random.nextDouble() < 0.05) {
                apply(at.plus(Duration.ofDays(1 + random.nextInt(6))), t -> file.withdraw("resolved informally", t, ACTOR));
                return;
            }
            respondToStage();
            boolean escalates = random.nextDouble() < 0.15 && pack.stage(file.state().stage() + 1).isPresent();
            if (escalates) {
                apply(at.plus(Duration.ofDays(1 + random.nextInt(5))), t -> file.requestEscalation(null, t, t.plusSeconds(1800),
                        "still not resolved", "compensation", null, ACTOR, clocks));
                apply(towards("acknowledge"), t -> file.acceptEscalation(t, ACTOR, clocks));
                apply(at.plusSeconds(600), t -> {
                    // a different handler from the previous stage's (Code 6.13)
                    String previous = file.state().stages().get(file.state().stages().size() - 2).owner();
                    String owner = GeneratedContacts.STAFF[random.nextInt(GeneratedContacts.STAFF.length)];
                    return file.assign(owner.equals(previous) ? GeneratedContacts.STAFF[(List.of(GeneratedContacts.STAFF).indexOf(owner) + 1) % GeneratedContacts.STAFF.length] : owner,
                            null, stageRoles(), t, ACTOR);
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
            if (file.pack().stage(stage).map(PolicyPack.Stage::agreesContact).orElse(false)) {
                apply(at.plusSeconds(600), t -> file.arrangeContact("phone", "every week", t, ACTOR));
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
                PolicyPack.Exclusion exclusion = pack.exclusions().get(0);
                String redirectTo = exclusion.redirectOptions().isEmpty() ? null : exclusion.redirectOptions().get(0);
                return apply(when, t -> file.decline(DeclineGround.OUT_OF_SCOPE, exclusion.id(), redirectTo,
                        "outside the complaints procedure", new Decider(ACTOR, Set.of()), t, ACTOR));
            }
            for (PolicyPack.AdmissionRule rule : pack.admission()) {
                DeclineGround ground = DeclineGround.valueOf(rule.kind().name());
                // generated history: the decider holds the role the rule names
                Decider decider = new Decider(ACTOR, rule.decidedBy() == null ? Set.of() : Set.of(rule.decidedBy()));
                return apply(when, t -> file.decline(ground, null, null, "not taken on at admission", decider, t, ACTOR));
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
}
