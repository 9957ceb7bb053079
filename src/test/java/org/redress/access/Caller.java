package org.redress.access;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone calling the application the way a real client does: the API with HTTP Basic (or nothing), the pages with
 * a signed-in session and the session's CSRF token, never following redirects.
 */
final class Caller {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String name;
    private final String base;
    private final @Nullable String basic;
    private final HttpClient pages = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient api = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf = "";

    record Answer(int status, @Nullable String location, @Nullable String reached, String body, HttpResponse<String> raw) {
        boolean reachedController() {
            return reached != null;
        }
    }

    private Caller(String name, int port, @Nullable String username, @Nullable String password) {
        this.name = name;
        this.base = "http://localhost:" + port;
        this.basic = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Signed in on the pages (form) and the API (Basic) as this account. */
    static Caller signedIn(int port, String username, String password) {
        Caller caller = new Caller(username, port, username, password);
        caller.page("GET", "/sign-in", Map.of(), "", null);
        Answer signedIn = caller.page("POST", "/sign-in", Map.of(), "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(caller.csrf, StandardCharsets.UTF_8));
        if (signedIn.location() == null || signedIn.location().contains("error")) {
            throw new IllegalStateException(username + " could not sign in: " + signedIn.status() + " " + signedIn.location());
        }
        // the token changes at sign-in: read it again
        caller.page("GET", "/sign-in", Map.of(), "", null);
        return caller;
    }

    /** Nobody signed in, but with a session and its CSRF token, as a browser that opened the sign-in page. */
    static Caller anonymous(int port) {
        Caller caller = new Caller("anonymous", port, null, null);
        caller.page("GET", "/sign-in", Map.of(), "", null);
        return caller;
    }

    String csrf() {
        return csrf;
    }

    Answer call(Endpoints.Endpoint endpoint, String body) {
        if (endpoint.api()) {
            return api(endpoint.method(), endpoint.path(), endpoint.headers(), endpoint.contentType().isEmpty() ? "application/json" : endpoint.contentType(), body);
        }
        return page(endpoint.method(), endpoint.path(), endpoint.headers(),
                endpoint.contentType().isEmpty() ? "application/x-www-form-urlencoded" : endpoint.contentType(), body);
    }

    Answer api(String method, String path, Map<String, String> headers, String contentType, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Accept", "*/*");
        if (basic != null) request.header("Authorization", basic);
        headers.forEach(request::header);
        return send(api, request, method, contentType, body);
    }

    /** A page request with the session's CSRF token in the X-CSRF-TOKEN header (as htmx sends it) unless the body has one. */
    Answer page(String method, String path, Map<String, String> headers, String contentType, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        headers.forEach(request::header);
        if (!csrf.isEmpty() && !method.equals("GET") && (body == null || !body.contains("_csrf="))) request.header("X-CSRF-TOKEN", csrf);
        return send(pages, request, method, contentType, body);
    }

    /** A page request exactly as given: no CSRF token added. */
    Answer pageWithoutToken(String method, String path, String contentType, String body) {
        return pageWithoutToken(method, path, Map.of(), contentType, body);
    }

    /** A page request with the session's cookie and these headers (an Accept among them replaces the page's), no CSRF token. */
    Answer pageWithoutToken(String method, String path, Map<String, String> headers, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        headers.forEach(request::setHeader);
        return send(pages, request, method, contentType, body);
    }

    private Answer send(HttpClient http, HttpRequest.Builder request, String method, String contentType, @Nullable String body) {
        if (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") && body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        }
        try {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // the server may close a kept-alive connection after refusing a hostile request (a body it would not read):
                // the next request on that connection gets no answer at all, and was never seen. Send it once more.
                if (closed.getMessage() == null || !closed.getMessage().contains("received no bytes")) {
                    throw closed;
                }
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) csrf = m.group(1);
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue(ReachedHandler.HEADER).orElse(null), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
