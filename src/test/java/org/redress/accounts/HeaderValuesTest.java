package org.redress.accounts;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValuesTest {

    /** The rule Spring Security's firewall states as a pattern; HeaderValues must agree with it on every character. */
    private static final Pattern FIREWALL_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private final HeaderValues rule = new HeaderValues();

    @Test
    void a_bearer_token_a_name_with_an_accent_and_an_emoji_are_allowed() {
        assertThat(rule.test("Bearer rd_3kq9-ZZ.x/y+=")).isTrue();
        assertThat(rule.test("Siân Ó Briain")).isTrue();
        assertThat(rule.test("thanks \uD83D\uDC4D")).isTrue();
    }

    @Test
    void control_characters_and_unassigned_code_points_are_refused() {
        assertThat(rule.test("evil\r\nSet-Cookie: x=1")).isFalse();
        assertThat(rule.test("tab\there")).isFalse();
        assertThat(rule.test("nul\u0000")).isFalse();
        assertThat(rule.test("del\u007f")).isFalse();
        assertThat(rule.test("unassigned\u0378")).isFalse();
    }

    @Test
    void it_agrees_with_the_firewall_pattern_on_every_character_of_the_basic_plane_and_beyond() {
        for (int cp = 0; cp <= 0x2FFFF; cp++) {
            String text = "a" + new String(Character.toChars(cp)) + "b";
            assertThat(rule.test(text)).as("U+%04X", cp).isEqualTo(FIREWALL_RULE.matcher(text).matches());
        }
    }
}
