package org.redress.reporting;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalTime;
import java.time.ZoneId;

/** Checks every morning whether a quarter has ended and its scheduled reports are due (db-scheduler: one node runs it). */
@Configuration(proxyBeanMethods = false)
class ReportTasks {

    @Bean
    RecurringTask<Void> quarterlyReportsTask(QuarterlyReports quarterly, @Value("${redress.reporting.send-at:06:30}") LocalTime at) {
        return Tasks.recurring("quarterly-reports", Schedules.daily(ZoneId.of("Europe/London"), at))
                .execute((instance, context) -> quarterly.sendDue());
    }
}
