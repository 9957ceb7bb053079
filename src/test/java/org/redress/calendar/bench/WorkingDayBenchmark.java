package org.redress.calendar.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.redress.calendar.CalendarBenchmarkAccess;
import org.redress.calendar.ClockUnit;
import org.redress.calendar.Deadlines;
import org.redress.calendar.UkTime;
import org.redress.calendar.Jurisdiction;
import org.redress.calendar.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Deadline computations per second on one thread: "the Nth working day after D" for random D in 2019-2027
 * and random N from 0 to 60: the bare date arithmetic, and the due instant of a clock started at an instant
 * (UK time zone conversion included), which is what cases compute. Run with {@code ./mvnw -Pbench -DskipTests test-compile exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class WorkingDayBenchmark {

    private static final int SAMPLES = 4096;
    private final LocalDate[] starts = new LocalDate[SAMPLES];
    private final Instant[] startInstants = new Instant[SAMPLES];
    private final int[] amounts = new int[SAMPLES];
    private WorkingDayCalendar calendar;
    private int next;

    @Setup
    public void setUp() {
        calendar = CalendarBenchmarkAccess.calendar(Jurisdiction.ENGLAND_AND_WALES);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < SAMPLES; i++) {
            starts[i] = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(9 * 365));
            startInstants[i] = starts[i].atTime(random.nextInt(24), random.nextInt(60)).atZone(UkTime.ZONE).toInstant();
            amounts[i] = random.nextInt(61);
        }
    }

    @Benchmark
    public LocalDate addWorkingDays() {
        int i = next++ & (SAMPLES - 1);
        return calendar.addWorkingDays(starts[i], amounts[i]);
    }

    @Benchmark
    public Instant dueInstantOfAWorkingDayClock() {
        int i = next++ & (SAMPLES - 1);
        return Deadlines.dueBy(calendar, startInstants[i], ClockUnit.WORKING_DAYS, amounts[i]);
    }
}
