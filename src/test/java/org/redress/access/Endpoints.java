package org.redress.access;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every API endpoint and page the application serves, read from Spring's handler mapping so a new controller is
 * covered without touching the tests, each with a concrete address (path variables filled in) and the headers,
 * parameters and content type its mapping needs to be chosen at all.
 */
final class Endpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

    /** One way in: method, concrete path, and what the mapping requires of the request. */
    record Endpoint(String method, String pattern, String path, Map<String, String> headers, String contentType, String controller) {
        boolean api() {
            return path.startsWith("/api/");
        }

        boolean reading() {
            return method.equals("GET") || method.equals("HEAD");
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (" + controller + ")";
        }
    }

    private Endpoints() {
    }

    /** The application's own API endpoints and staff pages (not the public pages, sign-in, error page or API explorer). */
    static List<Endpoint> of(RequestMappingHandlerMapping mapping, String organisation, String caseReference) {
        return matching(mapping, organisation, caseReference, p -> p.startsWith("/api/") || p.startsWith("/staff") || p.startsWith("/account"));
    }

    /** Every route of the application's own controllers, public pages included. */
    static List<Endpoint> all(RequestMappingHandlerMapping mapping, String organisation, String caseReference) {
        return matching(mapping, organisation, caseReference, p -> true);
    }

    /**
     * Every form a browser can post: staff pages, the account pages and the public pages. Not GOV.UK Notify's delivery
     * receipts ({@code /notify/...}, issue 24): no browser posts them, and they carry Notify's bearer token, not a session.
     */
    static List<Endpoint> forms(RequestMappingHandlerMapping mapping, String organisation, String caseReference) {
        return matching(mapping, organisation, caseReference, p -> !p.startsWith("/api/") && !p.startsWith("/notify/")).stream()
                .filter(e -> !e.reading()).toList();
    }

    private static List<Endpoint> matching(RequestMappingHandlerMapping mapping, String organisation, String caseReference,
                                           java.util.function.Predicate<String> paths) {
        List<Endpoint> result = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.redress")) {
                return;
            }
            for (String pattern : patterns(info)) {
                if (!paths.test(pattern)) {
                    continue;
                }
                List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                        : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).sorted().toList();
                Map<String, String> headers = new LinkedHashMap<>();
                info.getHeadersCondition().getExpressions().forEach(e -> {
                    if (!e.isNegated()) headers.put(e.getName(), e.getValue() == null ? "true" : e.getValue());
                });
                StringBuilder query = new StringBuilder();
                info.getParamsCondition().getExpressions().forEach(e -> {
                    if (!e.isNegated()) query.append(query.isEmpty() ? "?" : "&").append(e.getName()).append('=').append(e.getValue() == null ? "1" : e.getValue());
                });
                String contentType = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                        .map(MediaType::toString).orElse("");
                for (String method : methods) {
                    if (method.equals("OPTIONS") || method.equals("TRACE")) continue;
                    result.add(new Endpoint(method, pattern, fill(pattern, organisation, caseReference) + query, headers, contentType,
                            handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName()));
                }
            }
        });
        result.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return result;
    }

    private static List<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null ? List.copyOf(info.getPatternValues())
                : List.copyOf(info.getPathPatternsCondition().getPatternValues());
    }

    static String fill(String pattern, String organisation, String caseReference) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).toLowerCase();
            String value;
            if (name.startsWith("org")) value = organisation;
            else if (name.equals("case") || name.contains("reference") || name.equals("caseref")) value = caseReference;
            else if (name.contains("date") || name.equals("day")) value = "2026-12-24";
            else if (name.contains("year")) value = "2026";
            else if (name.equals("verb")) value = "acknowledge";
            else if (name.equals("list")) value = "subjects";
            else if (name.contains("version") || name.equals("number") || name.equals("stage") || name.equals("entry")) value = "1";
            else if (m.group(2) != null && m.group(2).matches("[a-z-]+(\\|[a-z-]+)*")) value = m.group(2).split("\\|")[0];
            else if (m.group(2) != null) value = "1";
            else value = "00000000-0000-4000-8000-000000000001";
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
