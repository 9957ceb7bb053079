package org.redress.accounts;

import org.redress.web.TextLimits;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What a new password must be (NCSC and NIST SP 800-63B: length over complexity, and never a known-breached
 * password): at least 12 characters, not the username, and not one of the 30,000 most common passwords, checked
 * locally against a list shipped with the application (nothing is sent anywhere). A common password with digits or
 * punctuation added at the end ("password1234!") counts as common. Nor only spaces, invisible characters, one character
 * repeated, a simple sequence or too few different characters ({@link PasswordPatterns}).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /**
     * bcrypt reads only the first 72 bytes of a password (Spring refuses to hash a longer one), so that is the limit:
     * 72 plain letters and digits, fewer with accented letters, other alphabets or emoji, which take 2 to 4 bytes each
     * in UTF-8. A limit in characters low enough for any of them (18) would be shorter than a good passphrase.
     */
    static final int MAX_BYTES = 72;
    static final String TOO_LONG = "use at most " + MAX_BYTES + " characters (fewer if it has accented letters, symbols or emoji, "
            + "which count as 2 to 4 each)";
    static final String COMMON_PASSWORDS = "accounts/common-passwords.txt.gz";

    /** A rule the password breaks, in words for the person choosing it. */
    record Weakness(String rule) {
    }

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    Optional<Weakness> check(String username, String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(new Weakness("use at least " + MIN_LENGTH + " characters (a few unrelated words make a strong one)"));
        }
        if (tooLongForBcrypt(password)) {
            return Optional.of(new Weakness(TOO_LONG));
        }
        Optional<String> pattern = PasswordPatterns.weakness(password);
        if (pattern.isPresent()) {
            return Optional.of(new Weakness(pattern.get()));
        }
        String lower = PasswordPatterns.normalised(password).toLowerCase(Locale.ROOT);
        if (lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Weakness("do not use your username in your password"));
        }
        String stem = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (common.contains(lower) || common.contains(stem)) {
            return Optional.of(new Weakness("this password is one of the most common ones, which are tried first: choose another"));
        }
        return Optional.empty();
    }

    /** Whether the password is longer than bcrypt can check: such a password is never set, and never matches. */
    static boolean tooLongForBcrypt(CharSequence password) {
        return password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the application");
            }
            Set<String> words = new HashSet<>(40_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        words.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
