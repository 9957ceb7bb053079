package org.redress.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPatternsTest {

    private static final String INVISIBLE = "do not use invisible or control characters (such as zero-width spaces or tabs)";
    private static final String SEQUENCE = "do not use a simple sequence such as 123456789012 or abcdefghijkl";

    @Test
    void passphrasesAndMixedPasswordsPass() {
        assertThat(PasswordPatterns.weakness("river kettle orange lamp")).isEmpty();
        assertThat(PasswordPatterns.weakness("correct horse battery staple")).isEmpty();
        assertThat(PasswordPatterns.weakness("Tr0ub4dor&3x-again")).isEmpty();
        assertThat(PasswordPatterns.weakness("café crème brûlée")).isEmpty();
    }

    @Test
    void spacesOfAnyKindAloneAreRefused() {
        assertThat(PasswordPatterns.weakness("            ")).contains("do not use only spaces");
        // no-break and ideographic spaces are plain spaces once normalised
        assertThat(PasswordPatterns.weakness("\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u3000\u3000\u3000\u3000\u3000\u3000")).contains("do not use only spaces");
    }

    @Test
    void charactersNobodyCanSeeOrTypeAgainAreRefused() {
        for (String hidden : new String[] {"\u200B", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u00AD", "\t", "\n", "\u0000", "\u3164",
                "\u2800", "\uFE0F", "\uE000", "\u2028"}) {
            assertThat(PasswordPatterns.weakness("river kettle" + hidden + "orange")).as("U+%04X", (int) hidden.charAt(0)).contains(INVISIBLE);
        }
    }

    @Test
    void oneCharacterRepeatedIsRefused() {
        assertThat(PasswordPatterns.weakness("aaaaaaaaaaaa")).contains("do not repeat one character");
        assertThat(PasswordPatterns.weakness("AaAaAaAaAaAa")).contains("do not repeat one character");
    }

    @Test
    void runsAlongTheDigitsOrTheAlphabetAreRefusedEitherWayAndWithAnyStep() {
        assertThat(PasswordPatterns.weakness("123456789012")).contains(SEQUENCE);
        assertThat(PasswordPatterns.weakness("098765432109")).contains(SEQUENCE);
        assertThat(PasswordPatterns.weakness("abcdefghijkl")).contains(SEQUENCE);
        assertThat(PasswordPatterns.weakness("uvwxyzabcdef")).contains(SEQUENCE);
        assertThat(PasswordPatterns.weakness("246802468024")).contains(SEQUENCE);
        // full-width digits are plain digits once normalised
        assertThat(PasswordPatterns.weakness("１２３４５６７８９０１２")).contains(SEQUENCE);
    }

    @Test
    void fewerThanFiveDifferentCharactersAreRefused() {
        assertThat(PasswordPatterns.weakness("abababababab")).contains("use at least 5 different characters");
        assertThat(PasswordPatterns.weakness("abcdabcdabcd")).contains("use at least 5 different characters");
        assertThat(PasswordPatterns.weakness("abcdeabcdeab")).isEmpty();
    }
}
