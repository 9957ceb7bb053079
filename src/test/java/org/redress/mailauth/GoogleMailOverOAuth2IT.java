package org.redress.mailauth;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redress.correspondence.Outbox;
import org.redress.intake.MailboxPoller;
import org.redress.testing.Api;
import org.redress.testing.Cases;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google Workspace mail (issue 24, item 1): a service account with domain-wide delegation gets a token as each mailbox
 * by the JWT-bearer grant (RFC 7523), an assertion it signs with its private key; the mailbox is read over IMAP and
 * letters are sent over SMTP with XOAUTH2. The token endpoint (mock-oauth2-server) checks the assertion as Google does:
 * signed by the service account's key, issued by it, for the token endpoint, with the mail scope, at most an hour long.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "redress.intake.poll-interval=1h", "redress.outbox.poll-interval=1h", "redress.outbox.deliver-after-commit=false"})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class GoogleMailOverOAuth2IT {

    static final String ISSUER = "google";
    static final String SERVICE_ACCOUNT = "redress-mail@redress-alliance.iam.gserviceaccount.com";
    static final String MAILBOX = "complaints@alliancehomes.example";
    static final String SENDER = "letters@alliancehomes.example";
    static final String WRONG_KEY_MAILBOX = "repairs@alliancehomes.example";
    static final KeyPair KEY = rsa();
    static final KeyPair WRONG_KEY = rsa();
    static final int SMTP = MailOverOAuth2IT.freePort();
    static final int IMAP = MailOverOAuth2IT.freePort();
    /** Every assertion the token endpoint took, in order. */
    static final List<JWTClaimsSet> assertions = new CopyOnWriteArrayList<>();
    /** Every token a mail server took, in order. */
    static final List<Jwt> accepted = new CopyOnWriteArrayList<>();
    static final MockOAuth2Server issuer = issuer();
    static final NimbusJwtDecoder decoder = decoder();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[]{
            new ServerSetup(SMTP, null, ServerSetup.PROTOCOL_SMTP), new ServerSetup(IMAP, null, ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser(MAILBOX, MAILBOX, "not-the-token")
                    .withUser(SENDER, SENDER, "not-the-token")
                    .withUser(WRONG_KEY_MAILBOX, WRONG_KEY_MAILBOX, "not-the-token"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailAccounts(DynamicPropertyRegistry registry) {
        mailbox(registry, 0, MAILBOX, pem(KEY));
        mailbox(registry, 1, WRONG_KEY_MAILBOX, pem(WRONG_KEY));
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP);
        registry.add("spring.mail.username", () -> SENDER);
        registry.add("redress.mail.auth", () -> "oauth2");
        registry.add("redress.mail.oauth2.grant", () -> "jwt-bearer");
        registry.add("redress.mail.oauth2.service-account", () -> SERVICE_ACCOUNT);
        registry.add("redress.mail.oauth2.private-key", () -> pem(KEY));
        registry.add("redress.mail.oauth2.token-uri", GoogleMailOverOAuth2IT::tokenUri);
    }

    static void mailbox(DynamicPropertyRegistry registry, int i, String user, String key) {
        String m = "redress.intake.mailboxes[" + i + "].";
        registry.add(m + "organisation", () -> "alliance-homes");
        registry.add(m + "host", () -> "localhost");
        registry.add(m + "port", () -> IMAP);
        registry.add(m + "protocol", () -> "imap");
        registry.add(m + "username", () -> user);
        registry.add(m + "auth", () -> "oauth2");
        registry.add(m + "oauth2.grant", () -> "jwt-bearer");
        registry.add(m + "oauth2.service-account", () -> SERVICE_ACCOUNT);
        registry.add(m + "oauth2.private-key", () -> key);
        // subject: the mailbox's user name; scope: https://mail.google.com/ (the defaults)
        registry.add(m + "oauth2.token-uri", GoogleMailOverOAuth2IT::tokenUri);
    }

    @AfterAll
    static void stop() {
        issuer.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    MailboxPoller poller;
    @Autowired
    Outbox outbox;
    @Autowired
    MailTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void tokensAreCheckedAsGoogleChecksThem() throws Exception {
        for (String user : List.of(MAILBOX, SENDER, WRONG_KEY_MAILBOX)) {
            ((UserImpl) mail.getUserManager().getUser(user)).setTokenValidator(token -> valid(user, token));
        }
        outbox.deliverDue();
        poller.pollAll();
        mail.purgeEmailFromAllMailboxes();
        // each test starts without cached tokens, so it sees the service account ask for them
        for (String account : List.of(MAILBOX + "@localhost/INBOX", WRONG_KEY_MAILBOX + "@localhost/INBOX", XOAuth2MailSender.ACCOUNT)) {
            tokens.forget(account);
        }
        assertions.clear();
        accepted.clear();
    }

    @Test
    void aComplaintEmailIsReadOverImapWithATokenTheServiceAccountGotByTheJwtBearerGrant() throws Exception {
        clock.setUk("2026-11-23T09:00");
        anEmailArrives(MAILBOX, "Ada Resident <ada.google@example.org>", "Damp in the Gmail bedroom", "Black mould is back on the wall.");

        assertThat(poller.pollAll()).isEqualTo(1);

        String reference = jdbc.sql("select case_reference from intake.message where subject = 'Damp in the Gmail bedroom'").query(String.class).single();
        JsonNode c = new Api(port).get("/api/v1/organisations/alliance-homes/cases/" + reference).json();
        assertThat(c.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(c.get("complainant").get("email").asString()).isEqualTo("ada.google@example.org");
        // the service account asked as the mailbox, and the mail server took a token for the mailbox
        assertThat(assertions).extracting(JWTClaimsSet::getSubject).contains(MAILBOX);
        assertThat(accepted).extracting(Jwt::getSubject).containsExactly(MAILBOX);
        assertThat(poller.pollAll()).isZero();
        assertThat(accepted).hasSize(2); // the second round used the cached token
        assertThat(accepted.get(1).getTokenValue()).isEqualTo(accepted.get(0).getTokenValue());
    }

    @Test
    void theAssertionIsSignedByTheServiceAccountForTheMailboxTheTokenEndpointAndTheMailScopeForAnHour() throws Exception {
        clock.setUk("2026-11-23T09:00");
        anEmailArrives(MAILBOX, "Ben Tenant <ben.google@example.org>", "Gmail gutter", "Still leaking.");
        assertThat(poller.pollAll()).isEqualTo(1);

        JWTClaimsSet claims = assertions.stream().filter(a -> MAILBOX.equals(a.getSubject())).findFirst().orElseThrow();
        assertThat(claims.getIssuer()).isEqualTo(SERVICE_ACCOUNT);
        assertThat(claims.getAudience()).containsExactly(tokenUri());
        assertThat(claims.getStringClaim("scope")).isEqualTo("https://mail.google.com/");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aLetterIsSentOverSmtpWithATokenTheServiceAccountGotAsTheSendingMailbox() throws Exception {
        String to = "google.letter." + System.nanoTime() + "@example.org";
        clock.setUk("2026-11-23T09:30");
        new Cases(new Api(port)).aComplaint().receivedOn(LocalDate.of(2026, 11, 23)).by("Ada Resident").withEmail(to)
                .preferringContactBy("EMAIL").onServiceLine("housing").saying("Boiler repair missed twice")
                .points("Repair missed twice").in("alliance-homes").acknowledge();

        assertThat(outbox.deliverDue()).isEqualTo(1);

        MimeMessage sent = mail.getReceivedMessagesForDomain(to)[0];
        assertThat(sent.getSubject()).startsWith("We have received your complaint (");
        assertThat(GreenMailUtil.getBody(sent)).contains("Dear Ada Resident");
        assertThat(accepted).extracting(Jwt::getSubject).containsExactly(SENDER);
        assertThat(assertions).extracting(JWTClaimsSet::getSubject).contains(SENDER);
    }

    @Test
    void aWrongPrivateKeyIsRefusedNamingTheMailboxAndTheEmailStaysUnread() throws Exception {
        clock.setUk("2026-11-24T09:00");
        anEmailArrives(WRONG_KEY_MAILBOX, "Cy Tenant <cy.google@example.org>", "Gmail broken window", "The latch is off.");

        assertThat(poller.pollAll()).isZero();

        JsonNode mailboxes = new Api(port).get("/api/v1/organisations/alliance-homes/mailboxes").json();
        JsonNode repairs = java.util.stream.StreamSupport.stream(mailboxes.spliterator(), false)
                .filter(m -> m.get("mailbox").asString().equals(WRONG_KEY_MAILBOX + "@localhost/INBOX")).findFirst().orElseThrow();
        assertThat(repairs.has("failingSince")).isTrue();
        assertThat(repairs.get("lastError").asString()).isEqualTo("MailTokenException: The token endpoint " + tokenUri()
                + " refused a token for " + WRONG_KEY_MAILBOX + "@localhost/INBOX: invalid_grant (invalid jwt signature.)"); // the mock says Google's words in lower case
        assertThat(jdbc.sql("select count(*) from intake.message where subject = 'Gmail broken window'").query(Integer.class).single()).isZero();
        MimeMessage[] kept = mail.getReceivedMessagesForDomain(WRONG_KEY_MAILBOX);
        assertThat(kept).hasSize(1);
        assertThat(kept[0].getFlags().contains(Flags.Flag.SEEN)).isFalse();
        assertThat(accepted).extracting(Jwt::getSubject).doesNotContain(WRONG_KEY_MAILBOX);
    }

    void anEmailArrives(String mailbox, String from, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, mailbox);
        m.setSubject(subject);
        m.setText(text);
        m.saveChanges();
        mail.getUserManager().getUserByEmail(mailbox).deliver(m);
    }

    static String tokenUri() {
        return issuer.tokenEndpointUrl(ISSUER).toString();
    }

    /** The mail server's check: a token the issuer signed, not expired, for this mailbox, with the mail scope. */
    static boolean valid(String user, String token) {
        try {
            Jwt jwt = decoder.decode(token);
            if (!user.equals(jwt.getSubject()) || !jwt.getAudience().contains("https://mail.google.com/")) {
                return false;
            }
            accepted.add(jwt);
            return true;
        } catch (JwtException e) {
            return false;
        }
    }

    static MockOAuth2Server issuer() {
        OAuth2Config defaults = new MockOAuth2Server().getConfig();
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(defaults.getInteractiveLogin(), defaults.getLoginPagePath(),
                defaults.getStaticAssetsPath(), defaults.getRotateRefreshToken(), defaults.getTokenProvider(),
                Set.of(new GoogleTokenEndpoint()), defaults.getHttpServer()));
        server.start(0);
        return server;
    }

    static NimbusJwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwksUrl(ISSUER).toString()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ZERO), new JwtIssuerValidator(issuer.issuerUrl(ISSUER).toString())));
        return decoder;
    }

    /** Takes only a JWT-bearer assertion Google would take; refuses a bad signature with Google's own words. */
    static final class GoogleTokenEndpoint implements OAuth2TokenCallback {

        @Override
        public String issuerId() {
            return ISSUER;
        }

        @Override
        public String subject(TokenRequest request) {
            return assertion(request).getSubject();
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return "JWT";
        }

        @Override
        public List<String> audience(TokenRequest request) {
            JWTClaimsSet claims = assertion(request);
            assertions.add(claims);
            return List.of("https://mail.google.com/");
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            return Map.of();
        }

        @Override
        public long tokenExpiry() {
            return 3600;
        }

        private static JWTClaimsSet assertion(TokenRequest request) {
            if (!GrantType.JWT_BEARER.equals(request.getAuthorizationGrant().getType())) {
                throw refused("unsupported_grant_type", "Only the JWT-bearer grant");
            }
            SignedJWT jwt = (SignedJWT) ((JWTBearerGrant) request.getAuthorizationGrant()).getJWTAssertion();
            try {
                if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) KEY.getPublic()))) {
                    throw refused("invalid_grant", "Invalid JWT Signature.");
                }
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                if (!SERVICE_ACCOUNT.equals(claims.getIssuer()) || !claims.getAudience().equals(List.of(tokenUri()))
                        || !"https://mail.google.com/".equals(claims.getStringClaim("scope"))
                        || Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()).compareTo(Duration.ofHours(1)) > 0) {
                    throw refused("invalid_grant", "Invalid JWT: the claims are not those Google takes.");
                }
                return claims;
            } catch (com.nimbusds.jose.JOSEException | java.text.ParseException e) {
                throw refused("invalid_grant", "Invalid JWT: " + e.getMessage());
            }
        }

        private static OAuth2Exception refused(String code, String description) {
            return new OAuth2Exception(new com.nimbusds.oauth2.sdk.ErrorObject(code, description, 400), description);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as Google's key file holds it: PEM, PKCS#8. */
    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
