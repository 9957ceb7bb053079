package org.redress.mailauth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.Properties;

/**
 * The mail sender when the sending account does not sign in with a password: it takes the place of Spring Boot's
 * (which stands back when a {@link JavaMailSender} exists), so the outbox sends as before, through whichever this is.
 */
@Configuration(proxyBeanMethods = false)
// Boot's mail auto-configuration stands back whole once a sender exists, settings included: bind spring.mail.* here
@EnableConfigurationProperties({SendingAccount.class, MailProperties.class})
class MailSenders {

    /** SMTP with XOAUTH2: {@code spring.mail.host}, {@code .port}, {@code .username}, {@code .properties} as for a password. */
    @Bean
    @ConditionalOnProperty(name = "redress.mail.auth", havingValue = "oauth2")
    @ConditionalOnProperty(name = "redress.mail.transport", havingValue = "smtp", matchIfMissing = true)
    JavaMailSender xoauth2MailSender(MailProperties mail, SendingAccount account, MailTokens tokens) {
        if (mail.getHost() == null || mail.getHost().isBlank() || mail.getUsername() == null || mail.getUsername().isBlank()) {
            throw new IllegalStateException("redress.mail.auth=oauth2 needs spring.mail.host (and spring.mail.username, the mailbox sent as)");
        }
        XOAuth2MailSender sender = new XOAuth2MailSender(tokens, account.client());
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties settings = new Properties();
        settings.putAll(mail.getProperties());
        if (mail.getSsl().isEnabled()) {
            settings.setProperty("mail." + mail.getProtocol() + ".ssl.enable", "true");
        }
        XOAuth2MailSender.useXOAuth2(settings, mail.getProtocol());
        sender.setJavaMailProperties(settings);
        return sender;
    }

    /** Microsoft Graph's sendMail, where SMTP is switched off; needs no {@code spring.mail.host}. */
    @Bean
    @ConditionalOnProperty(name = "redress.mail.transport", havingValue = SendingAccount.GRAPH)
    JavaMailSender graphMailSender(SendingAccount account, MailTokens tokens) {
        return new GraphMailSender(tokens, account);
    }
}
