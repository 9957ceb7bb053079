package org.redress.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A scrape of the Prometheus endpoint first reads the figures that are due, so what it shows is never older than the
 * refresh period. It runs after the security chain: a refused request reads nothing.
 */
@Configuration(proxyBeanMethods = false)
class ScrapeReadsFigures {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScrapeReadsFigures.class);

    static final String ENDPOINT = "/actuator/prometheus";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> figuresReadBeforeAScrape(Figures figures) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    figures.readThoseDue();
                } catch (RuntimeException e) {
                    // the database away: the scrape shows the last reading (and the pool's own figures say why)
                    LOG.warn("Reading the business figures before a scrape failed: {}", e.getMessage());
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns(ENDPOINT, ENDPOINT + "/*");
        // after Spring Security's chain (which is ordered at -100)
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
