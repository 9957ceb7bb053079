package org.redress.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;

/**
 * The embedded PostgreSQL is switched off ({@code redress.embedded-db.enabled=false}, as the container image does) and
 * no external database is named: Redress stops at start and says which settings to give, rather than keep its data in
 * a container's file system or fail later with Spring Boot's own message about an embedded database driver (issue 24).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfigured.Matches.class)
class NoDatabaseConfigured {

    static final String MESSAGE = "No database: the embedded PostgreSQL is switched off (REDRESS_EMBEDDED_DB_ENABLED=false, "
            + "as in the container image) and REDRESS_DB_URL is not set. Set REDRESS_DB_URL "
            + "(jdbc:postgresql://host:5432/redress), REDRESS_DB_USER and REDRESS_DB_PASSWORD to an external PostgreSQL.";

    @Bean
    DataSource dataSource() {
        throw new IllegalStateException(MESSAGE);
    }

    static final class Matches implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
                    && !ExternalDatabaseNotConfigured.embeddedEnabled(context);
        }
    }
}
