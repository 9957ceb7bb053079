package org.redress.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's controller method without trying every mapping each time. Spring compares a path with variables
 * ({@code /api/v1/organisations/{organisation}/cases}) against all of the application's 250-odd mappings; in issue 4's
 * create benchmark that search was a quarter of the server's CPU. The mapping a request matched is remembered by
 * everything its choice can depend on (method, path, content type, accepted types; no mapping here has params or
 * headers conditions), and the next such request is checked against that one mapping alone, which still extracts its
 * path variables. Anything else (a pre-flight, no match, an ambiguity) goes the usual way.
 */
final class RememberingHandlerMapping extends RequestMappingHandlerMapping {

    private static final String MATCHED = RememberingHandlerMapping.class.getName() + ".matched";

    private record Remembered(RequestMappingInfo mapping, HandlerMethod handler) {
    }

    private final Cache<String, Remembered> recent = Caffeine.newBuilder().maximumSize(10_000).build();

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        String key = request.getMethod() + ' ' + lookupPath + '\n' + request.getContentType() + '\n' + request.getHeader("Accept");
        Remembered known = recent.getIfPresent(key);
        if (known != null) {
            RequestMappingInfo matched = known.mapping().getMatchingCondition(request);
            if (matched != null) {
                handleMatch(matched, lookupPath, request);
                return known.handler();
            }
        }
        request.removeAttribute(MATCHED);
        HandlerMethod found = super.lookupHandlerMethod(lookupPath, request);
        if (found != null && request.getAttribute(MATCHED) instanceof RequestMappingInfo mapping) {
            recent.put(key, new Remembered(mapping, found));
        }
        return found;
    }

    @Override
    protected void handleMatch(RequestMappingInfo info, String lookupPath, HttpServletRequest request) {
        super.handleMatch(info, lookupPath, request);
        request.setAttribute(MATCHED, info);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations rememberingHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new RememberingHandlerMapping();
                }
            };
        }
    }
}
