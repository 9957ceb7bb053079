package org.redress.policy;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fields of one pack file as it is read: each small reader (a required id, a list of blocks, a yes or no) returns a
 * value or a harmless placeholder and records an error with its line, so {@link PackReader} reports every mistake in the
 * file at once rather than stopping at the first.
 */
final class PackFields {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<PackError> errors = new ArrayList<>();
    private final List<PackError> warnings = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    /** The errors found so far; the consistency rules add theirs to the same list. */
    List<PackError> errors() {
        return errors;
    }

    /** The warnings found so far (the file is still read). */
    List<PackError> warnings() {
        return warnings;
    }

    void index(PackNode node, String path) {
        lines.put(path, node.line());
        node.fields().forEach((name, child) -> index(child, path.isEmpty() ? name : path + "." + name));
        for (int i = 0; i < node.items().size(); i++) {
            index(node.items().get(i), path + "[" + i + "]");
        }
    }

    /** The line of a path, or of its nearest parent that is in the file (a missing key is reported on its block). */
    int lineOf(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, cut);
        }
    }

    <T> List<T> list(PackNode node, String path, String key, BiFunction<PackNode, String, T> reader) {
        PackNode list = node.get(key);
        String at = path.isEmpty() ? key : path + "." + key;
        if (list == null || list.kind() == PackNode.Kind.NULL) {
            return List.of();
        }
        if (!list.isList()) {
            error(at, "must be a list (each entry starting with '- ')");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            PackNode item = list.items().get(i);
            String itemPath = at + "[" + i + "]";
            if (block(item, itemPath)) {
                result.add(reader.apply(item, itemPath));
            }
        }
        return List.copyOf(result);
    }

    List<String> strings(PackNode node, String path, String key) {
        PackNode list = node.get(key);
        String at = path.isEmpty() ? key : path + "." + key;
        if (list == null || list.kind() == PackNode.Kind.NULL) {
            return List.of();
        }
        if (!list.isList()) {
            error(at, "must be a list of words or sentences");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            PackNode item = list.items().get(i);
            if (item.isScalar() && item.text() != null) {
                result.add(item.text());
            } else {
                error(at + "[" + i + "]", "must be a single value, not a block or list");
            }
        }
        return List.copyOf(result);
    }

    boolean block(PackNode node, String path) {
        if (!node.isMap()) {
            error(path, "must be a block of keys (key: value)");
            return false;
        }
        return true;
    }

    void keys(PackNode node, String path, Set<String> known) {
        for (String key : node.fields().keySet()) {
            if (!known.contains(key)) {
                error(path.isEmpty() ? key : path + "." + key,
                        "is not a key this block knows; use " + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    String id(PackNode node, String path, String key) {
        String id = required(node, path, key);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            error(path.isEmpty() ? key : path + "." + key,
                    "is '" + id + "'; ids use lower-case letters, digits and single hyphens, e.g. 'stage-1'");
        }
        return id;
    }

    String required(PackNode node, String path, String key) {
        String value = optional(node, path, key);
        if (value == null || value.isBlank()) {
            if (value == null && node.get(key) == null) {
                error(path.isEmpty() ? key : path + "." + key, "is required");
            } else if (value != null) {
                error(path.isEmpty() ? key : path + "." + key, "must not be empty");
            }
            return "";
        }
        return value;
    }

    @Nullable String optional(PackNode node, String path, String key) {
        PackNode value = node.get(key);
        if (value == null || value.kind() == PackNode.Kind.NULL) {
            return null;
        }
        if (!value.isScalar()) {
            error(path.isEmpty() ? key : path + "." + key, "must be a single value, not a block or list");
            return null;
        }
        return value.text();
    }

    boolean bool(PackNode node, String path, String key, boolean otherwise) {
        String text = optional(node, path, key);
        if (text == null) {
            return otherwise;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                error(path + "." + key, "is '" + text + "'; use true or false");
                yield otherwise;
            }
        };
    }

    @Nullable Integer integer(PackNode node, String path, String key) {
        PackNode value = node.get(key);
        return value == null || value.kind() == PackNode.Kind.NULL ? null : asInteger(value, path + "." + key);
    }

    @Nullable Integer asInteger(PackNode value, String path) {
        String text = value.isScalar() ? value.text() : null;
        try {
            return text == null ? fail(path, "must be a whole number") : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return fail(path, "is '" + text + "'; it must be a whole number");
        }
    }

    private @Nullable Integer fail(String path, String message) {
        error(path, message);
        return null;
    }

    <E extends Enum<E>> E enumValue(PackNode node, String path, String key, Class<E> type, E otherwise) {
        String text = required(node, path, key);
        if (text.isEmpty()) {
            return otherwise;
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        error(path + "." + key, "is '" + text + "'; use one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
        return otherwise;
    }

    <T> T missing(String path, String key, T placeholder) {
        error(path.isEmpty() ? key : path + "." + key, "is required");
        return placeholder;
    }

    void error(String path, String message) {
        errors.add(new PackError(path, lineOf(path), message));
    }
}
