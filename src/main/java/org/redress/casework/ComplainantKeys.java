package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseTypes.Complainant;

import java.util.Locale;

/**
 * How a complainant is matched to their earlier cases (F-11, subject access): name and email in lower case, the
 * phone number as digits with a leading 44 read as 0, the address as its letters and digits. They are stored in
 * plain indexed columns beside the case, written here from the case, so PostgreSQL does not work them out of the
 * JSON state on every insert (docs/adr/0013). Restrictions (conduct) match email and phone by the same rules.
 */
public record ComplainantKeys(String name, @Nullable String email, @Nullable String phone, @Nullable String address) {

    static ComplainantKeys of(Complainant complainant) {
        return new ComplainantKeys(name(complainant.name()), email(complainant.email()), phone(complainant.phone()),
                address(complainant.address()));
    }

    static String name(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public static @Nullable String email(@Nullable String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The digits of a phone number, with a leading 44 read as 0: "+44 7700 900123" and "07700900123" are one number. */
    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String d = phone.replaceAll("[^0-9]", "");
        if (d.matches("44[0-9]{10}")) {
            d = "0" + d.substring(2);
        }
        return d.length() < 6 ? null : d;
    }

    /** Letters and digits of an address in lower case: "12 High St." and "12 high st" are one address. */
    static @Nullable String address(@Nullable String address) {
        if (address == null) {
            return null;
        }
        String normal = address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return normal.isEmpty() ? null : normal;
    }
}
