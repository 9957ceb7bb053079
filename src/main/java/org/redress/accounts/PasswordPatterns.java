package org.redress.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Passwords long enough to pass the length rule that are still no secret: only spaces, one character repeated, a run
 * along the digits or the alphabet, or fewer than {@link #MIN_DISTINCT} different characters; and characters nobody
 * can see or type again (zero-width spaces, control characters, other invisible ones). Checked on the NFKC form, so a
 * full-width or otherwise look-alike spelling counts as the plain one (NIST SP 800-63B 5.1.1.2).
 */
final class PasswordPatterns {

    static final int MIN_DISTINCT = 5;

    private PasswordPatterns() {
    }

    /** The password as the rules read it: compatibility characters folded to their plain form. */
    static String normalised(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** The rule the password breaks, in words for the person choosing it, if any. */
    static Optional<String> weakness(String password) {
        String plain = normalised(password);
        if (plain.isBlank()) {
            return Optional.of("do not use only spaces");
        }
        if (plain.codePoints().anyMatch(PasswordPatterns::invisible)) {
            return Optional.of("do not use invisible or control characters (such as zero-width spaces or tabs)");
        }
        String lower = plain.toLowerCase(Locale.ROOT);
        long distinct = lower.codePoints().distinct().count();
        if (distinct == 1) {
            return Optional.of("do not repeat one character");
        }
        if (sequence(lower)) {
            return Optional.of("do not use a simple sequence such as 123456789012 or abcdefghijkl");
        }
        if (distinct < MIN_DISTINCT) {
            return Optional.of("use at least " + MIN_DISTINCT + " different characters");
        }
        return Optional.empty();
    }

    /** Control, format (zero-width and direction marks), private-use, unassigned and separator characters, and blank fillers. */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c != ' ' && Character.isWhitespace(c))
                // letters and symbols that show nothing: Hangul fillers, the braille blank, variation selectors
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
    }

    /** Every character the same step along the digits (0 after 9) or the alphabet (a after z) from the one before. */
    private static boolean sequence(String lower) {
        int[] chars = lower.codePoints().toArray();
        boolean digits = lower.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean letters = lower.chars().allMatch(c -> c >= 'a' && c <= 'z');
        if (!digits && !letters || chars.length < 2) {
            return false;
        }
        int size = digits ? 10 : 26;
        int step = Math.floorMod(chars[1] - chars[0], size);
        for (int i = 2; i < chars.length; i++) {
            if (Math.floorMod(chars[i] - chars[i - 1], size) != step) {
                return false;
            }
        }
        return step != 0;
    }
}
