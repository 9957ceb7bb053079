package org.redress.conduct;

import org.jspecify.annotations.Nullable;
import org.redress.casework.ComplainantKeys;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Who a restriction is about, and the matching rule that finds them again on a case (documented in
 * docs/special-situations.md): the same email (case ignored, spaces trimmed), or the same phone number (digits only,
 * a leading 44 read as 0), or the same name AND the same address (both lower case, accents, punctuation and spaces
 * ignored). A name alone never matches: two people can share a name.
 */
record Person(String name, @Nullable String email, @Nullable String phone, @Nullable String address) {

    @Nullable String emailKey() {
        return ComplainantKeys.email(email);
    }

    @Nullable String phoneKey() {
        return ComplainantKeys.phone(phone);
    }

    String nameKey() {
        return letters(name);
    }

    @Nullable String addressKey() {
        String key = address == null ? "" : letters(address);
        return key.isEmpty() ? null : key;
    }

    /** Whether the matching rule can ever find this person: an email, a phone number, or an address with the name. */
    boolean identifiable() {
        return emailKey() != null || phoneKey() != null || (addressKey() != null && !nameKey().isEmpty());
    }

    private static String letters(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
