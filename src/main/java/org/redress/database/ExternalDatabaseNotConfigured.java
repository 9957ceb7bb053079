package org.redress.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when neither {@code spring.datasource.url} nor {@code REDRESS_DB_URL} names a database and the embedded
 * PostgreSQL is not switched off ({@code redress.embedded-db.enabled}, true unless set).
 */
class ExternalDatabaseNotConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
                && embeddedEnabled(context);
    }

    static boolean embeddedEnabled(ConditionContext context) {
        return context.getEnvironment().getProperty("redress.embedded-db.enabled", Boolean.class, true);
    }
}
