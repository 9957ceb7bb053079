package org.redress.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Web sessions are kept in the database by Spring Session JDBC ({@code accounts.spring_session}, made by Flyway), so any
 * node serves any session and a load balancer needs no sticky sessions (issue 27). Spring Boot configures the store from
 * {@code spring.session.jdbc.*}; a session ends after {@code server.servlet.session.timeout} without activity.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    /**
     * Two requests of one session at once (a page and the parts it loads) may both write an attribute the session did not
     * have: PostgreSQL's upsert stores the later one, where a plain insert would fail the request with a duplicate key.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionQueries() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
