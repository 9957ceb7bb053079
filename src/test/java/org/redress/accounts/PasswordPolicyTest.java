package org.redress.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aPasswordShorterThanTwelveCharactersIsRefused() {
        assertThat(policy.check("sam", "elevenchars")).isPresent();
        assertThat(policy.check("sam", "twelve chars")).isEmpty();
    }

    @Test
    void aPasswordContainingTheUsernameIsRefused() {
        assertThat(policy.check("sam.jones", "SAM.JONES-rocks-2026").map(PasswordPolicy.Weakness::rule)).hasValueSatisfying(r -> r.contains("username"));
    }

    @Test
    void theShippedListHoldsTheThirtyThousandMostCommonPasswords() {
        assertThat(policy.isCommon("123456")).isTrue();
        assertThat(policy.isCommon("Password")).isTrue();
        assertThat(policy.isCommon("river kettle orange lamp")).isFalse();
    }

    @Test
    void aCommonPasswordWithDigitsOrPunctuationAddedIsStillCommon() {
        assertThat(policy.check("sam", "qwertyuiop123!")).isPresent();
        assertThat(policy.check("sam", "1q2w3e4r5t6y")).isPresent();
    }
}
