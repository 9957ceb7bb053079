package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.accounts.CaseAccess;
import org.redress.calendar.Calendars;
import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.CaseId;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.Refusal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The casework module's entry point: log a case, act on it with a verb, read it, list cases. Every change is
 * one transaction: the case row, its new history events, and (for a new case) its reference and idempotency key.
 */
@Service
public class Casework {

    private final CaseFiles cases;
    private final PolicyPacks packs;
    private final Organisations organisations;
    private final Calendars calendars;
    private final CaseLists lists;
    private final Clock clock;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    /** The admission checks, one code path for checking before saving, saving and the saved case (issue 21). */
    private final Admission admission;
    private final CaseAccess access;
    /** This service as other beans see it (its proxy), so the verbs {@link #on} hands out run in a transaction. */
    private final ObjectProvider<Casework> self;
    /** Who holds which role of the pack: deciders and owners (F-10, T-4, H-6, A-3). */
    private final CaseMembers members;

    Casework(CaseFiles cases, PolicyPacks packs, Organisations organisations, Calendars calendars, CaseLists lists,
             Clock clock, JsonMapper json, ApplicationEventPublisher events, Admission admission,
             CaseAccess access, ObjectProvider<Casework> self, CaseMembers members) {
        this.self = self;
        this.members = members;
        this.admission = admission;
        this.access = access;
        this.cases = cases;
        this.packs = packs;
        this.organisations = organisations;
        this.calendars = calendars;
        this.lists = lists;
        this.clock = clock;
        this.json = json;
        this.events = events;
    }

    /** The outcome of logging: the case, whether it was a retry of an earlier request, and admission warnings. */
    public record Created(CaseView view, boolean replayed, List<AdmissionWarning> warnings) {
    }

    /** Something staff should decide on before investigating (F-3, F-11): never a silent rejection (Serializable: flash). */
    public record AdmissionWarning(String kind, String message, @Nullable String cite, List<String> relatedCases) implements java.io.Serializable {
    }

    /** A verb applied to a case at an instant, with the case's calendar. */
    @FunctionalInterface
    interface Verb {
        Optional<Refusal> apply(CaseFile file, Instant now, ClockMaker clocks);
    }

    @Transactional
    public Created create(String organisation, NewCase request, @Nullable String idempotencyKey, String actor) {
        Organisation org = organisations.require(organisation);
        PolicyPack pack = packs.active(org.code()).orElseThrow(() -> new NotFoundException("organisation",
                "organisation '" + organisation + "' has no active policy pack"));
        Instant now = clock.instant();
        CaseId id = CaseId.at(now);
        badCategory(pack, request);
        String hash = idempotencyKey == null ? null : hash(request);
        if (request.receivedAt() == null) {
            request = request.withReceivedAt(now);
        }
        if (idempotencyKey != null && hash != null) {
            Optional<CaseId> earlier = cases.claimKey(organisation, idempotencyKey, hash, id, now);
            if (earlier.isPresent()) {
                if (!cases.requestHashOf(organisation, idempotencyKey).equals(hash)) {
                    throw new InvalidInputException("Idempotency-Key", "was already used for a different request");
                }
                return new Created(view(organisation, earlier.get()), true, List.of());
            }
        }
        CaseFile.Logged logged = CaseFile.log(id, organisation, "(not yet numbered)", pack, request, now, actor, clocksFor(organisation, pack));
        if (logged.refusal() != null) {
            throw refusal(logged.refusal());
        }
        members.route(organisation, pack, logged.caseFile(), now, actor);
        List<AdmissionWarning> warnings = admission.warnings(() -> scope(organisation), organisation, pack, logged.caseFile().state());
        // The number is taken last, in the statement that saves the case: a refused complaint takes none
        String reference = cases.insertNumbered(logged.caseFile(), org.referencePrefix(), CaseFiles.yearOf(request.receivedAt()), now);
        CaseFile file = logged.caseFile().numbered(reference);
        // the history of a new case is exactly the events just written: no need to read it back
        List<CaseEvent> history = new ArrayList<>();
        for (CaseEvent event : file.pendingEvents()) {
            history.add(event.numbered(history.size() + 1));
        }
        CaseView view = CaseView.of(CaseFile.restore(id, organisation, reference, pack, file.state(), 1), history, now);
        events.publishEvent(new CaseChanged(organisation, view.id(), reference, file.pendingEvents(), view));
        return new Created(view, false, warnings);
    }

    /** The warnings logging this contact would raise, without logging it: shown before saving. */
    @Transactional(readOnly = true)
    public List<AdmissionWarning> check(String organisation, NewCase request) {
        Organisation org = organisations.require(organisation);
        PolicyPack pack = packs.active(org.code()).orElseThrow();
        Instant now = clock.instant();
        badCategory(pack, request);
        CaseFile.Logged logged = CaseFile.log(CaseId.at(now), organisation, "check", pack, request, now, "check",
                clocksFor(organisation, pack));
        if (logged.refusal() != null) {
            throw refusal(logged.refusal());
        }
        return admission.warnings(() -> scope(organisation), organisation, pack, logged.caseFile().state());
    }

    /** Whether the organisation has this case (by id or reference); never throws, so callers inside a transaction can ask. */
    @Transactional(readOnly = true)
    public boolean exists(String organisation, String idOrReference) {
        UUID uuid = parseUuid(idOrReference);
        return (uuid != null ? cases.find(organisation, new CaseId(uuid)) : cases.findByReference(organisation, idOrReference))
                .filter(row -> visible(organisation, row)).isPresent();
    }

    /**
     * A case with its history, read by one statement (one snapshot and one round trip, so no transaction of its own):
     * reading a case is the most frequent request there is (issue 28).
     */
    public CaseView get(String organisation, String idOrReference) {
        UUID uuid = parseUuid(idOrReference);
        CaseFiles.WithHistory read = cases.withHistory(organisation, uuid == null ? null : new CaseId(uuid), idOrReference)
                .filter(r -> visible(organisation, r.row())).orElseThrow(() -> noSuchCase(organisation, idOrReference));
        return CaseView.of(restore(read.row()), read.history(), clock.instant());
    }

    /**
     * Applies a verb. Refused: nothing changes and the refusal names the rule. Stale (the case changed since the
     * caller read it, or a concurrent edit won): nothing changes and the caller is told to reload.
     */
    @Transactional
    CaseView act(String organisation, String idOrReference, @Nullable Long expectedVersion, String actor, Verb verb) {
        CaseFiles.Row row = loadRow(organisation, idOrReference);
        CaseFile file = restore(row);
        if (expectedVersion != null && expectedVersion != file.version()) {
            throw new StaleCaseException(file.reference(), expectedVersion, file.version());
        }
        int eventCount = row.eventCount();
        Instant now = clock.instant();
        CaseTypes.CaseState before = file.state();
        Optional<Refusal> refused = verb.apply(file, now, clocksFor(organisation, file.pack()))
                .or(() -> CaseDates.outOfOrder(before, file.pendingEvents()));
        if (refused.isPresent()) {
            throw refusal(refused.get());
        }
        if (!cases.update(file, eventCount)) {
            long current = cases.find(organisation, file.id()).map(CaseFiles.Row::version).orElse(-1L);
            throw new StaleCaseException(file.reference(), file.version(), current);
        }
        CaseView view = view(organisation, file.id());
        events.publishEvent(new CaseChanged(organisation, view.id(), view.reference(), file.pendingEvents(), view));
        return view;
    }

    /** The verbs other modules use, by name, on one case by one actor: they never hold the aggregate. */
    public CaseCommands on(String organisation, String idOrReference, String actor) {
        return new CaseCommands(self.getObject(), members, organisation, idOrReference, actor, null);
    }

    /**
     * Reclassifies a contact as another record type (a service request the resident is unhappy with becomes a
     * complaint, Code 1.4-1.5): a new linked case is logged; the original stays open with the link in its history.
     */
    @Transactional
    public Created reclassify(String organisation, String idOrReference, String newType, String actor) {
        CaseFile original = load(organisation, idOrReference);
        Optional<Refusal> refused = original.refused(CaseVerb.RECLASSIFY);
        if (refused.isPresent()) {
            throw refusal(refused.get());
        }
        String currentType = original.state().recordType();
        List<String> allowed = original.pack().recordType(currentType).map(PolicyPack.RecordType::becomes).orElse(List.of());
        if (!allowed.contains(newType)) {
            throw refusal(Refusal.onField("recordType", "a " + currentType + " can become " + (allowed.isEmpty() ? "nothing else" : allowed)
                    + " under this policy", "Code 1.5"));
        }
        CaseTypes.CaseState s = original.state();
        NewCase request = new NewCase(newType, s.channel(), clock.instant(), s.complainant(), s.representative(), s.namedPeople(),
                s.classification(), s.description(), null, null, s.awareSince(), List.of(), original.reference());
        Created created = create(organisation, request, null, actor);
        act(organisation, original.id().toString(), null, actor, (file, now, clocks) -> {
            file.linkTo(created.view().reference(), newType, now, actor);
            return Optional.empty();
        });
        return created;
    }

    /** A closed case as retention sees it: when it ended, whether it is on legal hold, and whose it is. */
    public record ClosedCase(String id, String reference, CaseTypes.CaseStatus status, Instant closedAt, boolean legalHold,
                             CaseTypes.Complainant complainant) {
    }

    /** Ended cases (closed, withdrawn, declined) not yet anonymised and ended before {@code before}, oldest first, by cursor. */
    @Transactional(readOnly = true)
    public List<ClosedCase> closedBefore(String organisation, Instant before, @Nullable ClosedCase after, int limit) {
        return cases.closedBefore(organisation, before, after == null ? null : after.closedAt(),
                after == null ? null : UUID.fromString(after.id()), limit);
    }

    /** References of the organisation's cases of one person, found by email, phone or name (subject access). */
    @Transactional(readOnly = true)
    public List<String> referencesOf(String organisation, @Nullable String email, @Nullable String phone, @Nullable String name) {
        return cases.referencesOf(organisation, email, phone, name);
    }

    /**
     * Anonymises a case (retention or erasure): the case's personal data is replaced, an {@code anonymised} event is
     * recorded, and the earlier history's free text is scrubbed, all in the caller's transaction. Refused (nothing
     * changed) on legal hold or if already anonymised.
     */
    @Transactional
    public CaseView anonymise(String organisation, String idOrReference, String basis, String actor) {
        CaseFiles.Row row = loadRow(organisation, idOrReference);
        CaseFile file = restore(row);
        List<String> personal = Anonymisation.personalStrings(file.state());
        Optional<Refusal> refused = file.anonymise(basis, clock.instant(), actor);
        if (refused.isPresent()) {
            throw refusal(refused.get());
        }
        if (!cases.update(file, row.eventCount())) {
            throw new StaleCaseException(file.reference(), file.version(), -1L);
        }
        cases.scrubHistory(organisation, file.id(), row.eventCount(), personal);
        CaseView view = view(organisation, file.id());
        events.publishEvent(new CaseChanged(organisation, view.id(), view.reference(), file.pendingEvents(), view));
        return view;
    }

    /**
     * One page of the running clocks, on any organisation's case, that fall due before {@code until} (or already
     * have): the clocks of up to {@code cases} cases, in order of their next due time, after the page's cursor. The
     * caller holds one page at a time, so a sweep over half a million clocks needs the memory of one page.
     */
    @Transactional(readOnly = true)
    public OpenClock.Page openClocksDueBefore(Instant until, OpenClock.@Nullable Cursor after, int cases) {
        Instant now = clock.instant();
        List<OpenClock> result = new ArrayList<>();
        if (cases < 1) {
            throw new IllegalArgumentException("a page holds at least one case, not " + cases);
        }
        List<CaseFiles.Row> rows = this.cases.withNextDueBefore(until, after == null ? null : after.due(),
                after == null ? null : after.caseId(), cases);
        Map<UUID, Instant> imported = this.cases.importedAt(rows.stream().map(r -> r.id().value()).toList());
        for (CaseFiles.Row row : rows) {
            CaseTypes.CaseState s = row.state();
            String owner = s.stages().stream().filter(st -> st.number() == s.stage()).map(CaseTypes.StageRecord::owner)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            for (CaseClock c : s.clocks()) {
                if (c.running() && c.dueBy().isBefore(until)) {
                    result.add(new OpenClock(row.organisation(), row.id().toString(), row.reference(), owner, c.id(), c.stage(),
                            c.name(), c.dueBy(), c.dueDate(), c.status(now), c.explanation(), imported.get(row.id().value())));
                }
            }
        }
        if (rows.size() < cases) {
            return new OpenClock.Page(result, null);
        }
        CaseFiles.Row last = rows.get(rows.size() - 1);
        return new OpenClock.Page(result, new OpenClock.Cursor(restore(last).nextDue().orElseThrow(), last.id().value()));
    }

    /**
     * The signed-in member's scope in the organisation: which cases they may open (accounts decides), once per request.
     * Every list takes one; a controller declares a {@link CaseScope} parameter instead of asking here.
     */
    public CaseScope scope(String organisation) {
        CaseAccess.Scope access = this.access.current(organisation);
        return new CaseScope(organisation, access.serviceAreas(), access.username());
    }

    public CaseSummary.Page list(CaseScope scope, CaseQuery query) {
        organisations.require(scope.organisation());
        return lists.list(scope, query, clock.instant());
    }

    /**
     * The way every other module's list shows only the cases the member may open: of these rows, each naming a case by
     * id or reference ({@code caseOf}; null for a row about no case, such as a hold on a person, which is kept), those
     * whose case is in the scope, in order, and how many others there were. One query, and none for a member who is
     * not limited; a case of another organisation is never in the scope.
     */
    @Transactional(readOnly = true)
    public <T> CaseScope.Shown<T> visible(CaseScope scope, List<T> rows, Function<? super T, @Nullable String> caseOf) {
        if (!scope.limited() || rows.isEmpty()) {
            return new CaseScope.Shown<>(rows, 0);
        }
        Set<UUID> ids = new HashSet<>();
        Set<String> references = new HashSet<>();
        for (T row : rows) {
            String key = caseOf.apply(row);
            UUID id = key == null ? null : parseUuid(key);
            if (id != null) {
                ids.add(id);
            } else if (key != null) {
                references.add(key);
            }
        }
        Set<String> open = ids.isEmpty() && references.isEmpty() ? Set.of()
                : cases.inServiceAreas(scope.organisation(), ids, references, java.util.Objects.requireNonNull(scope.serviceAreas()));
        List<T> shown = new ArrayList<>();
        for (T row : rows) {
            String key = caseOf.apply(row);
            UUID id = key == null ? null : parseUuid(key);
            if (key == null || open.contains(id != null ? id.toString() : key)) {
                shown.add(row);
            }
        }
        return new CaseScope.Shown<>(shown, rows.size() - shown.size());
    }

    /**
     * Of these cases, the ones whose current stage this member owns and which are in the scope: for other modules' work
     * on the "my work" page (hazards), so they need not load each case to find its owner.
     */
    @Transactional(readOnly = true)
    public Set<UUID> ownedBy(CaseScope scope, String username, Collection<UUID> caseIds) {
        Set<UUID> owned = caseIds.isEmpty() ? new HashSet<>() : cases.ownedBy(scope.organisation(), username, caseIds);
        List<UUID> openable = visible(scope, List.copyOf(owned), UUID::toString).rows();
        return new HashSet<>(openable);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private CaseView view(String organisation, CaseId id) {
        CaseFiles.Row row = cases.find(organisation, id).orElseThrow();
        return CaseView.of(restore(row), cases.history(organisation, id), clock.instant());
    }

    private CaseFile load(String organisation, String idOrReference) {
        return restore(loadRow(organisation, idOrReference));
    }

    private CaseFiles.Row loadRow(String organisation, String idOrReference) {
        UUID uuid = parseUuid(idOrReference);
        Optional<CaseFiles.Row> row = uuid != null ? cases.find(organisation, new CaseId(uuid))
                : cases.findByReference(organisation, idOrReference);
        return row.filter(r -> visible(organisation, r)).orElseThrow(() -> noSuchCase(organisation, idOrReference));
    }

    /** A case outside the reader's service areas answers exactly as one that does not exist. */
    private static NotFoundException noSuchCase(String organisation, String idOrReference) {
        return new NotFoundException("case", "organisation '" + organisation + "' has no case '" + idOrReference + "'");
    }

    /** Object-level access (accounts decides): a member limited to some service areas sees only their cases. */
    private boolean visible(String organisation, CaseFiles.Row row) {
        return access.current(organisation).mayOpen(row.state().classification().serviceArea());
    }

    private CaseFile restore(CaseFiles.Row row) {
        PolicyPack pack = packs.version(row.packId(), row.packVersion());
        return CaseFile.restore(row.id(), row.organisation(), row.reference(), pack, row.state(), row.version());
    }

    ClockMaker clocksFor(String organisation, PolicyPack pack) {
        return ClockMaker.of(calendars.forOrganisation(organisation, pack.organisation().jurisdiction()));
    }

    /**
     * Earlier cases of the same organisation that may be this complaint again (F-11), most alike first: in the
     * repeat-complaint window of the case's policy (six months where the policy names none) before it was received.
     * Those in service areas the member does not work in are counted, never named.
     */
    @Transactional(readOnly = true)
    public CaseScope.Shown<SimilarCase> similarTo(CaseScope scope, String idOrReference) {
        CaseFile file = load(scope.organisation(), idOrReference);
        return admission.earlier(() -> scope, scope.organisation(), file.pack(), file.state(), file.id().value());
    }

    private String hash(NewCase request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void badCategory(PolicyPack pack, NewCase request) {
        CasePolicies.category(pack, request).ifPresent(r -> {
            throw new InvalidInputException("category", r.describe());
        });
    }

    private static CaseRefusedException refusal(Refusal refusal) {
        return new CaseRefusedException(refusal);
    }

    private static @Nullable UUID parseUuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
