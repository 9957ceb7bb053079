package org.redress.deadlines;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** The sweep every few minutes and the digest every morning, as db-scheduler tasks (one node runs each execution). */
@Configuration(proxyBeanMethods = false)
class DeadlineTasks {

    @Bean
    RecurringTask<Void> deadlineSweepTask(DeadlineSweep sweep, @Value("${redress.deadlines.sweep-every:PT10M}") Duration every) {
        return Tasks.recurring("deadline-sweep", FixedDelay.of(every)).execute((instance, context) -> sweep.run());
    }

    @Bean
    RecurringTask<Void> dailyDigestTask(DeadlineSweep sweep, @Value("${redress.deadlines.digest-at:07:00}") LocalTime at) {
        return Tasks.recurring("daily-digest", Schedules.daily(ZoneId.of("Europe/London"), at)).execute((instance, context) -> sweep.sendDigests());
    }
}
