package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GOV.UK Notify as a delivery channel beside SMTP and print (issue 24), through Notify's official Java client. An
 * organisation that connects a Notify service (settings, {@link NotifyProperties}) has its emails, text messages and
 * posted letters sent from its own Notify templates; the outbox still sends one letter a transaction. Each
 * notification carries the letter's id as Notify's {@code reference}, and before sending the outbox asks Notify whether
 * a notification with that reference exists already: a crash between Notify taking a letter and the outbox recording it
 * sends nothing twice.
 *
 * <p>Templates get these personalisation fields: email {@code subject}, {@code body}, {@code reference} (the case's);
 * text message {@code body}, {@code reference}; letter {@code address_line_1}..{@code address_line_7} (the name, then
 * the address, its last line the postcode), {@code subject}, {@code body}, {@code reference}.
 */
@Component
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyDelivery {

    /** Notify refuses a text message longer than this. */
    static final int TEXT_LIMIT = 918;
    static final String VIA_EMAIL = "GOV.UK Notify email";
    static final String VIA_TEXT = "GOV.UK Notify text message";
    static final String VIA_LETTER = "GOV.UK Notify letter";
    /** A representative's copy of an email carries the letter's id with this after it. */
    static final String COPY = "/copy";

    private final NotifyProperties properties;
    private final Map<String, NotificationClient> clients = new ConcurrentHashMap<>();

    NotifyDelivery(NotifyProperties properties) {
        this.properties = properties;
    }

    /** What Notify took: its notification id, and the channel in words for the letter's record. */
    record Sent(UUID notificationId, String via) {
    }

    /** Notify refused the letter for good (400, 403): trying again sends nothing, so the outbox gives up at once. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Whether the organisation sends text messages through Notify (a tracking code, a letter for a person who chose text). */
    public boolean sendsTexts(String organisation) {
        return properties.of(organisation).filter(NotifyProperties.Service::sendsText).isPresent();
    }

    /** The organisations connected to a Notify service on this node. */
    List<String> organisations() {
        return properties.connected().stream().map(NotifyProperties.Service::organisation).toList();
    }

    /** Whether this letter, as queued, goes through Notify rather than SMTP, the print queue or the local outbox. */
    boolean carries(Letter letter) {
        Optional<NotifyProperties.Service> service = properties.of(letter.organisation());
        if (service.isEmpty() || !"PENDING".equals(letter.status())) {
            return false;
        }
        switch (letter.channel()) {
            case "EMAIL":
                return service.get().sendsEmail();
            case "POST":
                return service.get().sendsLetters();
            case "TEXT":
                return service.get().sendsText();
            default:
                return false;
        }
    }

    /** Sends the letter through its organisation's Notify service, with the one-time code it carries in place of its mask. */
    Sent send(Letter letter, @Nullable String code) {
        NotifyProperties.Service service = properties.of(letter.organisation()).orElseThrow();
        NotificationClient client = clientOf(service);
        String reference = letter.id().toString();
        String body = code == null ? letter.body() : letter.body().replace(Letter.MASK, code);
        String caseReference = letter.caseReference() == null ? "" : letter.caseReference();
        try {
            switch (letter.channel()) {
                case "EMAIL": {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("subject", letter.subject());
                    fields.put("body", body);
                    fields.put("reference", caseReference);
                    UUID id = already(client, "email", reference)
                            .orElseGet(() -> sendEmail(client, service.emailTemplate(), letter.recipient(), fields, reference));
                    if (letter.copyTo() != null && already(client, "email", reference + COPY).isEmpty()) {
                        sendEmail(client, service.emailTemplate(), letter.copyTo(), fields, reference + COPY);
                    }
                    return new Sent(id, VIA_EMAIL);
                }
                case "TEXT": {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("body", body);
                    fields.put("reference", caseReference);
                    Optional<UUID> sent = already(client, "sms", reference);
                    UUID id = sent.isPresent() ? sent.get()
                            : client.sendSms(service.smsTemplate(), letter.recipient(), fields, reference).getNotificationId();
                    return new Sent(id, VIA_TEXT);
                }
                case "POST": {
                    Map<String, Object> fields = new LinkedHashMap<>(addressLines(letter.recipient()));
                    fields.put("subject", letter.subject());
                    fields.put("body", body);
                    fields.put("reference", caseReference);
                    Optional<UUID> sent = already(client, "letter", reference);
                    UUID id = sent.isPresent() ? sent.get() : client.sendLetter(service.letterTemplate(), fields, reference).getNotificationId();
                    return new Sent(id, VIA_LETTER);
                }
                default:
                    throw new IllegalStateException("GOV.UK Notify does not send " + letter.channel());
            }
        } catch (NotificationClientException e) {
            throw failure(e);
        } catch (Wrapped e) {
            throw failure(e.cause);
        }
    }

    /** The Notify service's callback token for the organisation, when it has one. */
    Optional<String> callbackToken(String organisation) {
        return properties.of(organisation).map(NotifyProperties.Service::callbackToken).filter(t -> !t.isBlank());
    }

    private static UUID sendEmail(NotificationClient client, @Nullable String template, String to, Map<String, Object> fields, String reference) {
        try {
            return client.sendEmail(template, to, fields, reference).getNotificationId();
        } catch (NotificationClientException e) {
            throw new Wrapped(e);
        }
    }

    private static final class Wrapped extends RuntimeException {
        private final NotificationClientException cause;

        Wrapped(NotificationClientException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** The notification Notify already has with this reference: the letter went before a crash kept it from being recorded. */
    private static Optional<UUID> already(NotificationClient client, String type, String reference) {
        try {
            return client.getNotifications(null, type, reference, null).getNotifications().stream()
                    .filter(n -> n.getReference().filter(reference::equals).isPresent()).map(Notification::getId).findFirst();
        } catch (NotificationClientException e) {
            throw new Wrapped(e);
        }
    }

    private static RuntimeException failure(NotificationClientException e) {
        String message = "GOV.UK Notify answered " + e.getHttpResult() + ": " + e.getMessage();
        if (e.getHttpResult() == 400 || e.getHttpResult() == 403) {
            return new Refused(message);
        }
        return new IllegalStateException(message, e);
    }

    private NotificationClient clientOf(NotifyProperties.Service service) {
        return clients.computeIfAbsent(service.organisation(), o -> new NotificationClient(service.apiKey(), properties.baseUrlOrDefault()));
    }

    /**
     * A posted letter's address for Notify: the name, then the address's lines (split at commas and line ends), at most
     * seven lines, the last the postcode; lines in between are joined when there are more.
     */
    static Map<String, String> addressLines(String recipient) {
        List<String> parts = new ArrayList<>(Arrays.stream(recipient.split("[,\\n]")).map(String::strip).filter(p -> !p.isEmpty()).toList());
        if (parts.size() > 7) {
            List<String> merged = new ArrayList<>(parts.subList(0, 5));
            merged.add(String.join(", ", parts.subList(5, parts.size() - 1)));
            merged.add(parts.get(parts.size() - 1));
            parts = merged;
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            lines.put("address_line_" + (i + 1), parts.get(i));
        }
        return lines;
    }

    /** A UK mobile number in the form Notify takes, from a phone number as a person gave it; empty for any other number. */
    public static Optional<String> mobile(@Nullable String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[\\s()\\-.]", "");
        if (digits.matches("(\\+44|0044|44)7\\d{9}")) {
            return Optional.of("0" + digits.substring(digits.length() - 10));
        }
        return digits.matches("07\\d{9}") ? Optional.of(digits) : Optional.empty();
    }
}
