package org.redress.pages;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links on pages are written as they are. Spring Boot adds a filter, when a webjars locator is present, that checks
 * every link a page writes against the static resource folders to add resource versions; our pages link to a few
 * version-less webjar files (served as they are by the webjars handler) and to many pages, and that check of every
 * case link in the classpath was two thirds of the "my work" page's CPU (issue 4's page benchmark). Defining the filter
 * here makes Boot's own back off, and it is never registered.
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    @Bean
    ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
        return new ResourceUrlEncodingFilter();
    }

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingNotRegistered(ResourceUrlEncodingFilter filter) {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
