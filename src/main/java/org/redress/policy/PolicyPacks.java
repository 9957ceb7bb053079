package org.redress.policy;

import org.jspecify.annotations.Nullable;
import org.redress.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy module's entry point: the active pack of an organisation, any stored version of a pack (a case keeps
 * the version it started under), and the Housing Ombudsman Code check. Uploading and activating versions is for
 * the module's own API.
 */
@Service
public class PolicyPacks {

    private static final Logger log = LoggerFactory.getLogger(PolicyPacks.class);
    static final int LARGEST_FILE = 256 * 1024;

    private final PackVersions versions;
    /** Stored versions never change, so a parsed version may be kept for good (on every node). */
    private final Map<String, PolicyPack> parsed = new ConcurrentHashMap<>();

    /**
     * Which version of each organisation's pack is active, as last read, and when (ADR 17). Activating a version on
     * this node forgets it at once; a version activated on another node is seen here within {@link #ACTIVE_READ_FOR}.
     */
    private final Map<String, ActiveRead> activeByOrganisation = new ConcurrentHashMap<>();
    static final Duration ACTIVE_READ_FOR = Duration.ofSeconds(1);

    private record ActiveRead(Optional<PackVersions.VersionId> version, long readAtNanos) {
        boolean fresh(long nanos) {
            return nanos - readAtNanos < ACTIVE_READ_FOR.toNanos();
        }
    }

    /** When a version is activated: the start of its time as the organisation's procedure (issue 20). */
    private final Clock clock;

    PolicyPacks(PackVersions versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    /** The active pack of an organisation (for the shipped organisations the code is the pack id, e.g. {@code the-trust}). */
    public Optional<PolicyPack> active(String organisation) {
        // a monotonic reading for the freshness of a cached lookup only: no deadline or record depends on it
        long nanos = System.nanoTime();
        ActiveRead read = activeByOrganisation.get(organisation);
        if (read == null || !read.fresh(nanos)) {
            read = new ActiveRead(versions.activeVersionOf(organisation), nanos);
            if (read.version().isPresent()) { // an organisation with no active pack yet is asked again next time
                activeByOrganisation.put(organisation, read);
            }
        }
        return read.version().map(v -> {
            PolicyPack known = parsed.get(v.packId() + "@" + v.version());
            return known != null ? known : version(v.packId(), v.version());
        });
    }

    /**
     * Every version that has been the organisation's procedure, from when (issue 20: an imported case keeps its pack
     * version at the time), read once for a whole import.
     */
    public PackTimeline timeline(String organisation) {
        List<PackTimeline.Period> periods = versions.activations(organisation).stream()
                .map(a -> new PackTimeline.Period(a.from(), version(a.version().packId(), a.version().version()))).toList();
        return new PackTimeline(periods, active(organisation).orElse(null));
    }

    /** Forgets which versions are active once this transaction commits (at once outside one). */
    private void forgetActiveVersions() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    activeByOrganisation.clear();
                }
            });
        } else {
            activeByOrganisation.clear();
        }
    }

    /** One stored version of a pack, active or not. */
    public PolicyPack version(String packId, int version) {
        PolicyPack known = parsed.get(packId + "@" + version);
        if (known != null) {
            return known; // a stored version never changes: no need to read it again
        }
        if (!versions.exists(packId)) {
            throw new NotFoundException("id", "there is no policy pack '" + packId + "'");
        }
        return versions.find(packId, version).map(this::parse)
                .orElseThrow(() -> new NotFoundException("version", "policy pack '" + packId + "' has no version " + version));
    }

    @Transactional(readOnly = true)
    public List<PackSummary> list() {
        return versions.all().stream().map(PolicyPacks::summary).toList();
    }

    /** The Housing Ombudsman Code check, with the figures of the active Code reference pack. */
    @Transactional(readOnly = true)
    public ComplianceReport compliance(PolicyPack pack) {
        CodeFigures figures = versions.active(CodeFigures.REFERENCE_PACK).map(this::parse).map(CodeFigures::from)
                .orElse(CodeFigures.DEFAULTS);
        return CodeCheck.check(pack, figures);
    }

    /**
     * The Code's timescales that reports measure against, from the active Code reference pack. The reference pack is
     * its own organisation, so its active version is found (and kept for a second) as any organisation's is.
     */
    public CodeTimescales codeTimescales() {
        return active(CodeFigures.REFERENCE_PACK).map(CodeFigures::from).map(CodeTimescales::of).orElse(CodeTimescales.REGULATIONS);
    }

    /** The FCA DISP figures that the complaints return and the final response letter use, from the active DISP reference pack. */
    public DispFigures dispFigures() {
        return active(DispFigures.REFERENCE_PACK).map(DispFigures::from).orElse(DispFigures.REGULATIONS);
    }

    /** The active version of a pack by its id. */
    @Transactional(readOnly = true)
    PolicyPack activePack(String packId) {
        return versions.active(packId).map(this::parse).orElseThrow(() -> versions.exists(packId)
                ? new NotFoundException("id", "policy pack '" + packId + "' has no active version; activate one")
                : new NotFoundException("id", "there is no policy pack '" + packId + "'"));
    }

    /** The outcome of an upload: the new (inactive) version, its warnings and its Code check. */
    record Upload(String id, int version, boolean active, List<PackError> warnings, ComplianceReport compliance) {
    }

    /** Validates a pack file and stores it as the pack's next version, inactive; nothing is stored if it has errors. */
    @Transactional
    Upload upload(String yaml) {
        return upload(yaml, null);
    }

    /**
     * As {@link #upload(String)}, for one organisation: a pack for any other organisation is refused, so one
     * organisation can never replace another's procedure.
     */
    @Transactional
    Upload upload(String yaml, @Nullable String owner) {
        return upload(yaml, owner, null);
    }

    /** As {@link #upload(String, String)}, storing a note that says how the version was made (a draft from figures, issue 25). */
    @Transactional
    Upload upload(String yaml, @Nullable String owner, @Nullable String note) {
        if (yaml.length() > LARGEST_FILE) {
            throw new PackRejectedException(List.of(new PackError("yaml", 0,
                    "is " + yaml.length() + " characters; a pack file may have at most " + LARGEST_FILE)));
        }
        PackReader.Reading reading = PackReader.read(yaml, 1);
        if (!reading.valid()) {
            throw new PackRejectedException(reading.errors());
        }
        PolicyPack pack = reading.pack();
        if (owner != null && !owner.equals(pack.organisation().code())) {
            throw new PackRejectedException(List.of(new PackError("organisation.code", reading.line("organisation.code"),
                    "must be '" + owner + "': an organisation uploads packs for itself only")));
        }
        versions.lock(pack.id());
        String other = versions.otherPackOf(pack.organisation().code(), pack.id());
        if (other != null) {
            throw new PackRejectedException(List.of(new PackError("organisation.code", reading.line("organisation.code"),
                    "'" + pack.organisation().code() + "' is already the organisation of pack '" + other
                            + "'; upload a new version of that pack instead")));
        }
        int version = versions.nextVersion(pack.id());
        versions.store(pack.id(), version, pack.organisation().code(), pack.title(), yaml, note);
        PolicyPack stored = PackReader.read(yaml, version).pack();
        log.info("Stored policy pack {} version {} (inactive)", pack.id(), version);
        return new Upload(pack.id(), version, false, reading.warnings(), compliance(stored));
    }

    @Transactional
    PackSummary activate(String packId, int version) {
        return activate(packId, version, null);
    }

    /** As {@link #activate(String, int)}, for one organisation: another organisation's pack is answered as unknown. */
    @Transactional
    PackSummary activate(String packId, int version, @Nullable String owner) {
        versions.lock(packId);
        boolean another = owner != null && versions.all().stream().anyMatch(v -> v.packId().equals(packId) && !v.organisation().equals(owner));
        if (!versions.exists(packId) || another) {
            throw new NotFoundException("id", "there is no policy pack '" + packId + "'");
        }
        if (!versions.activate(packId, version, clock.instant())) {
            throw new NotFoundException("version", "policy pack '" + packId + "' has no version " + version);
        }
        forgetActiveVersions();
        log.info("Activated policy pack {} version {}", packId, version);
        return versions.find(packId, version).map(PolicyPacks::summary).orElseThrow();
    }

    /**
     * Stores a pack shipped with the application as version 1, active, unless the pack is already stored; safe to
     * run on every start of every node.
     */
    @Transactional
    boolean installShipped(String yaml, String resource) {
        PackReader.Reading reading = PackReader.read(yaml, 1);
        if (!reading.valid()) {
            throw new IllegalStateException("The shipped policy pack " + resource + " is invalid: " + reading.errors());
        }
        PolicyPack pack = reading.pack();
        boolean stored = versions.storeShipped(pack.id(), pack.organisation().code(), pack.title(), yaml, clock.instant());
        if (stored) {
            forgetActiveVersions();
            log.info("Installed shipped policy pack {} as version 1", pack.id());
        } else if (versions.find(pack.id(), 1).filter(v -> v.shipped() && !v.yaml().equals(yaml)).isPresent()) {
            log.warn("The shipped policy pack {} differs from its stored version 1; upload it to make it a new version",
                    pack.id());
        }
        return stored;
    }

    private PolicyPack parse(PackVersions.Stored stored) {
        return parsed.computeIfAbsent(stored.packId() + "@" + stored.version(), key -> {
            PackReader.Reading reading = PackReader.read(stored.yaml(), stored.version());
            if (!reading.valid()) {
                // Stored versions were valid when stored. If a rule added since rejects one, fail loudly rather than
                // run cases on a half-read procedure.
                throw new IllegalStateException("Stored policy pack " + key + " no longer reads: " + reading.errors());
            }
            return reading.pack();
        });
    }

    private static PackSummary summary(PackVersions.Stored stored) {
        return new PackSummary(stored.packId(), stored.organisation(), stored.title(), stored.version(), stored.active(),
                stored.shipped(), stored.note());
    }
}
