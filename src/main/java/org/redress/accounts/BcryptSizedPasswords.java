package org.redress.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder every check and every new password goes through (sign-in form, HTTP Basic, changing one's
 * password, a member's first or new password), made to agree with bcrypt's 72-byte limit. bcrypt hashes only the
 * first 72 bytes: Spring refuses to hash a longer password (an exception, so a 500 where the policy had let it
 * through) but checks one by its first 72 bytes, so "a 72-byte password plus anything" would have signed in. Here a
 * longer password never matches: signing in with one is a wrong password like any other (it counts towards the
 * lockout), after the same bcrypt work so the answer takes as long. {@link PasswordPolicy} refuses it as a new
 * password first, naming the field; hashing one here is a bug and still fails.
 */
final class BcryptSizedPasswords implements PasswordEncoder {

    /** Checked instead of a too-long password, so refusing one costs the same time as checking a real one. */
    private static final String STAND_IN = "a password longer than bcrypt checks";

    private final PasswordEncoder delegate;

    BcryptSizedPasswords(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        if (rawPassword != null && PasswordPolicy.tooLongForBcrypt(rawPassword)) {
            throw new IllegalArgumentException("a password over " + PasswordPolicy.MAX_BYTES + " bytes must be refused by the password policy");
        }
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        if (rawPassword != null && PasswordPolicy.tooLongForBcrypt(rawPassword)) {
            delegate.matches(STAND_IN, encodedPassword);
            return false;
        }
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
