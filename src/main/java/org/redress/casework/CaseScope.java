package org.redress.casework;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of an organisation's cases the signed-in member of staff may open: every case, or only those of some service
 * areas (accounts decides, ADR 9), worked out once per request. Every list that names cases, or shows rows made from
 * them (casework's own lists and similar complaints; other modules' hazards, referrals, actions, lessons, legal holds,
 * requests, work), takes one as a required parameter, and casework alone turns it into rows ({@link
 * Casework#visible}), so a list cannot be written that forgets it (ADR 19). Only casework makes one: a controller
 * declares a parameter of this type (filled from the path's organisation), other code asks {@link Casework#scope}.
 * With nobody signed in (the complainant's own view, the deadline sweep, listeners after commit) the scope is every
 * case: those have their own rules.
 */
public final class CaseScope {

    private final String organisation;
    private final @Nullable Set<String> serviceAreas;
    private final @Nullable String username;

    CaseScope(String organisation, @Nullable Set<String> serviceAreas, @Nullable String username) {
        this.organisation = Objects.requireNonNull(organisation);
        this.serviceAreas = serviceAreas == null ? null : Collections.unmodifiableSet(new TreeSet<>(serviceAreas));
        this.username = username;
    }

    public String organisation() {
        return organisation;
    }

    /** The member of staff signed in, or null when nobody is. */
    public @Nullable String username() {
        return username;
    }

    /** Whether the member sees only some service areas' cases. */
    public boolean limited() {
        return serviceAreas != null;
    }

    /**
     * The only service areas whose cases may be shown, sorted; null for every area. For a module that keeps each case's
     * service area in rows that name no case (equality answers, letters, the report read model) and filters in SQL.
     */
    public @Nullable Set<String> serviceAreas() {
        return serviceAreas;
    }

    /** Whether a case filed under this service area may be opened (a limited member never opens an unfiled case). */
    public boolean mayOpen(@Nullable String serviceArea) {
        return serviceAreas == null || (serviceArea != null && serviceAreas.contains(serviceArea));
    }

    /**
     * What a limited member is told above a list, e.g. "Showing Repairs cases only: you are limited to this service
     * area."; null for a member who sees every area.
     */
    public @Nullable String limitNotice() {
        if (serviceAreas == null) {
            return null;
        }
        List<String> areas = List.copyOf(serviceAreas);
        String names = areas.isEmpty() ? "no service area's" : areas.size() == 1 ? areas.get(0)
                : String.join(", ", areas.subList(0, areas.size() - 1)) + " and " + areas.get(areas.size() - 1);
        return "Showing " + names + " cases only: you are limited to " + (areas.size() == 1 ? "this service area." : "these service areas.");
    }

    /**
     * The rows of a list the member may see, in their order, and how many others were left out (never which).
     *
     * @param elsewhere rows about cases in service areas the member does not work in
     */
    public record Shown<T>(List<T> rows, int elsewhere) {

        public Shown {
            rows = List.copyOf(rows);
        }

        /** "and 2 more in service areas you do not work in" (or, with nothing shown, "2 in ..."); empty when none were left out. */
        public String elsewhereInWords() {
            if (elsewhere == 0) {
                return "";
            }
            return (rows.isEmpty() ? "" : "and ") + elsewhere + (rows.isEmpty() ? "" : " more") + " in service areas you do not work in";
        }
    }
}
