package org.redress.privacy;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseFact;
import org.redress.casework.CaseScope;
import org.redress.casework.Casework;
import org.redress.casework.Casework.ClosedCase;
import org.redress.casework.CaseView;
import org.redress.correspondence.CaseCorrespondence;
import org.redress.intake.EmailIntake;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPacks;
import org.redress.publicweb.Attachments;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.RefusedException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Retention (R-7; UK GDPR Art. 5(1)(e), storage limitation): a case's personal data is kept for the organisation's
 * retention period after the case ends (closed, withdrawn or declined), then anonymised, unless a legal hold stops it.
 * Each module erases its own data through its own public method, all in one transaction per case.
 */
@Service
public class Retention {

    /** Kept for six years after the case ends unless an administrator sets otherwise (limitation period for contract claims). */
    static final int DEFAULT_YEARS = 6;
    static final String BASIS_RETENTION = "retention period ended";
    /** DISP 1.9.2: a firm keeps its records of each complaint for at least three years from receipt. */
    static final int DISP_MINIMUM_YEARS = 3;

    private final JdbcClient jdbc;
    private final Casework casework;
    private final CaseCorrespondence letters;
    private final Attachments attachments;
    private final EmailIntake intake;
    private final Organisations organisations;
    private final PolicyPacks packs;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    Retention(JdbcClient jdbc, Casework casework, CaseCorrespondence letters, Attachments attachments, EmailIntake intake,
              Organisations organisations, PolicyPacks packs, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.casework = casework;
        this.letters = letters;
        this.attachments = attachments;
        this.intake = intake;
        this.organisations = organisations;
        this.packs = packs;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public record Setting(String organisation, int years, boolean isDefault) {
    }

    /** What the retention rule says of one ended case on a day. */
    public enum Decision { ANONYMISE, NOT_YET_DUE, LEGAL_HOLD }

    public record DryRunItem(String reference, String caseId, String status, LocalDate endedOn, LocalDate dueOn, Decision decision,
                             String why) {
    }

    /**
     * What retention would do on a day, of the cases the member may see.
     *
     * @param casesInOtherAreas ended cases in service areas the member does not work in, which a run would treat alike
     */
    public record DryRun(String organisation, LocalDate on, int retentionYears, int due, int held, int notYetDue,
                         List<DryRunItem> cases, int casesInOtherAreas) {
    }

    public record LegalHold(String id, @Nullable String caseReference, @Nullable String person, String reason, String placedBy,
                            Instant placedAt) {
    }

    public record Run(String id, String organisation, LocalDate on, String actor, Instant startedAt, @Nullable Instant finishedAt,
                      int total, int done, int held, int failed, @Nullable String lastError) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    // ---- the setting ----------------------------------------------------------------------------------------

    public Setting setting(String organisation) {
        organisations.require(organisation);
        return jdbc.sql("select years from privacy.retention_setting where organisation = ?").param(organisation)
                .query(Integer.class).optional().map(y -> new Setting(organisation, y, false))
                .orElse(new Setting(organisation, DEFAULT_YEARS, true));
    }

    @Transactional
    public Setting setYears(String organisation, @Nullable Integer years, String actor) {
        organisations.require(organisation);
        if (years == null || years < 1 || years > 100) {
            throw new InvalidInputException("years", "must be a whole number of years from 1 to 100");
        }
        boolean disp = packs.active(organisation).map(p -> p.organisation().regulators().contains("fca-disp")).orElse(false);
        if (disp && years < DISP_MINIMUM_YEARS) {
            throw new RefusedException("the organisation's policy pack names the FCA's DISP rules, which keep complaint records for at least "
                    + DISP_MINIMUM_YEARS + " years (DISP 1.9.2); " + years + (years == 1 ? " year is" : " years are") + " too short",
                    "R-5: DISP 1.9.2", "years");
        }
        jdbc.sql("""
                insert into privacy.retention_setting (organisation, years, changed_by, changed_at) values (?, ?, ?, ?)
                on conflict (organisation) do update set years = excluded.years, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at
                """).params(organisation, years, actor, ts(clock.instant())).update();
        return new Setting(organisation, years, false);
    }

    // ---- legal holds ----------------------------------------------------------------------------------------

    /** The legal holds in force on people, and on the scope's cases. */
    public List<LegalHold> holds(CaseScope scope) {
        return casework.visible(scope, allHolds(scope.organisation()), LegalHold::caseReference).rows();
    }

    private List<LegalHold> allHolds(String organisation) {
        organisations.require(organisation);
        return jdbc.sql("""
                select id, case_reference, person, reason, placed_by, placed_at from privacy.legal_hold
                where organisation = ? and released_at is null order by placed_at, id
                """).param(organisation).query((rs, n) -> new LegalHold(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant())).list();
    }

    @Transactional
    public LegalHold placeHold(String organisation, @Nullable String caseReference, @Nullable String person, @Nullable String reason,
                               String actor) {
        TextLimits.check("caseReference", caseReference, TextLimits.NAME);
        TextLimits.check("person", person, TextLimits.NAME);
        TextLimits.check("reason", reason, TextLimits.LINE);
        organisations.require(organisation);
        String ref = blankToNull(caseReference);
        String who = blankToNull(person);
        String why = reason == null ? "" : reason.strip();
        List<org.redress.web.FieldError> errors = new ArrayList<>();
        if ((ref == null) == (who == null)) {
            errors.add(new org.redress.web.FieldError("caseReference", "give either a case reference or a person (email, phone or name), not both"));
        } else if (ref != null && !casework.exists(organisation, ref)) {
            errors.add(new org.redress.web.FieldError("caseReference", "organisation '" + organisation + "' has no case '" + ref + "'"));
        }
        if (why.isEmpty() || why.length() > TextLimits.LINE) {
            errors.add(new org.redress.web.FieldError("reason", "must say why the data must be kept (the claim or proceedings), in 1 to "
                    + TextLimits.LINE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into privacy.legal_hold (id, organisation, case_reference, person, reason, placed_by, placed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(id, organisation, ref, who, why, actor, ts(now)).update();
        return new LegalHold(id.toString(), ref, who, why, actor, now);
    }

    @Transactional
    public void releaseHold(String organisation, String id, String actor) {
        UUID uuid = parseId(id, "hold");
        int released = jdbc.sql("""
                update privacy.legal_hold set released_by = ?, released_at = ? where organisation = ? and id = ? and released_at is null
                """).params(actor, ts(clock.instant()), organisation, uuid).update();
        if (released == 0) {
            throw new NotFoundException("hold", "organisation '" + organisation + "' has no legal hold '" + id + "' in force");
        }
    }

    /** Why a case must be kept whatever its age, if it must: a casework legal hold, or a privacy hold on it or its person. */
    Optional<String> heldBecause(String organisation, String reference, boolean caseworkLegalHold, Complainant person,
                                 List<LegalHold> holds) {
        if (caseworkLegalHold) {
            return Optional.of("the case is on legal hold in casework");
        }
        for (LegalHold h : holds) {
            if (reference.equals(h.caseReference())) {
                return Optional.of("legal hold on the case: " + h.reason());
            }
            if (h.person() != null && matches(h.person(), person)) {
                return Optional.of("legal hold on the person: " + h.reason());
            }
        }
        return Optional.empty();
    }

    static boolean matches(String person, Complainant c) {
        String p = person.strip().toLowerCase(Locale.UK);
        String digits = person.replaceAll("[^0-9]", "");
        return p.equals(lower(c.email())) || p.equals(lower(c.name()))
                || (digits.length() >= 6 && c.phone() != null && digits.equals(c.phone().replaceAll("[^0-9]", "")));
    }

    /** What retention says of one case now: when its personal data goes, or why it is kept. */
    public record CaseRetention(String reference, boolean anonymised, boolean ended, @Nullable LocalDate endedOn,
                                @Nullable LocalDate dueOn, int years, @Nullable String heldBecause, List<LegalHold> holds) {

        public String summary() {
            if (anonymised) {
                return "Anonymised: its personal data was removed";
            }
            String kept = !ended ? "Kept while the case is open, then " + years + " years after it ends"
                    : "Kept until " + dueOn + " (" + years + " years after it ended on " + endedOn + ")";
            return heldBecause == null ? kept : kept + "; " + heldBecause;
        }
    }

    public CaseRetention forCase(String organisation, CaseView c) {
        int years = setting(organisation).years();
        List<LegalHold> holds = allHolds(organisation);
        boolean ended = c.closedAt() != null;
        LocalDate endedOn = ended ? UkTime.dateOf(c.closedAt()) : null;
        Optional<String> held = heldBecause(organisation, c.reference(),
                c.hold() != null && c.hold().kind() == org.redress.casework.CaseTypes.HoldKind.LEGAL, c.complainant(), holds);
        List<LegalHold> applying = holds.stream().filter(h -> c.reference().equals(h.caseReference())
                || (h.person() != null && matches(h.person(), c.complainant()))).toList();
        boolean anonymised = c.history().stream().anyMatch(e -> e.payload() instanceof CaseFact.Anonymised);
        return new CaseRetention(c.reference(), anonymised, ended, endedOn, endedOn == null ? null : endedOn.plusYears(years), years,
                held.orElse(null), applying);
    }

    // ---- dry run and runs -----------------------------------------------------------------------------------

    /**
     * What retention would do on a day: every ended case of the scope due by then, and those due within the following
     * year, each with its end date, due date and why it would or would not be anonymised; the others only counted.
     */
    public DryRun dryRun(CaseScope scope, LocalDate on) {
        DryRun all = plan(scope.organisation(), on);
        CaseScope.Shown<DryRunItem> shown = casework.visible(scope, all.cases(), DryRunItem::caseId);
        List<DryRunItem> items = shown.rows();
        int due = (int) items.stream().filter(i -> i.decision() == Decision.ANONYMISE).count();
        int held = (int) items.stream().filter(i -> i.decision() == Decision.LEGAL_HOLD).count();
        return new DryRun(all.organisation(), on, all.retentionYears(), due, held, items.size() - due - held, items, shown.elsewhere());
    }

    /** What retention does on a day, to every ended case of the organisation: what a run works through. */
    private DryRun plan(String organisation, LocalDate on) {
        int years = setting(organisation).years();
        List<LegalHold> holds = allHolds(organisation);
        List<DryRunItem> items = new ArrayList<>();
        Instant before = UkTime.endOf(on.minusYears(years).plusYears(1));
        ClosedCase after = null;
        while (true) {
            List<ClosedCase> page = casework.closedBefore(organisation, before, after, 500);
            for (ClosedCase c : page) {
                items.add(item(organisation, c, on, years, holds));
            }
            if (page.size() < 500) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        int due = (int) items.stream().filter(i -> i.decision() == Decision.ANONYMISE).count();
        int held = (int) items.stream().filter(i -> i.decision() == Decision.LEGAL_HOLD).count();
        return new DryRun(organisation, on, years, due, held, items.size() - due - held, items, 0);
    }

    private DryRunItem item(String organisation, ClosedCase c, LocalDate on, int years, List<LegalHold> holds) {
        LocalDate ended = UkTime.dateOf(c.closedAt());
        LocalDate dueOn = ended.plusYears(years);
        Optional<String> held = heldBecause(organisation, c.reference(), c.legalHold(), c.complainant(), holds);
        Decision decision;
        String why;
        if (dueOn.isAfter(on)) {
            decision = Decision.NOT_YET_DUE;
            why = "kept until %s: %d years after it ended on %s".formatted(dueOn, years, ended);
        } else if (held.isPresent()) {
            decision = Decision.LEGAL_HOLD;
            why = "due on %s but kept: %s".formatted(dueOn, held.get());
        } else {
            decision = Decision.ANONYMISE;
            why = "due on %s: %d years after it ended on %s".formatted(dueOn, years, ended);
        }
        return new DryRunItem(c.reference(), c.id(), c.status().name(), ended, dueOn, decision, why);
    }

    /** Starts a run record for today's due cases; the caller then calls {@link #execute}. */
    @Transactional
    public Run startRun(String organisation, String actor) {
        organisations.require(organisation);
        LocalDate today = UkTime.dateOf(clock.instant());
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into privacy.retention_run (id, organisation, on_date, actor, started_at) values (?, ?, ?, ?, ?)")
                .params(id, organisation, today, actor, ts(clock.instant())).update();
        return run(organisation, id.toString());
    }

    /**
     * Anonymises every case due on the run's day, each in its own transaction (with every module's part of it),
     * recording progress as it goes, so a long run shows how far it has got and a failure stops only its case.
     */
    public Run execute(String organisation, String runId) {
        Run run = run(organisation, runId);
        UUID id = UUID.fromString(run.id());
        List<DryRunItem> due = plan(organisation, run.on()).cases().stream()
                .filter(i -> i.decision() != Decision.NOT_YET_DUE).toList();
        long anonymise = due.stream().filter(i -> i.decision() == Decision.ANONYMISE).count();
        long held = due.size() - anonymise;
        jdbc.sql("update privacy.retention_run set total = ?, held = ? where id = ?").params((int) anonymise, (int) held, id).update();
        for (DryRunItem item : due) {
            if (item.decision() != Decision.ANONYMISE) {
                continue;
            }
            try {
                transactions.executeWithoutResult(s -> anonymise(organisation, item.reference(), BASIS_RETENTION, run.actor()));
                jdbc.sql("update privacy.retention_run set done = done + 1 where id = ?").param(id).update();
            } catch (RuntimeException e) {
                jdbc.sql("update privacy.retention_run set failed = failed + 1, last_error = ? where id = ?")
                        .params(item.reference() + ": " + e.getMessage(), id).update();
            }
        }
        jdbc.sql("update privacy.retention_run set finished_at = ? where id = ?").params(ts(clock.instant()), id).update();
        return run(organisation, runId);
    }

    /** The daily task: today's due cases of every organisation. */
    public List<Run> runEverywhere() {
        List<Run> runs = new ArrayList<>();
        for (var org : organisations.all()) {
            runs.add(execute(org.code(), startRun(org.code(), "retention").id()));
        }
        return runs;
    }

    public Run run(String organisation, String id) {
        UUID uuid = parseId(id, "run");
        return jdbc.sql("""
                select id, organisation, on_date, actor, started_at, finished_at, total, done, held, failed, last_error
                from privacy.retention_run where organisation = ? and id = ?
                """).params(organisation, uuid).query((rs, n) -> new Run(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getString(11)))
                .optional().orElseThrow(() -> new NotFoundException("run", "organisation '" + organisation + "' has no retention run '" + id + "'"));
    }

    public Optional<Run> latestRun(String organisation) {
        return jdbc.sql("select id from privacy.retention_run where organisation = ? order by started_at desc limit 1")
                .param(organisation).query(UUID.class).optional().map(id -> run(organisation, id.toString()));
    }

    /**
     * Anonymises one case now, in the caller's transaction: casework first (which refuses on its own legal hold), then
     * the letters, the public web's files and codes, and the emails; the record of it names what each erased.
     */
    @Transactional
    public Map<String, Object> anonymise(String organisation, String reference, String basis, String actor) {
        CaseView before = casework.get(organisation, reference);
        Optional<String> held = heldBecause(organisation, before.reference(),
                before.hold() != null && before.hold().kind() == org.redress.casework.CaseTypes.HoldKind.LEGAL,
                before.complainant(), allHolds(organisation));
        if (held.isPresent()) {
            throw new RefusedException("the case must be kept: " + held.get(), "UK GDPR Art. 17(3)(e)", null);
        }
        CaseView after = casework.anonymise(organisation, reference, basis, actor);
        Map<String, Object> erased = new LinkedHashMap<>();
        erased.put("casework", 1);
        erased.put("letters", letters.anonymise(organisation, after.id()));
        erased.put("attachments", attachments.anonymise(organisation, after.reference()));
        erased.put("emails", intake.anonymise(organisation, after.reference()));
        jdbc.sql("""
                insert into privacy.anonymisation (organisation, case_id, reference, closed_at, basis, actor, anonymised_at, erased)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                """).params(organisation, UUID.fromString(after.id()), after.reference(),
                ts(before.closedAt() == null ? clock.instant() : before.closedAt()), basis, actor, ts(clock.instant()),
                json.writeValueAsString(erased)).update();
        return erased;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static UUID parseId(String id, String field) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(field, "no " + field + " '" + id + "'");
        }
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String lower(@Nullable String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.UK);
    }

    static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
