package org.redress.vocabulary;

import org.jspecify.annotations.Nullable;
import org.redress.policy.PolicyPack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a list starts with: the service areas the organisation was set up with and those its pack's service lines name;
 * the subjects shipped in {@code vocabulary/subjects.txt} (those the demo's and generator's cases use, with the usual
 * other spellings of a complaint register).
 */
final class ListSeeds {

    record Seed(String name, List<String> aliases, List<Seed> children) {
    }

    private ListSeeds() {
    }

    static List<Seed> areas(List<String> organisationAreas, @Nullable PolicyPack pack) {
        Set<String> names = new LinkedHashSet<>(organisationAreas);
        if (pack != null) {
            pack.serviceLines().forEach(line -> names.addAll(line.serviceAreas()));
        }
        return names.stream().map(n -> new Seed(n, List.of(), List.of())).toList();
    }

    static List<Seed> subjects() {
        try (InputStream in = ListSeeds.class.getResourceAsStream("/vocabulary/subjects.txt")) {
            if (in == null) {
                throw new IllegalStateException("vocabulary/subjects.txt is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry a line, sub-categories indented under their subject, other spellings after "|" separated by commas. */
    static List<Seed> parse(String text) {
        List<Seed> top = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            List<String> aliases = parts.length < 2 ? List.of()
                    : Arrays.stream(parts[1].split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
            Seed seed = new Seed(parts[0].strip(), aliases, new ArrayList<>());
            if (Character.isWhitespace(line.charAt(0)) && !top.isEmpty()) {
                top.get(top.size() - 1).children().add(seed);
            } else {
                top.add(seed);
            }
        }
        return top;
    }
}
