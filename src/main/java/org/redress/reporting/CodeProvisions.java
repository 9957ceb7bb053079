package org.redress.reporting;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Every provision of the Housing Ombudsman's Complaint Handling Code 2024, read from
 * {@code reporting/housing-ombudsman-code-2024.yaml}: the Code is data, so a provision confirmed or reworded later is
 * an edit to that file, not to the code that assesses it.
 */
@Component
class CodeProvisions {

    static final String RESOURCE = "reporting/housing-ombudsman-code-2024.yaml";

    record Provision(String provision, String requirement, boolean confirmed, @Nullable List<String> pack,
                     @Nullable List<String> data) {
        Provision {
            pack = pack == null ? List.of() : List.copyOf(pack);
            data = data == null ? List.of() : List.copyOf(data);
        }
    }

    record Section(int number, String title, List<Provision> provisions) {
    }

    record Code(String source, List<Section> sections) {
    }

    private final Code code;

    CodeProvisions() {
        this.code = read();
    }

    static Code read() {
        YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return yaml.readValue(in, Code.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Code code() {
        return code;
    }

    Optional<Provision> find(String provision) {
        return code.sections().stream().flatMap(s -> s.provisions().stream()).filter(p -> p.provision().equals(provision)).findFirst();
    }

    int count() {
        return code.sections().stream().mapToInt(s -> s.provisions().size()).sum();
    }
}
