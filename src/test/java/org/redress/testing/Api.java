package org.redress.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A tiny HTTP client for tests that talk to the running application over real HTTP. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** The Authorization header of the test administrator, for tests that build their own requests. */
    public static final String ADMIN_AUTHORIZATION = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (TestAccounts.ADMIN + ":" + TestAccounts.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** Signs in with HTTP Basic as the test administrator, who belongs to every organisation. */
    public Api(int port) {
        this(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    }

    private Api(int port, String username, String password) {
        this(port, username.isEmpty() ? "" : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Api(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** A client that sends an API token, as another system would. */
    public static Api bearer(int port, String token) {
        return new Api(port, "Bearer " + token);
    }

    /** A client signed in as another account. */
    public static Api as(int port, String username, String password) {
        return new Api(port, username, password);
    }

    /** A client of the same application signed in as another account. */
    public Api as(String username, String password) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), username, password);
    }

    /** A client that sends no credentials. */
    public static Api anonymous(int port) {
        return new Api(port, "", "");
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response put(String path, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response post(String path, String jsonBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response post(String path, String jsonBody, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").setHeader(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
