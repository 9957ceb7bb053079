package org.redress.correspondence;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox poller runs on Spring's scheduler; row locks make it safe on many nodes. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CorrespondenceConfiguration {
}
