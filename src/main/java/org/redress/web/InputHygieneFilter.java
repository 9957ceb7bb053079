package org.redress.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;

/**
 * Refuses input no field can hold before any controller sees it: a NUL character (PostgreSQL cannot store one in
 * text, so it would otherwise fail deep inside a write), and a body other than a file upload larger than
 * {@link #MAX_BODY_BYTES} (413): no request needs more, since no field may hold more than {@link TextLimits#TEXT}
 * characters. A body that says it is larger is refused unread by {@link BodyLimitFilter}; here one that does not say
 * (chunked) is read up to the limit before anything parses it. File uploads have their own limits
 * (spring.servlet.multipart). Found by the input fuzz test and issue 19 (docs/security.md).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class InputHygieneFilter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        HttpServletRequest checked = request;
        boolean upload = type.startsWith("multipart/");
        if (type.contains("json")) {
            byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body", "is larger than 2 MB");
                return;
            }
            if (holdsNul(new String(body, StandardCharsets.UTF_8))) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "body", "contains a NUL character (U+0000), which no field may hold");
                return;
            }
            checked = new CachedBody(request, body);
        } else if (!upload) {
            boolean form = type.startsWith("application/x-www-form-urlencoded");
            if (!form && request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
                // a body of unknown length (chunked), neither form nor JSON: read at most the limit before anyone parses it
                // (the servlet container holds a form to the same size)
                byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body", "is larger than 2 MB");
                    return;
                }
                checked = new CachedBody(request, body);
            }
            for (var entry : request.getParameterMap().entrySet()) {
                if (entry.getKey().indexOf('\0') >= 0 || anyNul(java.util.Arrays.asList(entry.getValue()))) {
                    refuse(response, HttpServletResponse.SC_BAD_REQUEST, entry.getKey().replace('\0', '?'),
                            "contains a NUL character (U+0000), which no field may hold");
                    return;
                }
            }
        }
        chain.doFilter(checked, response);
    }

    private static boolean anyNul(Collection<String> values) {
        return values.stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0);
    }

    private static boolean holdsNul(String json) {
        return json.indexOf('\0') >= 0 || json.toLowerCase(Locale.ROOT).contains("\\u0000");
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    static void refuse(HttpServletResponse response, int status, String field, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Invalid input\",\"status\":" + status + ",\"detail\":\""
                + field + ": " + message + "\",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]}");
    }

    /** The request with its JSON body already read, so the controller can read it again. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
