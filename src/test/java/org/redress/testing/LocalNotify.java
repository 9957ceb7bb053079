package org.redress.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A GOV.UK Notify of the test's own: a real HTTP server on a free port that speaks the part of Notify's API Redress uses
 * (POST /v2/notifications/email, /sms and /letter; GET /v2/notifications by reference). Like Notify it takes only a
 * request whose bearer token is a JWT signed (HS256) with the service's secret key (the API key's last 36 characters),
 * issued by the service (its id) within the last 30 seconds, answering 403 AuthError otherwise, and 400 BadRequestError
 * to a request missing what the channel needs. It keeps every notification it accepted, for the test to count.
 */
public final class LocalNotify implements AutoCloseable {

    /** A notification Notify accepted. */
    public record Sent(String type, UUID id, String templateId, String to, JsonNode personalisation, String reference) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String serviceId = UUID.randomUUID().toString();
    private final String secret = UUID.randomUUID().toString();
    private final HttpServer server;
    private final List<Sent> sent = new ArrayList<>();
    private boolean loseNextAnswer;
    private int refusedTokens;

    public LocalNotify() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v2/notifications", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-notify");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An API key as Notify issues them: a name, the service id and the secret key. */
    public String apiKey() {
        return "redress_test-" + serviceId + "-" + secret;
    }

    /** The notifications accepted so far, oldest first. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Requests refused for a bad token so far. */
    public synchronized int refusedTokens() {
        return refusedTokens;
    }

    /** The next notification is accepted, but its answer is lost (a crash or a dropped connection before the sender hears). */
    public synchronized void loseNextAnswer() {
        loseNextAnswer = true;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!signedByTheService(exchange.getRequestHeaders().getFirst("Authorization"))) {
                synchronized (this) {
                    refusedTokens++;
                }
                answer(exchange, 403, error(403, "AuthError", "Invalid token: signature, api token not found"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && "/v2/notifications".equals(path)) {
                answer(exchange, 200, list(query(exchange.getRequestURI().getRawQuery())));
                return;
            }
            if ("POST".equals(exchange.getRequestMethod()) && path.matches("/v2/notifications/(email|sms|letter)")) {
                send(exchange, path.substring(path.lastIndexOf('/') + 1), JSON.readTree(exchange.getRequestBody().readAllBytes()));
                return;
            }
            answer(exchange, 404, error(404, "NotFoundError", "Not found"));
        }
    }

    private void send(HttpExchange exchange, String type, JsonNode body) throws IOException {
        String to = switch (type) {
            case "email" -> body.path("email_address").asString("");
            case "sms" -> body.path("phone_number").asString("");
            default -> body.path("personalisation").path("address_line_1").asString("");
        };
        String template = body.path("template_id").asString("");
        if (template.isEmpty() || to.isEmpty() || "letter".equals(type) && !body.path("personalisation").has("address_line_3")) {
            answer(exchange, 400, error(400, "BadRequestError", "letter".equals(type) ? "Address must be at least 3 lines"
                    : template.isEmpty() ? "template_id is a required property" : type + " recipient is a required property"));
            return;
        }
        UUID id = UUID.randomUUID();
        String reference = body.path("reference").asString("");
        boolean lose;
        synchronized (this) {
            sent.add(new Sent(type, id, template, to, body.path("personalisation"), reference));
            lose = loseNextAnswer;
            loseNextAnswer = false;
        }
        if (lose) {
            answer(exchange, 500, error(500, "Exception", "Internal server error"));
            return;
        }
        JsonNode personalisation = body.path("personalisation");
        ObjectNode answer = JSON.createObjectNode().put("id", id.toString()).put("reference", reference)
                .put("uri", baseUrl() + "/v2/notifications/" + id);
        ObjectNode content = answer.putObject("content").put("body", personalisation.path("body").asString(""));
        switch (type) {
            case "email" -> content.put("subject", personalisation.path("subject").asString("")).put("from_email", "complaints@notifications.service.gov.uk");
            case "sms" -> content.put("from_number", "GOVUK");
            default -> {
                content.put("subject", personalisation.path("subject").asString(""));
                answer.put("postage", "second").putNull("scheduled_for");
            }
        }
        answer.putObject("template").put("id", template).put("version", 1).put("uri", baseUrl() + "/v2/template/" + template);
        answer(exchange, 201, answer);
    }

    private synchronized ObjectNode list(Map<String, String> query) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode notifications = answer.putArray("notifications");
        for (Sent s : sent) {
            if (query.containsKey("reference") && !query.get("reference").equals(s.reference())
                    || query.containsKey("template_type") && !query.get("template_type").equals(s.type())) {
                continue;
            }
            ObjectNode n = notifications.addObject().put("id", s.id().toString()).put("reference", s.reference()).put("type", s.type())
                    .put("status", "created").put("body", s.personalisation().path("body").asString(""))
                    .put("created_at", "2026-12-07T09:00:00.000000Z");
            n.putNull("sent_at");
            n.putNull("completed_at");
            n.putNull("cost_details");
            if ("email".equals(s.type())) {
                n.put("email_address", s.to()).put("subject", s.personalisation().path("subject").asString(""));
            } else if ("sms".equals(s.type())) {
                n.put("phone_number", s.to());
            } else {
                n.put("line_1", s.to()).put("subject", s.personalisation().path("subject").asString(""));
            }
            n.putObject("template").put("id", s.templateId()).put("version", 1).put("uri", baseUrl() + "/v2/template/" + s.templateId());
        }
        answer.putObject("links").put("current", baseUrl() + "/v2/notifications").putNull("next");
        return answer;
    }

    /** The bearer token is a JWT the service signed with its secret key, issued within the last 30 seconds. */
    private boolean signedByTheService(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long issuedAt = claims.path("iat").asLong(0);
            return "HS256".equals(header.path("alg").asString("")) && serviceId.equals(claims.path("iss").asString(""))
                    && Math.abs(Instant.now().getEpochSecond() - issuedAt) <= 30;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static ObjectNode error(int status, String error, String message) {
        ObjectNode body = JSON.createObjectNode().put("status_code", status);
        body.putArray("errors").addObject().put("error", error).put("message", message);
        return body;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
