package org.redress.imports;

import org.redress.casework.CaseBulkWriter;
import org.redress.casework.ClockMaker;
import org.redress.people.Organisation;
import org.redress.policy.PackTimeline;
import org.redress.policy.PolicyPack;
import org.redress.vocabulary.Filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What an import files its rows under: the organisation with its active pack and calendar, and the versions its
 * procedure has had. A closed case is made under the version in force when it was received (issue 20), an open one
 * continues under the active pack.
 */
record ImportSource(Organisation organisation, PolicyPack pack, ClockMaker clocks, LocalDate firstDay, LocalDate lastDay, Filing.Lists lists,
                    PackTimeline timeline, Map<String, ClockMaker> clocksByVersion) {

    RowReading.Context context(Instant now) {
        return new RowReading.Context(pack, lists, firstDay, lastDay, now);
    }

    /** The version the row's case is made under: for closed history the one in force at its receipt. */
    PackTimeline.VersionAt versionFor(ImportRow row) {
        if (row.closedAt() == null) {
            return new PackTimeline.VersionAt(pack, false);
        }
        return timeline.at(row.receivedAt()).orElse(new PackTimeline.VersionAt(pack, true));
    }

    /** The clocks of a version of the organisation's pack (the active one's made once per import). */
    ClockMaker clocksOf(PolicyPack version, CaseBulkWriter writer) {
        if (version.id().equals(pack.id()) && version.version() == pack.version()) {
            return clocks;
        }
        return clocksByVersion.computeIfAbsent(version.id() + "@" + version.version(), k -> writer.clocksFor(organisation.code(), version));
    }

    /** Said on a closed case received before the organisation's first activation: no version was in force then. */
    static String earliestVersionNote(PackTimeline.VersionAt version) {
        return version.beforeAnyActivation() ? "; made under version " + version.pack().version()
                + " of the procedure, the earliest: none was active in Redress when it was received" : "";
    }
}
