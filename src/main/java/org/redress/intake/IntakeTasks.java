package org.redress.intake;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Reads the connected mailboxes every {@code redress.intake.poll-interval} as a db-scheduler task: one node at a time
 * reads them, however many nodes run, and if that node dies another takes the task over (issue 27). Each node reading
 * every mailbox on its own timer only raced the others to the same messages.
 */
@Configuration(proxyBeanMethods = false)
class IntakeTasks {

    @Bean
    RecurringTask<Void> mailboxPollTask(MailboxPoller poller, @Value("${redress.intake.poll-interval:60s}") Duration every) {
        return Tasks.recurring("mailbox-poll", FixedDelay.of(every)).execute((instance, context) -> poller.pollAll());
    }
}
