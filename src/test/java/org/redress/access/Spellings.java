package org.redress.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Other ways to spell one address that a server might route to the same place: each letter of each segment
 * percent-encoded on its own, each segment wholly encoded and double-encoded, a {@code ;} parameter on each segment,
 * a doubled slash and a {@code /./} before each segment. The query, if any, is kept as it is.
 */
final class Spellings {

    private Spellings() {
    }

    static List<String> of(String address) {
        int q = address.indexOf('?');
        String path = q < 0 ? address : address.substring(0, q);
        String query = q < 0 ? "" : address.substring(q);
        String[] segments = path.split("/", -1);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            for (int c = 0; c < segment.length(); c++) {
                if (Character.isLetter(segment.charAt(c))) {
                    out.add(with(segments, i, segment.substring(0, c) + encode(segment.charAt(c)) + segment.substring(c + 1)) + query);
                }
            }
            StringBuilder whole = new StringBuilder();
            StringBuilder twice = new StringBuilder();
            for (char ch : segment.toCharArray()) {
                whole.append(encode(ch));
                twice.append(encode(ch).replace("%", "%25"));
            }
            out.add(with(segments, i, whole.toString()) + query);
            out.add(with(segments, i, twice.toString()) + query);
            out.add(with(segments, i, segment + ";x=1") + query);
            out.add(with(segments, i, "/" + segment) + query);
            out.add(with(segments, i, "./" + segment) + query);
        }
        out.remove(address);
        return new ArrayList<>(out);
    }

    private static String encode(char c) {
        return String.format(Locale.ROOT, "%%%02X", (int) c);
    }

    private static String with(String[] segments, int index, String replacement) {
        String[] copy = segments.clone();
        copy[index] = replacement;
        return String.join("/", copy);
    }
}
