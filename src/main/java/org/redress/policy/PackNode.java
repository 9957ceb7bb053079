package org.redress.policy;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers the line of every value. Jackson's own {@code JsonNode} forgets
 * locations, and a policy owner fixing a pack needs "line 42", so the tree is built from parser tokens.
 */
final class PackNode {

    enum Kind { MAP, LIST, SCALAR, NULL }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Kind kind;
    private final int line;
    private final @Nullable String text;
    private final Map<String, PackNode> fields;
    private final List<PackNode> items;

    private PackNode(Kind kind, int line, @Nullable String text, Map<String, PackNode> fields, List<PackNode> items) {
        this.kind = kind;
        this.line = line;
        this.text = text;
        this.fields = fields;
        this.items = items;
    }

    /** The tree, or the syntax errors (with lines) that stopped the parse; duplicate keys are errors too. */
    static Parsed parse(String yaml) {
        List<PackError> errors = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Parsed(null, List.of(new PackError("yaml", 1, "the file is empty")));
            }
            PackNode root = read(parser, "", errors);
            if (parser.nextToken() != null) {
                errors.add(new PackError("yaml", parser.currentTokenLocation().getLineNr(),
                        "a pack file holds one YAML document, but another starts here"));
            }
            return new Parsed(root, errors);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
            errors.add(new PackError("yaml", line, "is not valid YAML: " + firstLine(e.getOriginalMessage())));
            return new Parsed(null, errors);
        }
    }

    record Parsed(@Nullable PackNode root, List<PackError> errors) {
    }

    private static PackNode read(JsonParser parser, String path, List<PackError> errors) {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_OBJECT) {
            Map<String, PackNode> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                int nameLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                PackNode value = read(parser, path.isEmpty() ? name : path + "." + name, errors);
                if (fields.containsKey(name)) {
                    errors.add(new PackError(path.isEmpty() ? name : path + "." + name, nameLine,
                            "appears twice in the same block (first on line " + fields.get(name).line + ")"));
                } else {
                    fields.put(name, value.line == 0 ? value.at(nameLine) : value);
                }
            }
            return new PackNode(Kind.MAP, line, null, fields, List.of());
        }
        if (token == JsonToken.START_ARRAY) {
            List<PackNode> items = new ArrayList<>();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, path + "[" + index++ + "]", errors));
            }
            return new PackNode(Kind.LIST, line, null, Map.of(), items);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new PackNode(Kind.NULL, line, null, Map.of(), List.of());
        }
        return new PackNode(Kind.SCALAR, line, parser.getText(), Map.of(), List.of());
    }

    private PackNode at(int newLine) {
        return new PackNode(kind, newLine, text, fields, items);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    Kind kind() {
        return kind;
    }

    int line() {
        return line;
    }

    @Nullable String text() {
        return text;
    }

    Map<String, PackNode> fields() {
        return fields;
    }

    List<PackNode> items() {
        return items;
    }

    @Nullable PackNode get(String name) {
        return fields.get(name);
    }

    boolean isMap() {
        return kind == Kind.MAP;
    }

    boolean isList() {
        return kind == Kind.LIST;
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }
}
