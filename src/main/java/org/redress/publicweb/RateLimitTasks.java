package org.redress.publicweb;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Removes the rate limits' buckets that are full again, every few minutes on one node (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class RateLimitTasks {

    @Bean
    RecurringTask<Void> rateLimitExpiryTask(RateLimiter limiter) {
        return Tasks.recurring("rate-limit-expiry", FixedDelay.of(Duration.ofMinutes(10))).execute((instance, context) -> limiter.forgetExpired());
    }
}
