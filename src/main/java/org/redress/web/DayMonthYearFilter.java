package org.redress.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff pages' dates are GOV.UK date inputs (issue 21): three fields named {@code <field>-day}, {@code -month} and
 * {@code -year} (the {@code dateInput} fragment). This puts them together into the one field every controller already
 * reads ({@code <field>}, YYYY-MM-DD), so no controller changes and the API's ISO dates stay as they are. All three
 * empty is an empty field; a date that is incomplete or not a real day is handed on as {@link RequestDates#typed} text,
 * which {@link RequestDates#parse} refuses with words saying what is missing, and the page names the field as for any
 * bad date.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5)
class DayMonthYearFilter extends OncePerRequestFilter {

    /** The request attribute holding each date's fields as typed (day, month, year by field), so a page shows them again. */
    static final String TYPED = "typedDates";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/staff/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> parameters = request.getParameterMap();
        Map<String, String[]> dates = null;
        Map<String, List<String>> typed = new LinkedHashMap<>();
        for (String name : parameters.keySet()) {
            if (!name.endsWith("-day")) {
                continue;
            }
            String field = name.substring(0, name.length() - "-day".length());
            if (field.isEmpty() || !parameters.containsKey(field + "-month") || !parameters.containsKey(field + "-year")) {
                continue;
            }
            if (dates == null) {
                dates = new LinkedHashMap<>(parameters);
            }
            String day = first(parameters, name);
            String month = first(parameters, field + "-month");
            String year = first(parameters, field + "-year");
            dates.put(field, new String[]{RequestDates.typed(day, month, year)});
            typed.put(field, List.of(day, month, year));
        }
        if (!typed.isEmpty()) {
            request.setAttribute(TYPED, Map.copyOf(typed));
        }
        chain.doFilter(dates == null ? request : new WithDates(request, Collections.unmodifiableMap(dates)), response);
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0];
    }

    /** The request with each date's fields put together. */
    private static final class WithDates extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        WithDates(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(new ArrayList<>(parameters.keySet()));
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
