package org.redress.database;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, item 4: the container image, the compose file and the Helm chart name only settings that exist (in
 * application.yml, read by Redress's code, or Spring Boot's own), and are wired as the issue asks: a non-root image with
 * the embedded database off, two or more nodes, probes on readiness and liveness, secrets for the database, mail and
 * OIDC. No container registry or Kubernetes is reachable here, so the files are read, not run ({@code DeploymentIT}
 * starts the application with the image's settings).
 */
class DeploymentFilesTest {

    private static final Pattern SETTING_VARIABLE = Pattern.compile("\\b(?:REDRESS|SPRING|SERVER|MANAGEMENT|LOGGING)_[A-Z0-9_]*[A-Z0-9]\\b");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Path DEPLOY = Path.of("deploy");
    private static final Path CHART = DEPLOY.resolve("helm/redress");

    private static DeploymentSettings settings;

    @BeforeAll
    static void readTheSettings() throws Exception {
        settings = DeploymentSettings.read();
    }

    private static Set<String> variablesIn(Path file) throws Exception {
        Set<String> found = new TreeSet<>();
        Matcher m = SETTING_VARIABLE.matcher(Files.readString(file));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static List<Path> deploymentFiles() throws Exception {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static JsonNode yaml(Path file) throws Exception {
        return YAML.readTree(Files.readString(file));
    }

    @Test
    void theCheckKnowsRealSettingsAndRefusesMadeUpOnes() {
        assertThat(settings.knowsVariable("REDRESS_DB_URL")).isTrue();
        assertThat(settings.knowsVariable("REDRESS_REPORTING_DB_URL")).isTrue();
        assertThat(settings.knowsVariable("SPRING_MAIL_HOST")).isTrue();
        assertThat(settings.knowsVariable("REDRESS_OIDC_CLIENTSECRET")).isTrue();
        assertThat(settings.knowsVariable("REDRESS_INTAKE_MAILBOXES_0_HOST")).isTrue();
        assertThat(settings.knowsProperty("redress.oidc.groups.redress-tt-caseworkers")).isTrue();
        assertThat(settings.knowsProperty("spring.datasource.hikari.connection-timeout")).isTrue();
        assertThat(settings.knowsVariable("REDRESS_DATABASE_URL")).isFalse();
        assertThat(settings.knowsVariable("SPRING_MAIL_HOSTNAME")).isFalse();
        assertThat(settings.knowsProperty("redress.reporting.replica-url")).isFalse();
    }

    @Test
    void everyEnvironmentVariableInTheDeploymentFilesSetsASettingThatExists() throws Exception {
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Path file : deploymentFiles()) {
            for (String variable : variablesIn(file)) {
                checked++;
                if (!settings.knowsVariable(variable)) {
                    unknown.add(file + ": " + variable);
                }
            }
        }
        assertThat(checked).as("variables found in deploy/").isGreaterThan(20);
        assertThat(unknown).as("environment variables that set no setting").isEmpty();
    }

    @Test
    void theComposeFileRunsRedressOnItsPostgresqlWithTheImagesSettings() throws Exception {
        JsonNode compose = yaml(DEPLOY.resolve("compose.yaml"));
        JsonNode redress = compose.get("services").get("redress");
        assertThat(compose.get("services").get("postgres").get("image").asString()).startsWith("postgres:");
        assertThat(redress.get("depends_on").get("postgres").get("condition").asString()).isEqualTo("service_healthy");
        Set<String> names = new TreeSet<>();
        redress.get("environment").properties().forEach(e -> names.add(e.getKey()));
        assertThat(names).contains("REDRESS_DB_URL", "REDRESS_DB_USER", "REDRESS_DB_PASSWORD");
        assertThat(redress.get("environment").get("REDRESS_DB_URL").asString()).isEqualTo("jdbc:postgresql://postgres:5432/redress");
        assertThat(names).allMatch(settings::knowsVariable);
    }

    @Test
    void theSettingsFilesNameOnlyPropertiesThatExist() throws Exception {
        List<String> unknown = new ArrayList<>();
        Map<String, String> example = DeploymentSettings.flatten(yaml(DEPLOY.resolve("config/application.yaml.example")));
        assertThat(example).containsKey("redress.intake.mailboxes[0].host");
        example.keySet().stream().filter(p -> !settings.knowsProperty(p)).forEach(p -> unknown.add("application.yaml.example: " + p));
        try (Stream<Path> files = Stream.concat(Stream.of(CHART.resolve("values.yaml")), Files.list(CHART.resolve("examples")))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("values")).toList()) {
                JsonNode values = yaml(file);
                if (values.has("settings")) {
                    DeploymentSettings.flatten(values.get("settings")).keySet().stream().filter(p -> !settings.knowsProperty(p))
                            .forEach(p -> unknown.add(file + ": settings." + p));
                }
                for (String map : List.of("env", "secretEnv")) {
                    if (values.has(map)) {
                        values.get(map).properties().forEach(e -> {
                            if (!settings.knowsVariable(e.getKey())) {
                                unknown.add(file + ": " + map + "." + e.getKey());
                            }
                        });
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theImageRunsTheJarAsAnOrdinaryUserWithTheEmbeddedDatabaseOff() throws Exception {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre");
        assertThat(dockerfile).containsPattern("(?m)^USER 10001");
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"/app/redress.jar\"\\]");
        assertThat(dockerfile).contains("HEALTHCHECK").contains("/actuator/health/readiness");
        assertThat(DeploymentIT.imageEnvironment(dockerfile)).containsEntry("REDRESS_EMBEDDED_DB_ENABLED", "false")
                .doesNotContainKey("REDRESS_DB_URL");
    }

    @Test
    void theChartRunsTwoOrMoreNodesWithProbesOnReadinessAndLivenessAndSecretsForTheDatabaseMailAndOidc() throws Exception {
        JsonNode values = yaml(CHART.resolve("values.yaml"));
        assertThat(values.get("replicaCount").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(yaml(CHART.resolve("Chart.yaml")).get("apiVersion").asString()).isEqualTo("v2");
        String deployment = Files.readString(CHART.resolve("templates/deployment.yaml"));
        assertThat(deployment).containsPattern("readinessProbe:\\s+httpGet:\\s+path: /actuator/health/readiness");
        assertThat(deployment).containsPattern("livenessProbe:\\s+httpGet:\\s+path: /actuator/health/liveness");
        assertThat(deployment).contains("maxUnavailable: 0");
        for (String secret : List.of("REDRESS_DB_USER", "REDRESS_DB_PASSWORD", "SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD",
                "REDRESS_OIDC_CLIENTSECRET", "REDRESS_REPORTING_DB_PASSWORD")) {
            assertThat(deployment).as(secret + " from a secret")
                    .containsPattern("- name: " + secret + "\\s+valueFrom:\\s+secretKeyRef:");
        }
        assertThat(values.get("podSecurityContext").get("runAsNonRoot").asBoolean()).isTrue();
        for (String template : List.of("service.yaml", "ingress.yaml", "configmap.yaml", "pdb.yaml")) {
            assertThat(CHART.resolve("templates").resolve(template)).exists();
        }
        assertThat(Files.readString(CHART.resolve("templates/pdb.yaml"))).contains("kind: PodDisruptionBudget");
        assertThat(Files.readString(CHART.resolve("templates/configmap.yaml"))).contains("REDRESS_EMBEDDED_DB_ENABLED: \"false\"");
        // the probes the chart asks exist in application.yml
        JsonNode yml = yaml(Path.of("src/main/resources/application.yml"));
        assertThat(yml.get("management").get("endpoint").get("health").get("probes").get("enabled").asBoolean()).isTrue();
    }
}
