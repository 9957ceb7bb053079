package org.redress.mailauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.Jwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * The JWT a Google service account signs to ask for a token as a mailbox (RFC 7523, JWT-bearer grant): RS256 with the
 * service account's private key; {@code iss} the service account, {@code sub} the mailbox acted as, {@code aud} the
 * token endpoint, {@code scope}, and an hour's life (Google's longest).
 */
final class JwtAssertions {

    static final Duration LIFE = Duration.ofHours(1);

    private JwtAssertions() {
    }

    static Jwt sign(String account, OAuth2Client client, Clock clock) {
        PrivateKey key = privateKey(account, Objects.requireNonNull(client.privateKey()));
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(client.serviceAccount())
                .subject(client.subject())
                .audience(client.tokenUri())
                .claim("scope", Objects.requireNonNull(client.scope()).trim().replaceAll("[\\s,]+", " "))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFE)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new MailTokenException("The private key of " + account + " cannot sign the token request: " + e.getMessage(), e);
        }
        return Jwt.withTokenValue(jwt.serialize()).header("alg", "RS256").header("typ", "JWT")
                .issuer(client.serviceAccount()).subject(client.subject())
                .issuedAt(now).expiresAt(now.plus(LIFE)).build();
    }

    /** A PEM PKCS#8 RSA private key ({@code -----BEGIN PRIVATE KEY-----}), as Google's service account key file holds it. */
    static PrivateKey privateKey(String account, String pem) {
        String base64 = pem.replace("\\n", "\n") // as it stands in the key file's JSON
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new MailTokenException("The private-key of " + account
                    + " is not a PEM PKCS#8 RSA private key (-----BEGIN PRIVATE KEY-----, as in the service account's key file)", e);
        }
    }
}
