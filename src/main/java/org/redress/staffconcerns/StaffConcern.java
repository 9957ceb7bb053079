package org.redress.staffconcerns;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What is recorded for one member of staff or contractor a complaint names (F-12). */
public record StaffConcern(UUID id, String caseReference, String namedPerson, String manager, Instant managerToldAt,
                           @Nullable String ownView, @Nullable LocalDate ownViewGivenOn, String recordedBy, Instant recordedAt,
                           List<Update> keptInformed) {

    /** An update that kept the named person informed: when, and what they were told. */
    public record Update(LocalDate on, String said, String by) {
    }
}
