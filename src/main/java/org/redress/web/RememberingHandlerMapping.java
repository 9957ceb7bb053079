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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a request's controller method without trying every mapping each time. Spring compares a path with variables
 * ({@code /api/v1/organisations/{organisation}/cases}) against all of the application's 250-odd mappings; in issue 4's
 * create benchmark that search was a quarter of the server's CPU. The mapping a request matched is remembered by
 * everything its choice can depend on (method, path, content type, accepted types; no mapping here has params or
 * headers conditions), and the next such request is checked against that one mapping alone, which still extracts its
 * path variables. A path not seen before (each case's own path) is compared only with the mappings of its shape: the
 * same number of segments and the same fixed segments ({@link #amongAlike}); in the case-reading benchmark of issue 28
 * the search over every mapping was an eighth of the server's CPU. Anything else (a pre-flight, no match, an
 * ambiguity) goes the usual way.
 */
final class RememberingHandlerMapping extends RequestMappingHandlerMapping {

    private static final String MATCHED = RememberingHandlerMapping.class.getName() + ".matched";

    private record Remembered(RequestMappingInfo mapping, HandlerMethod handler) {
    }

    private final Cache<String, Remembered> recent = Caffeine.newBuilder().maximumSize(10_000).build();
    /** The mappings by their paths' shapes, made at the first request (every mapping is registered by then). */
    private volatile @Nullable RouteShapes shapes;

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
        HandlerMethod found = amongAlike(lookupPath, request);
        if (found == null) {
            found = super.lookupHandlerMethod(lookupPath, request);
        }
        if (found != null && request.getAttribute(MATCHED) instanceof RequestMappingInfo mapping) {
            recent.put(key, new Remembered(mapping, found));
        }
        return found;
    }

    /**
     * The best mapping among those whose fixed path segments are the request's (the same number of segments, each fixed
     * one equal): Spring's own choice, since a mapping left out cannot match. Null, for Spring's full search, when none of
     * them matches (Spring then works out 404, 405 or 415), when two tie (its ambiguity error), or when the path is one
     * whose segments might match otherwise (encoded, a trailing or double slash, matrix variables).
     */
    private @Nullable HandlerMethod amongAlike(String lookupPath, HttpServletRequest request) {
        if (!lookupPath.startsWith("/") || lookupPath.endsWith("/") || lookupPath.contains("//") || lookupPath.indexOf('%') >= 0
                || lookupPath.indexOf(';') >= 0) {
            return null;
        }
        RouteShapes routes = shapes;
        if (routes == null) {
            routes = new RouteShapes(getHandlerMethods());
            shapes = routes;
        }
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> matches = new ArrayList<>(2);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> candidate : routes.alike(lookupPath)) {
            RequestMappingInfo matched = getMatchingMapping(candidate.getKey(), request);
            if (matched != null) {
                matches.add(Map.entry(matched, candidate.getValue()));
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> order = getMappingComparator(request);
            matches.sort((a, b) -> order.compare(a.getKey(), b.getKey()));
            if (order.compare(matches.get(0).getKey(), matches.get(1).getKey()) == 0) {
                return null;
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, matches.get(0).getValue());
        handleMatch(matches.get(0).getKey(), lookupPath, request);
        return matches.get(0).getValue();
    }

    /**
     * The application's mappings by the number of segments of their paths and their fixed segments (null where a
     * segment has a variable or a wildcard); a pattern with {@code **} or a catch-all variable is alike every path.
     */
    private static final class RouteShapes {

        private record Shape(@Nullable String[] fixed, Map.Entry<RequestMappingInfo, HandlerMethod> mapping) {
        }

        private final Map<Integer, List<Shape>> bySegments = new HashMap<>();
        private final List<Map.Entry<RequestMappingInfo, HandlerMethod>> everywhere = new ArrayList<>();

        RouteShapes(Map<RequestMappingInfo, HandlerMethod> mappings) {
            mappings.entrySet().forEach(mapping -> {
                var patterns = mapping.getKey().getPathPatternsCondition();
                if (patterns == null) {
                    everywhere.add(mapping);
                    return;
                }
                for (String pattern : patterns.getPatternValues()) {
                    if (pattern.contains("**") || pattern.contains("{*") || !pattern.startsWith("/")) {
                        everywhere.add(mapping);
                        continue;
                    }
                    String[] segments = pattern.split("/", -1);
                    @Nullable String[] fixed = new String[segments.length];
                    for (int i = 0; i < segments.length; i++) {
                        String segment = segments[i];
                        boolean variable = segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
                        fixed[i] = variable ? null : segment;
                    }
                    bySegments.computeIfAbsent(segments.length, n -> new ArrayList<>()).add(new Shape(fixed, mapping));
                }
            });
        }

        /** The mappings that can match this path, each once. */
        Collection<Map.Entry<RequestMappingInfo, HandlerMethod>> alike(String path) {
            String[] segments = path.split("/", -1);
            Map<RequestMappingInfo, Map.Entry<RequestMappingInfo, HandlerMethod>> alike = new LinkedHashMap<>();
            for (Shape shape : bySegments.getOrDefault(segments.length, List.of())) {
                if (fits(shape.fixed(), segments)) {
                    alike.putIfAbsent(shape.mapping().getKey(), shape.mapping());
                }
            }
            everywhere.forEach(m -> alike.putIfAbsent(m.getKey(), m));
            return alike.values();
        }

        private static boolean fits(@Nullable String[] fixed, String[] segments) {
            for (int i = 0; i < fixed.length; i++) {
                if (fixed[i] != null && !fixed[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }
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
