package org.redress.database;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every setting that exists, for checking the deployment files (issue 24): the keys of {@code application.yml} and the
 * environment variables it reads ({@code ${REDRESS_DB_URL:}}), the properties Redress's code reads ({@code @Value}
 * placeholders, {@code @ConfigurationProperties} records), and Spring Boot's own properties (the configuration metadata
 * every Spring Boot jar carries). A map or list setting ({@code redress.oidc.groups}, {@code redress.intake.mailboxes})
 * takes any key below it.
 */
final class DeploymentSettings {

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PROPERTY_PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-]*)[:}]");
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile("@ConfigurationProperties\\(\"([a-z][a-z0-9.\\-]*)\"\\)");

    private final Set<String> properties = new TreeSet<>();
    private final Set<String> open = new TreeSet<>();
    private final Set<String> placeholders = new TreeSet<>();

    static DeploymentSettings read() throws Exception {
        DeploymentSettings settings = new DeploymentSettings();
        Path yml = Path.of("src/main/resources/application.yml");
        String text = Files.readString(yml);
        Matcher env = ENV_PLACEHOLDER.matcher(text);
        while (env.find()) {
            settings.placeholders.add(env.group(1));
        }
        settings.properties.addAll(flatten(YAMLMapper.builder().build().readTree(text)).keySet());
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                settings.readSource(source);
            }
        }
        settings.readSpringBootMetadata();
        return settings;
    }

    private void readSource(Path source) throws IOException {
        String text = Files.readString(source);
        Matcher property = PROPERTY_PLACEHOLDER.matcher(text);
        while (property.find()) {
            properties.add(property.group(1));
        }
        Matcher prefix = CONFIGURATION_PROPERTIES.matcher(text);
        while (prefix.find()) {
            String className = Path.of("src/main/java").relativize(source).toString().replace('/', '.').replace(".java", "");
            Class<?> type;
            try {
                type = Class.forName(className);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (!type.isRecord()) {
                // bound onto a bean Spring Boot describes itself (spring.datasource.hikari)
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                String name = prefix.group(1) + "." + kebab(component.getName());
                Class<?> of = component.getType();
                if (Collection.class.isAssignableFrom(of) || Map.class.isAssignableFrom(of) || of.isRecord()) {
                    open.add(name);
                } else {
                    properties.add(name);
                }
            }
        }
    }

    private void readSpringBootMetadata() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (String resource : new String[] {"META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json"}) {
            Enumeration<URL> urls = getClass().getClassLoader().getResources(resource);
            while (urls.hasMoreElements()) {
                try (InputStream in = urls.nextElement().openStream()) {
                    JsonNode metadata = json.readTree(in);
                    JsonNode list = metadata.get("properties");
                    if (list == null) {
                        continue;
                    }
                    for (JsonNode property : list) {
                        String name = property.get("name").asString();
                        String type = property.has("type") ? property.get("type").asString() : "";
                        if (type.startsWith("java.util.Map") || type.startsWith("java.util.List") || type.startsWith("java.util.Set")) {
                            open.add(name);
                        } else {
                            properties.add(name);
                        }
                    }
                }
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** A property's environment variable under Spring Boot's rules: upper case, dots and brackets to _, no dashes. */
    static String environmentName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace("-", "").replace("[", "_").replace("]", "")
                .replace('.', '_').replaceAll("_+", "_");
    }

    /** Whether an environment variable sets a setting that exists. */
    boolean knowsVariable(String variable) {
        if (placeholders.contains(variable)) {
            return true;
        }
        for (String property : properties) {
            if (environmentName(property).equals(variable)) {
                return true;
            }
        }
        for (String prefix : open) {
            String env = environmentName(prefix);
            if (variable.equals(env) || variable.startsWith(env + "_")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a property (in its canonical form, lists as [0]) is a setting that exists. */
    boolean knowsProperty(String property) {
        if (properties.contains(property)) {
            return true;
        }
        for (String prefix : open) {
            if (property.equals(prefix) || property.startsWith(prefix + ".") || property.startsWith(prefix + "[")) {
                return true;
            }
        }
        return false;
    }

    /** The properties a YAML tree sets, with their values as text. */
    static Map<String, String> flatten(JsonNode tree) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), flat);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(prefix, node.asString());
        }
    }
}
