package org.redress.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BcryptSizedPasswordsTest {

    private final PasswordPolicy policy = new PasswordPolicy();
    private final BcryptSizedPasswords passwords = new BcryptSizedPasswords(new BCryptPasswordEncoder(4));
    private final String longest = "river kettle orange lamp ".repeat(3).substring(0, 72);

    @Test
    void thePolicyCountsBytesAsBcryptDoesNotCharacters() {
        assertThat(policy.check("sam.jones", longest)).isEmpty();
        assertThat(policy.check("sam.jones", longest + "x")).hasValue(new PasswordPolicy.Weakness(PasswordPolicy.TOO_LONG));
        // 37 accented letters are 74 bytes; 18 emoji (six different ones, three times) are 72
        assertThat(policy.check("sam.jones", "üéöàçñ".repeat(7).substring(0, 37))).hasValue(new PasswordPolicy.Weakness(PasswordPolicy.TOO_LONG));
        String sixEmoji = "\uD83D\uDD11\uD83C\uDF33\uD83D\uDEB2\uD83C\uDF4E\uD83C\uDFB5\uD83D\uDC1D";
        assertThat(policy.check("sam.jones", sixEmoji.repeat(3))).isEmpty();
        assertThat(policy.check("sam.jones", sixEmoji.repeat(3) + "\uD83D\uDD11")).hasValue(new PasswordPolicy.Weakness(PasswordPolicy.TOO_LONG));
    }

    @Test
    void aPasswordLongerThanBcryptChecksNeverMatchesEvenWhenItsFirst72BytesDo() {
        String hash = passwords.encode(longest);
        assertThat(passwords.matches(longest, hash)).isTrue();
        assertThat(new BCryptPasswordEncoder(4).matches(longest + "anything", hash)).as("bcrypt alone").isTrue();
        assertThat(passwords.matches(longest + "anything", hash)).isFalse();
        assertThat(passwords.matches("x".repeat(10_000), hash)).isFalse();
    }

    @Test
    void hashingAPasswordThePolicyRefusesIsABugNotAStoredHash() {
        assertThatThrownBy(() -> passwords.encode(longest + "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
