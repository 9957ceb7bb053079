package org.redress.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The working days of one jurisdiction, optionally with one organisation's closure days, over a fixed
 * range of years. Built once; answers in constant time: a prefix count of working days and the list of
 * working days turn "the Nth working day after D" into two array reads, however large N is.
 *
 * <p>Counting rule: the start day is day 0 and the due date is the Nth working day after it, whether
 * or not the start day is itself a working day.
 */
public final class WorkingDayCalendar {

    private final String name;
    private final LocalDate first;
    private final LocalDate last;
    private final long firstEpochDay;
    /** cumulative[i] = working days from {@code first} up to and including first + i. */
    private final int[] cumulative;
    /** workingDays[k] = offset from {@code first} of the (k+1)th working day. */
    private final int[] workingDays;
    private final Map<LocalDate, String> reasons;

    private WorkingDayCalendar(String name, LocalDate first, LocalDate last, Map<LocalDate, String> reasons) {
        this.name = name;
        this.first = first;
        this.last = last;
        this.firstEpochDay = first.toEpochDay();
        this.reasons = Map.copyOf(reasons);
        int days = (int) (last.toEpochDay() - firstEpochDay + 1);
        this.cumulative = new int[days];
        int[] working = new int[days];
        int count = 0;
        LocalDate day = first;
        for (int i = 0; i < days; i++, day = day.plusDays(1)) {
            if (!isWeekend(day) && !reasons.containsKey(day)) {
                working[count++] = i;
            }
            cumulative[i] = count;
        }
        this.workingDays = java.util.Arrays.copyOf(working, count);
    }

    /**
     * @param nonWorkingDays weekday holidays and closures with the reason each is not worked; weekends are added here
     */
    static WorkingDayCalendar of(String name, LocalDate first, LocalDate last, Map<LocalDate, String> nonWorkingDays) {
        return new WorkingDayCalendar(name, first, last, nonWorkingDays);
    }

    /** This calendar plus some closure days; a closure on a day already off keeps the earlier reason. */
    WorkingDayCalendar withClosures(String calendarName, List<ClosureDay> closures) {
        if (closures.isEmpty()) {
            return this;
        }
        var merged = new java.util.HashMap<>(reasons);
        for (ClosureDay closure : closures) {
            if (!closure.date().isBefore(first) && !closure.date().isAfter(last)) {
                merged.putIfAbsent(closure.date(), "organisation closure: " + closure.reason());
            }
        }
        return new WorkingDayCalendar(calendarName, first, last, merged);
    }

    public String name() {
        return name;
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate last() {
        return last;
    }

    public boolean isWorkingDay(LocalDate date) {
        int i = offset(date);
        return i == 0 ? cumulative[0] == 1 : cumulative[i] != cumulative[i - 1];
    }

    /** Why the day is not a working day, or empty when it is one. */
    public Optional<String> reasonNotWorking(LocalDate date) {
        offset(date);
        String reason = reasons.get(date);
        if (reason != null) {
            return Optional.of(reason);
        }
        return isWeekend(date) ? Optional.of(weekdayName(date.getDayOfWeek())) : Optional.empty();
    }

    /** The Nth working day after {@code from} (day 0); {@code from} itself when N is 0. */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        if (workingDays == 0) {
            offset(from);
            return from;
        }
        int index = cumulative[offset(from)] + workingDays - 1;
        if (index >= this.workingDays.length) {
            throw new CalendarOutOfRangeException(last.plusDays(1), first, last);
        }
        return LocalDate.ofEpochDay(firstEpochDay + this.workingDays[index]);
    }

    /** As {@link #addWorkingDays(LocalDate, int)}, on epoch days, for the hot path of computing due instants. */
    long addWorkingDays(long fromEpochDay, int workingDays) {
        long offset = fromEpochDay - firstEpochDay;
        if (offset < 0 || offset >= cumulative.length) {
            throw new CalendarOutOfRangeException(LocalDate.ofEpochDay(fromEpochDay), first, last);
        }
        if (workingDays == 0) {
            return fromEpochDay;
        }
        int index = cumulative[(int) offset] + workingDays - 1;
        if (index >= this.workingDays.length) {
            throw new CalendarOutOfRangeException(last.plusDays(1), first, last);
        }
        return firstEpochDay + this.workingDays[index];
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return cumulative[offset(to)] - cumulative[offset(from)];
    }

    /** The days after {@code fromExclusive} up to and including {@code toInclusive} that are not working days. */
    public List<NonWorkingDay> nonWorkingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        List<NonWorkingDay> skipped = new ArrayList<>();
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            LocalDate d = day;
            reasonNotWorking(day).ifPresent(reason -> skipped.add(new NonWorkingDay(d, reason)));
        }
        return skipped;
    }

    private int offset(LocalDate date) {
        long offset = date.toEpochDay() - firstEpochDay;
        if (offset < 0 || offset >= cumulative.length) {
            throw new CalendarOutOfRangeException(date, first, last);
        }
        return (int) offset;
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static String weekdayName(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY ? "Saturday" : "Sunday";
    }
}
