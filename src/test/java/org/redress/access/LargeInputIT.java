package org.redress.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.equality.EqualityMonitoring;
import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestAccounts;
import org.redress.testing.TestClockConfiguration;
import org.redress.web.TextLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A megabyte in any text field of any request, over HTTP as any client would send it, is refused with 400 naming the
 * field and its size, and changes nothing (issue 19: eleven fields took a megabyte, and a long name failed with a
 * server error from its index). The fields are read from the controllers ({@link TextFields}), so a new one is tested
 * here, and one with no stated size fails. A body of 50 MB is refused unread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ReachedHandler.class})
class LargeInputIT {

    static final String MEGABYTE = "x".repeat(1_000_000);
    static final String ORG = "the-trust";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    EqualityMonitoring equality;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    String reference;
    String member;

    @BeforeEach
    void aCaseAndAMember() {
        clock.setUk("2026-11-23T10:00");
        Api.Response created = new Api(port).post("/api/v1/organisations/" + ORG + "/cases", """
                {"recordType":"complaint","channel":"PHONE","complainant":{"name":"Mega Byte","email":"mega.byte@example.org"},"description":"Long text","points":["one"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        reference = created.json().get("caseFile").get("reference").asString();
        member = "large.input." + System.nanoTime() % 100_000;
        Api.Response added = new Api(port).post("/api/v1/organisations/" + ORG + "/staff", """
                {"username":"%s","displayName":"Large Input","role":"CASE_WORKER","password":"a long enough password 9"}""".formatted(member));
        assertThat(added.status()).as(added.body()).isEqualTo(202);
        Api.Response accepted = Api.as(port, member, "a long enough password 9")
                .post("/api/v1/invitations/" + added.json().get("invitation").get("id").asString() + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void everyTextFieldOfEveryRequestAndFormHasAStatedSize() {
        List<TextFields.Target> unlimited = TextFields.of(handlerMapping).stream().filter(t -> t.max() == 0).toList();
        assertThat(unlimited).as("text fields of request and form records with no @Size(max = TextLimits...)").isEmpty();
    }

    @Test
    void aMegabyteInAnyTextFieldOfTheApiIsRefusedWith400NamingTheFieldAndItsSizeAndChangesNothing() {
        Caller admin = Caller.signedIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        List<TextFields.Target> targets = TextFields.of(handlerMapping).stream().filter(TextFields.Target::api).toList();
        assertThat(targets).hasSizeGreaterThan(100);
        List<String> wrong = new ArrayList<>();
        Map<String, Long> before = DatabaseFingerprint.of(jdbc);
        for (TextFields.Target t : targets) {
            // a request parameter of an API write (the mapping sent with an uploaded register) comes as a form field
            String body = t.contentType().startsWith("application/x-www-form-urlencoded") ? t.field() + "=" + MEGABYTE : json(t.field()).toString();
            Caller.Answer answer = admin.api(t.method(), fill(t.pattern()), Map.of(), t.contentType(), body);
            String problem = refusedNaming(answer, t.field(), t.max());
            if (problem != null) {
                wrong.add(t + ": " + problem);
            }
        }
        for (TextFields.Whole w : TextFields.wholeBodies(handlerMapping)) {
            if (!w.pattern().startsWith("/api/")) {
                continue;
            }
            // a map's keys are names, its text values names or codes; a text file has its own size
            String body = w.contentType().contains("json") ? "{\"" + MEGABYTE + "\":{}}" : MEGABYTE;
            Caller.Answer answer = admin.api(w.method(), fill(w.pattern()), Map.of(), w.contentType(), body);
            if (answer.status() != 400) {
                wrong.add(w + ": " + answer.status() + " " + abbreviate(answer.body()));
            }
        }
        Caller.Answer answer = admin.api("POST", "/api/v1/organisations/" + ORG + "/cases/" + reference + "/equality", Map.of(),
                "application/json", "{\"x\":\"" + MEGABYTE + "\"}");
        if (refusedNaming(answer, "x", TextLimits.NAME) != null) {
            wrong.add("equality answers: " + refusedNaming(answer, "x", TextLimits.NAME));
        }
        assertThat(wrong).isEmpty();
        assertThat(DatabaseFingerprint.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aMegabyteInAnyTextFieldOfAnyPageFormIsRefusedWith400ShowingTheFieldsSizeAndChangesNothing() {
        Caller admin = Caller.signedIn(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        Caller complainant = Caller.anonymous(port);
        signInToTrack(complainant);
        List<TextFields.Target> targets = TextFields.of(handlerMapping).stream()
                .filter(t -> !t.api() && t.contentType().equals("application/x-www-form-urlencoded")).toList();
        assertThat(targets).hasSizeGreaterThan(50);
        List<String> wrong = new ArrayList<>();
        Map<String, Long> before = DatabaseFingerprint.of(jdbc);
        for (TextFields.Target t : targets) {
            Caller caller = t.pattern().startsWith("/o/") ? complainant : admin;
            if (t.pattern().endsWith("/complain")) {
                // the public form takes five a address each ten minutes, refused ones too: each try is in a new window
                clock.set(clock.instant().plus(Duration.ofMinutes(11)));
            }
            Caller.Answer answer = caller.page(t.method(), fill(t.pattern()), Map.of(), t.contentType(),
                    URLEncoder.encode(t.field(), StandardCharsets.UTF_8) + "=" + MEGABYTE);
            boolean shown = t.max() <= 0 || answer.body().contains(TextLimits.tooLong(t.max()));
            if (answer.status() != 400 || !shown) {
                wrong.add(t + ": " + answer.status() + (shown ? "" : " without \"" + TextLimits.tooLong(t.max()) + "\"") + " "
                        + abbreviate(answer.body()));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(DatabaseFingerprint.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aFiftyMegabyteBodyIsRefusedWith413BeforeItIsSentAndOneOfUnknownLengthOncePastTwoMegabytes() throws Exception {
        String cases = "/api/v1/organisations/" + ORG + "/cases";
        for (String[] kind : new String[][]{{cases, "application/json"}, {"/staff/" + ORG + "/contacts", "application/x-www-form-urlencoded"},
                {"/api/v1/policies", "application/yaml"}, {"/sign-in", "application/x-www-form-urlencoded"}}) {
            for (String expect : List.of("", "Expect: 100-continue\r\n")) {
                // only the headers: the answer comes before a byte of the 50 MB is sent, so nothing can have read it
                try (Socket socket = new Socket("localhost", port)) {
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write(("POST " + kind[0] + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Api.ADMIN_AUTHORIZATION
                            + "\r\nContent-Type: " + kind[1] + "\r\nContent-Length: " + 50 * 1024 * 1024 + "\r\n" + expect + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    String answer = response(socket.getInputStream());
                    assertThat(answer).as(kind[0] + " " + expect).startsWith("HTTP/1.1 413 ").contains("Content-Type: application/problem+json")
                            .contains("Connection: close").endsWith("\"errors\":[{\"field\":\"body\",\"message\":\"is larger than 2 MB\"}]}");
                }
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        for (String[] kind : new String[][]{{cases, "application/json"}, {"/api/v1/policies", "application/yaml"}}) {
            // chunked, so its length is not known until it is read: refused once past 2 MB (the server reads on to 4 MB at most)
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + kind[0]))
                    .header("Authorization", Api.ADMIN_AUTHORIZATION).header("Content-Type", kind[1]).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(3L * 1024 * 1024))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).as(kind[0] + " chunked " + chunked.body()).isEqualTo(413);
            assertThat(JSON.readTree(chunked.body()).get("errors").get(0).get("field").asString()).isEqualTo("body");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Null if the answer is a 400 problem naming the field (with its size, when known); otherwise what is wrong. */
    private static String refusedNaming(Caller.Answer answer, String field, int max) {
        if (answer.status() != 400 || !answer.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return answer.status() + " " + abbreviate(answer.body());
        }
        for (JsonNode error : JSON.readTree(answer.body()).get("errors")) {
            if (error.get("field").asString().equals(field)
                    && (max == TextFields.CHECKED_LATER || error.get("message").asString().equals(TextLimits.tooLong(max)))) {
                return null;
            }
        }
        return "400 without " + field + (max > 0 ? ": " + TextLimits.tooLong(max) : "") + " in " + abbreviate(answer.body());
    }

    /** A JSON body with only the one field, a megabyte long: {@code a.b[0].c} becomes {"a":{"b":[{"c":"xxx..."}]}}. */
    static ObjectNode json(String path) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode at = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String name = parts[i].replace("[0]", "");
            if (parts[i].endsWith("[0]")) {
                ArrayNode list = at.putArray(name);
                if (last) {
                    list.add(MEGABYTE);
                } else {
                    at = list.addObject();
                }
            } else if (last) {
                at.put(name, MEGABYTE);
            } else {
                at = at.putObject(name);
            }
        }
        return root;
    }

    private String fill(String pattern) {
        return Endpoints.fill(pattern, ORG, reference).replace("/team/00000000-0000-4000-8000-000000000001", "/team/" + member)
                .replace("/staff/00000000-0000-4000-8000-000000000001/", "/staff/" + member + "/");
    }

    /** Opens the case in the complainant's own view, as they would with the code sent to them. */
    private void signInToTrack(Caller complainant) {
        clock.set(clock.instant().plus(Duration.ofMinutes(11)));
        complainant.page("GET", "/o/" + ORG + "/track", Map.of(), "", null);
        Caller.Answer code = complainant.page("POST", "/o/" + ORG + "/track", Map.of(), "application/x-www-form-urlencoded",
                "reference=" + reference);
        assertThat(code.status()).as(code.body()).isEqualTo(200);
        // the code the complainant was sent: with no mail server, an administrator reads it on the local outbox
        String sent = org.redress.testing.LocalOutboxCodes.shownToAdministrator(port, ORG, reference).orElseThrow();
        Caller.Answer in = complainant.page("POST", "/o/" + ORG + "/track/code", Map.of(), "application/x-www-form-urlencoded",
                "reference=" + reference + "&code=" + sent);
        assertThat(in.location()).as(in.body()).endsWith("/o/" + ORG + "/track/case");
    }

    /** One HTTP response as text, read to the end of its body (the server may wait for the body it refused before closing). */
    private static String response(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("Content-Length: (\\d+)").matcher(head);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return head + new String(body, StandardCharsets.UTF_8);
    }

    private static InputStream zeros(long length) {
        return new InputStream() {
            long left = length;

            @Override
            public int read() {
                return left-- > 0 ? '0' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) '0');
                left -= n;
                return n;
            }
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
