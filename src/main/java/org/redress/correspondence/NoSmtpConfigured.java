package org.redress.correspondence;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when no SMTP server is configured ({@code spring.mail.host} blank) and mail is not sent through Microsoft Graph
 * ({@code redress.mail.transport=graph}, issue 24): mail stays in the local outbox.
 */
class NoSmtpConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"))
                && !"graph".equalsIgnoreCase(context.getEnvironment().getProperty("redress.mail.transport"));
    }
}
