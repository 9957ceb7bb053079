package org.redress.web;

import com.microsoft.playwright.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.redress.access.ReachedHandler;
import org.redress.testing.Api;
import org.redress.testing.Browser;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description (/v3/api-docs) and the API explorer (/api). A schema is named by its type's simple name, so
 * two types of one name would share one schema and one of their operations would be described with the other's fields
 * (the case "hold" verb was described with the legal hold's): no two types the API reads or writes may share a name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, ReachedHandler.class})
class ApiDescriptionIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private JsonNode requestSchema(JsonNode docs, String path) {
        JsonNode body = docs.get("paths").get(path).get("post").get("requestBody").get("content").get("application/json").get("schema");
        String ref = body.get("$ref").asString();
        return docs.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Set<String> properties(JsonNode schema) {
        return new TreeSet<>(schema.get("properties").propertyNames());
    }

    @Test
    void theCaseHoldAndTheLegalHoldAreEachDescribedWithTheirOwnFields() {
        JsonNode docs = Api.anonymous(port).get("/v3/api-docs").json();
        assertThat(properties(requestSchema(docs, "/api/v1/organisations/{organisation}/cases/{case}/hold")))
                .containsExactly("at", "expectedVersion", "kind", "reason");
        assertThat(properties(requestSchema(docs, "/api/v1/organisations/{organisation}/legal-holds")))
                .containsExactly("caseReference", "person", "reason");
    }

    /** Issue 22: the case extend and hold bodies were described with the privacy module's records of the same names. */
    @Test
    void theCaseExtendAndHoldBodiesAreDescribedWithTheCaseworkFieldsAndThePrivacyOnesWithTheirs() {
        JsonNode docs = Api.anonymous(port).get("/v3/api-docs").json();
        assertThat(properties(requestSchema(docs, "/api/v1/organisations/{organisation}/cases/{case}/extend")))
                .containsExactly("amount", "at", "clock", "complainantAgreed", "expectedVersion", "reason");
        assertThat(properties(requestSchema(docs, "/api/v1/organisations/{organisation}/cases/{case}/hold")))
                .containsExactly("at", "expectedVersion", "kind", "reason");
        assertThat(properties(requestSchema(docs, "/api/v1/organisations/{organisation}/subject-access/{id}/extend")))
                .containsExactly("reason");
    }

    /**
     * Whatever the names: every JSON body an API operation reads is described with exactly the fields of its own record,
     * as the description shows it (so a schema taken by another type of the same name is caught, in any module).
     */
    @Test
    void everyRequestBodyIsDescribedWithTheFieldsOfItsOwnRecord() {
        JsonNode docs = Api.anonymous(port).get("/v3/api-docs").json();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                Class<?> body = parameter.getParameterType();
                if (!parameter.hasParameterAnnotation(RequestBody.class) || !body.isRecord()) {
                    continue;
                }
                for (String path : entry.getKey().getPatternValues()) {
                    for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                        JsonNode schema = docs.path("paths").path(path).path(method.name().toLowerCase()).path("requestBody")
                                .path("content").path("application/json").path("schema");
                        if (!schema.has("$ref")) {
                            continue;
                        }
                        String ref = schema.get("$ref").asString();
                        JsonNode described = docs.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
                        Set<String> fields = new TreeSet<>();
                        for (RecordComponent component : body.getRecordComponents()) fields.add(component.getName());
                        Set<String> shown = described.has("properties") ? properties(described) : Set.of();
                        checked++;
                        if (!shown.equals(fields)) {
                            wrong.add(method + " " + path + ": " + body.getName() + " has " + fields + ", described as " + shown);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("request bodies checked").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    @Test
    void noTwoTypesTheApiReadsOrWritesShareASchemaName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Type> seen = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            if (entry.getKey().getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) {
                continue;
            }
            HandlerMethod method = entry.getValue();
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    walk(parameter.getGenericParameterType(), byName, seen);
                }
            }
            walk(method.getMethod().getGenericReturnType(), byName, seen);
        }
        assertThat(byName).as("types reached from the API").hasSizeGreaterThan(50);
        Map<String, Set<String>> clashes = new TreeMap<>(byName);
        clashes.values().removeIf(types -> types.size() < 2);
        assertThat(clashes).as("schema names shared by different types").isEmpty();
    }

    /** Every type of ours the API description would give a schema: records, their components, other classes' getters. */
    private static void walk(Type type, Map<String, Set<String>> byName, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType p) {
            walk(p.getRawType(), byName, seen);
            for (Type argument : p.getActualTypeArguments()) walk(argument, byName, seen);
        } else if (type instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), byName, seen);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) walk(bound, byName, seen);
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                walk(c.getComponentType(), byName, seen);
                return;
            }
            if (!c.getName().startsWith("org.redress.") || c.isEnum() || c.isInterface() && !c.isSealed()) {
                return;
            }
            byName.computeIfAbsent(schemaName(c), k -> new TreeSet<>()).add(c.getName());
            List<Type> parts = new ArrayList<>();
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) parts.add(component.getGenericType());
            } else {
                for (Method m : c.getMethods()) {
                    boolean getter = m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class
                            && (m.getName().startsWith("get") || m.getName().startsWith("is"));
                    if (getter) parts.add(m.getGenericReturnType());
                }
            }
            if (c.isSealed()) {
                for (Class<?> permitted : c.getPermittedSubclasses()) parts.add(permitted);
            }
            for (Type part : parts) walk(part, byName, seen);
        }
    }

    private static String schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }

    @Test
    void theApiExplorerShowsEveryOperationUnderItsContentSecurityPolicy() {
        // the description is built on its first request, which can take longer than a browser waits on a busy machine
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(200);
        try (Browser browser = Browser.start(port)) {
            Page page = browser.newPageUnderItsPolicy();
            List<String> console = new ArrayList<>();
            page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
            page.onPageError(error -> console.add("page error: " + error));
            // set up by the browser's debugging protocol, so the page's own policy does not stop it
            page.addInitScript("window.refusedByPolicy = []; document.addEventListener('securitypolicyviolation',"
                    + " e => window.refusedByPolicy.push(e.violatedDirective + ' ' + e.blockedURI));");
            com.microsoft.playwright.Response answer = page.navigate("/api");
            assertThat(answer.headers().get("content-security-policy")).contains("script-src 'self';");
            try {
                page.locator(".opblock").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(60_000));
            } catch (com.microsoft.playwright.TimeoutError e) {
                Browser.screenshot(page, "api-explorer-not-shown");
                throw new AssertionError("the API explorer showed no operation; the browser said " + console, e);
            }
            assertThat(page.locator(".opblock").count()).isGreaterThan(50);
            page.locator(".opblock-summary").first().click();
            page.locator(".opblock-body").first().waitFor();
            List<Object> refused = new ArrayList<>(console.stream().filter(m -> m.contains("Content Security Policy")).toList());
            refused.addAll((List<?>) page.evaluate("window.refusedByPolicy"));
            assertThat(refused).isEmpty();
        }
    }

    @Test
    void aSignedInMemberLogsACaseFromTheApiExplorerWithTheSessionsTokenAndAPlantedTokenIsRefused() {
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(200);
        try (Browser browser = Browser.start(port)) {
            Page page = browser.signIn(org.redress.testing.TestAccounts.ADMIN, org.redress.testing.TestAccounts.ADMIN_PASSWORD);
            page.navigate("/api");
            com.microsoft.playwright.Locator create = page.locator(".opblock-post:has(.opblock-summary-path[data-path=\"/api/v1/organisations/{organisation}/cases\"])");
            create.locator(".opblock-summary").click(new com.microsoft.playwright.Locator.ClickOptions().setTimeout(60_000));
            create.locator(".try-out__btn").click();
            create.locator("input[placeholder='organisation']").fill("the-trust");
            create.locator("textarea.body-param__text").fill("""
                    {"recordType":"complaint","channel":"WEBSITE","complainant":{"name":"Explorer Tried"},"description":"Logged from the API explorer","points":["one"]}""");
            create.locator(".execute").click();
            com.microsoft.playwright.Locator status = create.locator(".live-responses-table tbody .response-col_status").first();
            status.waitFor();
            assertThat(status.innerText().strip()).as(create.locator(".live-responses-table tbody").first().innerText()).startsWith("201");
            String answered = create.locator(".live-responses-table tbody .response-col_description pre").first().innerText();
            String reference = tools.jackson.databind.json.JsonMapper.builder().build().readTree(answered).get("caseFile").get("reference").asString();
            Api.Response stored = new Api(port).get("/api/v1/organisations/the-trust/cases/" + reference);
            assertThat(stored.json().get("description").asString()).isEqualTo("Logged from the API explorer");
            // a token the page's script did not read from this session's cookie (one an attacker planted) is refused
            Object forged = page.evaluate("""
                    async () => (await fetch('/api/v1/organisations/the-trust/cases', {method: 'POST', headers: {'Content-Type': 'application/json',
                      'X-CSRF-TOKEN': '00000000-0000-4000-8000-000000000000'}, body: '{}'})).status""");
            assertThat(forged).isEqualTo(403);
        }
    }
}
