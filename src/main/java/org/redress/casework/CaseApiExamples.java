package org.redress.casework;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts worked examples of every case request into the OpenAPI description, from {@code openapi/case-examples.json}
 * (one entry per verb, {@code create} for logging a contact). Kept as data beside the code so a reader of the API
 * explorer sees requests that work: {@code CaseApiExamplesIT} sends each one through the API.
 */
@Component
class CaseApiExamples implements OpenApiCustomizer {

    static final String CASES = "/api/v1/organisations/{organisation}/cases";

    private final Map<String, Map<String, Example>> byVerb;

    CaseApiExamples(JsonMapper json) {
        try (InputStream in = new ClassPathResource("openapi/case-examples.json").getInputStream()) {
            this.byVerb = read(json, json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/case-examples.json cannot be read", e);
        }
    }

    private static Map<String, Map<String, Example>> read(JsonMapper json, JsonNode root) {
        Map<String, Map<String, Example>> verbs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> verb : root.properties()) {
            Map<String, Example> examples = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> named : verb.getValue().properties()) {
                examples.put(named.getKey(), new Example().summary(named.getValue().get("summary").asString())
                        // as plain maps and lists: the OpenAPI model is written by another JSON library
                        .value(json.treeToValue(named.getValue().get("value"), Object.class)));
            }
            verbs.put(verb.getKey(), examples);
        }
        return verbs;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (!path.startsWith(CASES) || item.getPost() == null || item.getPost().getRequestBody() == null
                    || item.getPost().getRequestBody().getContent() == null) {
                return;
            }
            String verb = path.equals(CASES) ? "create" : path.substring(path.lastIndexOf('/') + 1);
            Map<String, Example> examples = byVerb.get(verb);
            MediaType json = item.getPost().getRequestBody().getContent().get("application/json");
            if (examples != null && json != null) {
                json.setExamples(examples);
            }
        });
    }
}
