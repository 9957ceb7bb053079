package org.redress.mailauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server speaking the parts of Microsoft Graph's mail API Redress uses (sendMail, a folder's unread messages,
 * a message's MIME, marking it read), taking only a bearer token {@link MailServers#valid} takes: anything else is
 * answered 401 with Graph's error body, as Graph answers it.
 */
final class GraphServer {

    private static final Pattern SEND = Pattern.compile("/v1\\.0/users/([^/]+)/sendMail");
    private static final Pattern LIST = Pattern.compile("/v1\\.0/users/([^/]+)/mailFolders/inbox/messages");
    private static final Pattern VALUE = Pattern.compile("/v1\\.0/users/([^/]+)/messages/([^/]+)/\\$value");
    private static final Pattern MESSAGE = Pattern.compile("/v1\\.0/users/([^/]+)/messages/([^/]+)");

    private final MailServers tokens;
    private final HttpServer server;
    /** Sent through sendMail: the mailbox sent as, and the MIME as decoded. */
    final List<Map.Entry<String, String>> sent = new CopyOnWriteArrayList<>();
    /** Each mailbox's inbox: message id to its MIME; and the ids marked read. */
    final Map<String, Map<String, String>> inboxes = new LinkedHashMap<>();
    final List<String> markedRead = new CopyOnWriteArrayList<>();
    /** Requests answered, as "METHOD path". */
    final List<String> requests = new CopyOnWriteArrayList<>();

    GraphServer(MailServers tokens) {
        this.tokens = tokens;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1.0/", this::handle);
        server.start();
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    synchronized void arrives(String mailbox, String id, String mime) {
        inboxes.computeIfAbsent(mailbox, m -> new LinkedHashMap<>()).put(id, mime);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(method + " " + path);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ") || !tokens.valid(authorization.substring(7))) {
                answer(exchange, 401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token validation failure.\"}}");
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher m;
            if ("POST".equals(method) && (m = SEND.matcher(path)).matches()) {
                String mime = new String(Base64.getMimeDecoder().decode(new String(body, StandardCharsets.US_ASCII)), StandardCharsets.UTF_8);
                sent.add(Map.entry(m.group(1), mime));
                answer(exchange, 202, "");
            } else if ("GET".equals(method) && (m = LIST.matcher(path)).matches()) {
                String query = exchange.getRequestURI().getQuery();
                if (query == null || !query.contains("$filter=isRead eq false")) {
                    answer(exchange, 400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"expected the unread filter\"}}");
                    return;
                }
                List<String> unread = new ArrayList<>();
                inboxes.getOrDefault(m.group(1), Map.of()).keySet().stream().filter(id -> !markedRead.contains(id))
                        .forEach(id -> unread.add("{\"id\":\"" + id + "\"}"));
                answer(exchange, 200, "{\"value\":[" + String.join(",", unread) + "]}");
            } else if ("GET".equals(method) && (m = VALUE.matcher(path)).matches()) {
                answer(exchange, 200, inboxes.getOrDefault(m.group(1), Map.of()).get(m.group(2)));
            } else if ("PATCH".equals(method) && (m = MESSAGE.matcher(path)).matches()
                    && new String(body, StandardCharsets.UTF_8).replace(" ", "").equals("{\"isRead\":true}")) {
                markedRead.add(m.group(2));
                answer(exchange, 200, "{\"id\":\"" + m.group(2) + "\",\"isRead\":true}");
            } else {
                answer(exchange, 404, "{\"error\":{\"code\":\"ResourceNotFound\"}}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 && !body.startsWith("{") ? "message/rfc822" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
