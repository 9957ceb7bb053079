package org.redress.correspondence;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * GOV.UK Notify services connected to organisations (issue 24), e.g. {@code redress.notify.services[0].organisation=the-trust},
 * {@code .api-key} (a secret: set it from the environment, never in a file), {@code .callback-token} (the bearer token
 * Notify sends with its delivery receipts), {@code .email-template}, {@code .sms-template}, {@code .letter-template}
 * (template ids; a blank one leaves that channel as it was: SMTP or the local outbox, the print queue, a call to make).
 *
 * @param baseUrl Notify's API, {@code https://api.notifications.service.gov.uk} unless set (tests run their own)
 */
@ConfigurationProperties("redress.notify")
public record NotifyProperties(@Nullable String baseUrl, @Nullable List<Service> services) {

    static final String NOTIFY_API = "https://api.notifications.service.gov.uk";

    String baseUrlOrDefault() {
        return baseUrl == null || baseUrl.isBlank() ? NOTIFY_API : baseUrl.strip();
    }

    List<Service> connected() {
        return services == null ? List.of() : services.stream().filter(s -> s.apiKey() != null && !s.apiKey().isBlank()).toList();
    }

    Optional<Service> of(String organisation) {
        return connected().stream().filter(s -> organisation.equals(s.organisation())).findFirst();
    }

    /** One organisation's Notify service and the templates it sends with. */
    public record Service(String organisation, @Nullable String apiKey, @Nullable String callbackToken, @Nullable String emailTemplate,
                          @Nullable String smsTemplate, @Nullable String letterTemplate) {

        boolean sendsEmail() {
            return set(emailTemplate);
        }

        boolean sendsText() {
            return set(smsTemplate);
        }

        boolean sendsLetters() {
            return set(letterTemplate);
        }

        private static boolean set(@Nullable String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            // never the key or the token in a log
            return "Notify service of " + organisation;
        }
    }
}
