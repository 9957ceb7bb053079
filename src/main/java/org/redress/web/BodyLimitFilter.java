package org.redress.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Refuses a body other than a file upload that says it is larger than {@link InputHygieneFilter#MAX_BODY_BYTES} (413),
 * first of all and without reading it: not even signing in or checking the form's token reads a 50 MB body. A body that
 * does not say its length is held to the same size as it is read ({@link InputHygieneFilter}, and the servlet
 * container's own limit for forms). A client that asks before sending its body ({@code Expect: 100-continue}) is told
 * 413 without sending it: the server says "continue" only once something reads the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter extends OncePerRequestFilter {

    /** The largest register file an import takes (spring.servlet.multipart.max-file-size says the same). */
    static final long IMPORT_FILE_MB = 40;
    /** The largest multipart request anywhere else (the public form checks each of its files at 5 MB itself). */
    static final long OTHER_UPLOADS_MB = 25;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/") && request.getContentLengthLong() > InputHygieneFilter.MAX_BODY_BYTES) {
            InputHygieneFilter.refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body", "is larger than 2 MB");
            return;
        }
        // issue 20: a complaint register of 100,000 rows is 25-30 MB, so only the import routes take files up to
        // IMPORT_FILE_MB (the container's limit); every other upload keeps the earlier 25 MB request limit
        boolean imports = request.getRequestURI().contains("/imports");
        long length = request.getContentLengthLong();
        if (type.startsWith("multipart/") && imports && length > (IMPORT_FILE_MB + 1) * 1024L * 1024L) {
            InputHygieneFilter.refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "file",
                    "is larger than " + IMPORT_FILE_MB + " MB: split the register into files of at most " + IMPORT_FILE_MB
                            + " MB (about 150,000 rows each)");
            return;
        }
        if (type.startsWith("multipart/") && !imports && length > OTHER_UPLOADS_MB * 1024L * 1024L) {
            InputHygieneFilter.refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "file",
                    "is larger than " + OTHER_UPLOADS_MB + " MB");
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class ContinueOnlyWhenRead {

        @Bean
        TomcatConnectorCustomizer continueOnlyWhenRead() {
            return connector -> connector.setProperty("continueResponseTiming", "onRead");
        }
    }
}
