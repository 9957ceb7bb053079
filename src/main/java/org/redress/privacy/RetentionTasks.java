package org.redress.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalTime;
import java.time.ZoneId;

/** Retention every night, as a db-scheduler task (one node runs each execution); tests call {@link Retention#runEverywhere}. */
@Configuration(proxyBeanMethods = false)
class RetentionTasks {

    @Bean
    RecurringTask<Void> retentionTask(Retention retention, @Value("${redress.privacy.retention-at:02:30}") LocalTime at) {
        return Tasks.recurring("retention-anonymisation", Schedules.daily(ZoneId.of("Europe/London"), at))
                .execute((instance, context) -> retention.runEverywhere());
    }
}
