package org.redress.whatif;

import org.redress.calendar.UkTime;
import org.redress.casework.CaseClock;
import org.redress.casework.CaseReplay.Replayed;
import org.redress.policy.PolicyPack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One side's workload per week by role (issue 25, item 2): for each week of the period, each role that owns a stage
 * (the stage's owner in the pack the case is replayed under, as casework's owner rule reads it), the cases with a clock
 * of that stage running at some time in the week, and the responses of that stage falling due in it. A record type's
 * own clocks (outside the stages) are counted under "Outside the stages". A clock runs from its start to its stop (or
 * its cancellation, or the hold it is in, or now): a hold in between is not subtracted, since a replay keeps only how
 * each clock ends. Only the period's cases are counted, so the first weeks leave out cases received before the period.
 * Counts only: a few integers per role and week. Not thread-safe: the replay adds from one thread.
 */
final class Workload {

    static final String OUTSIDE_STAGES = "Outside the stages";

    private final LocalDate from;
    private final LocalDate to;
    /** by role name, then by the Monday of the week: {cases with a clock running, responses due} */
    final Map<String, TreeMap<LocalDate, int[]>> byRole = new TreeMap<>();

    Workload(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    void add(Replayed replayed, PolicyPack pack, Instant now) {
        Set<String> counted = new HashSet<>();
        LocalDate today = UkTime.dateOf(now);
        for (CaseClock clock : replayed.clocks()) {
            String role = role(clock, pack);
            Instant end = clock.stoppedAt() != null ? clock.stoppedAt() : clock.pausedAt() != null ? clock.pausedAt() : now;
            LocalDate first = max(UkTime.dateOf(clock.startedAt()), from);
            LocalDate last = min(min(UkTime.dateOf(end), to), today);
            if (!first.isAfter(last)) {
                for (LocalDate week = Side.monday(first); !week.isAfter(last); week = week.plusWeeks(1)) {
                    if (counted.add(role + "|" + week)) {
                        cell(role, week)[0]++;
                    }
                }
            }
            if (Side.kind(clock).equals("response") && !clock.dueDate().isBefore(from) && !clock.dueDate().isAfter(to)) {
                cell(role, Side.monday(clock.dueDate()))[1]++;
            }
        }
    }

    /** The role owning the clock's stage, by its name in the pack. */
    static String role(CaseClock clock, PolicyPack pack) {
        if (clock.stage() == 0) {
            return OUTSIDE_STAGES;
        }
        return pack.stage(clock.stage()).map(PolicyPack.Stage::owner)
                .map(id -> pack.role(id).map(PolicyPack.Role::name).orElse(id)).orElse(OUTSIDE_STAGES);
    }

    private int[] cell(String role, LocalDate week) {
        return byRole.computeIfAbsent(role, r -> new TreeMap<>()).computeIfAbsent(week, w -> new int[2]);
    }

    /** Every week of the period for every role either side has, week by week and role by role, zeros included. */
    static List<WhatIfResult.RoleWeekRow> rows(Workload today, Workload draft) {
        Set<String> roles = new TreeSet<>(today.byRole.keySet());
        roles.addAll(draft.byRole.keySet());
        List<WhatIfResult.RoleWeekRow> rows = new ArrayList<>();
        for (LocalDate week = Side.monday(today.from); !week.isAfter(today.to); week = week.plusWeeks(1)) {
            for (String role : roles) {
                int[] t = today.get(role, week);
                int[] d = draft.get(role, week);
                rows.add(new WhatIfResult.RoleWeekRow(week, role, t[0], d[0], t[1], d[1]));
            }
        }
        return rows;
    }

    private int[] get(String role, LocalDate week) {
        TreeMap<LocalDate, int[]> weeks = byRole.get(role);
        int[] cell = weeks == null ? null : weeks.get(week);
        return cell == null ? new int[2] : cell;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
