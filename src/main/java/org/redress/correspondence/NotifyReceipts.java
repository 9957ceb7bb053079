package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * GOV.UK Notify's delivery receipts (issue 24): Notify POSTs each notification's status as JSON, with the bearer token
 * the organisation set on its Notify service's callback ({@code redress.notify.services[n].callback-token}). A letter
 * delivered says so on the outbox; one Notify could not deliver becomes a warning for the case's owner, on the case page
 * and "my work", as a letter with nowhere to go is. A request without the organisation's token is answered 401 and
 * changes nothing.
 */
@RestController
class NotifyReceipts {

    static final String PATH = "/notify/{organisation}/receipts";
    private static final Logger log = LoggerFactory.getLogger(NotifyReceipts.class);

    private final NotifyDelivery notify;
    private final Letters letters;
    private final Casework casework;
    private final JsonMapper json;
    private final Clock clock;

    NotifyReceipts(NotifyDelivery notify, Letters letters, Casework casework, JsonMapper json, Clock clock) {
        this.notify = notify;
        this.letters = letters;
        this.casework = casework;
        this.json = json;
        this.clock = clock;
    }

    /** Notify's callback calls with no session and no CSRF token: its own bearer token is checked here, per organisation. */
    @org.springframework.context.annotation.Bean
    @org.springframework.core.annotation.Order(0)
    static SecurityFilterChain notifyCallbacks(HttpSecurity http) throws Exception {
        http.securityMatcher("/notify/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable());
        return http.build();
    }

    @PostMapping(PATH)
    @Transactional
    ResponseEntity<?> receive(@PathVariable String organisation, @RequestHeader(value = "Authorization", required = false) @Nullable String authorization,
                              @RequestBody(required = false) byte @Nullable [] body) {
        Optional<String> token = notify.callbackToken(organisation);
        if (token.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")
                || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8), authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "a delivery receipt needs the bearer token set as the organisation's GOV.UK Notify callback token");
            problem.setTitle("Not the organisation's GOV.UK Notify callback");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").body(problem);
        }
        JsonNode receipt = parse(body);
        UUID id = uuid(receipt, "id");
        String status = text(receipt, "status");
        String reference = receipt.path("reference").isString() ? receipt.path("reference").asString() : "";
        Optional<Letter> letter = letters.byNotification(organisation, id);
        if (letter.isEmpty()) {
            if (reference.endsWith(NotifyDelivery.COPY)) {
                // a representative's copy: the letter's own receipt says whether the person got it
                return ResponseEntity.noContent().build();
            }
            throw new NotFoundException("id", "no letter of " + organisation + " was sent as GOV.UK Notify notification " + id);
        }
        Outcome outcome = outcome(status, letter.get().channel());
        if (outcome != null) {
            @Nullable String owner = outcome.delivered() ? null : ownerOf(letter.get());
            boolean changed = letters.recordReceipt(letter.get().id(), outcome.delivered() ? "DELIVERED" : "NOT_DELIVERED", status,
                    outcome.error(), owner, clock.instant());
            log.info("GOV.UK Notify receipt for letter {} ({}): {}{}", letter.get().id(), letter.get().caseReference(), status,
                    changed ? "" : ", already recorded");
        }
        return ResponseEntity.noContent().build();
    }

    /** Where a receipt leaves the letter: null while Notify is still at it (created, sending, pending, accepted). */
    record Outcome(boolean delivered, @Nullable String error) {
    }

    static @Nullable Outcome outcome(String status, String channel) {
        String what = "EMAIL".equals(channel) ? "email address" : "TEXT".equals(channel) ? "phone number" : "address";
        switch (status) {
            case "delivered":
            case "received": // a letter: handed to the postal service
                return new Outcome(true, null);
            case "permanent-failure":
                return new Outcome(false, "GOV.UK Notify could not deliver it: the " + what + " does not exist or refused it (permanent failure)");
            case "temporary-failure":
                return new Outcome(false, "GOV.UK Notify could not deliver it for 72 hours: the " + ("TEXT".equals(channel)
                        ? "phone was off or could not get messages" : "inbox was full or not available") + " (temporary failure)");
            case "technical-failure":
                return new Outcome(false, "GOV.UK Notify could not send it because of a technical problem (technical failure)");
            case "validation-failed":
                return new Outcome(false, "GOV.UK Notify did not print it: the letter did not pass its checks, for example the address (validation failed)");
            case "cancelled":
                return new Outcome(false, "The letter was cancelled in GOV.UK Notify before it was printed");
            default:
                return null;
        }
    }

    /** Who is to contact the person another way: the owner of the case's current stage, when there is one. */
    private @Nullable String ownerOf(Letter letter) {
        if (letter.caseId() == null || !casework.exists(letter.organisation(), letter.caseId().toString())) {
            return null;
        }
        CaseView c = casework.get(letter.organisation(), letter.caseId().toString());
        return c.stages().stream().filter(s -> s.number() == c.stage()).map(CaseTypes.StageRecord::owner).filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    private JsonNode parse(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("id", "a delivery receipt is a JSON object with the notification's id and status");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidInputException("id", "a delivery receipt is a JSON object with the notification's id and status");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidInputException("id", "a delivery receipt is a JSON object with the notification's id and status");
        }
    }

    private static String text(JsonNode receipt, String field) {
        JsonNode value = receipt.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value.asString().strip().toLowerCase(Locale.ROOT);
    }

    private static UUID uuid(JsonNode receipt, String field) {
        try {
            return UUID.fromString(text(receipt, field));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be GOV.UK Notify's notification id (a UUID)");
        }
    }
}
