package org.redress.testing;

import org.redress.accounts.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small language for cases in tests, spoken through the case API as another system would:
 * {@code cases.aComplaint().receivedOn(LocalDate.of(2026, 3, 2)).by("Ada Lovelace").about("Repairs").in(org)}
 * logs a complaint and answers the {@link CaseOnFile} the verbs then act on.
 */
public final class Cases {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong ORGANISATIONS = new AtomicLong(100_000 + System.nanoTime() % 800_000);
    private final Api api;

    public Cases(Api api) {
        this.api = api;
    }

    /** A complaint as staff would log it from a phone call: the builder says only what the test cares about. */
    public NewCase aComplaint() {
        return new NewCase(api, "complaint");
    }

    /** A contact of another record type: "support-service-request", "compliment", "concern", ... */
    public NewCase a(String recordType) {
        return new NewCase(api, recordType);
    }

    /** A contact not sent anywhere: only its {@link NewCase#json()} is wanted, for tests that post it themselves. */
    public static NewCase aContact(String recordType) {
        return new NewCase(null, recordType);
    }

    /** A case already on file (read from the API), to act on it in this language. */
    public CaseOnFile onFile(String organisation, JsonNode caseFile) {
        return new CaseOnFile(api, organisation, caseFile);
    }

    /**
     * A new organisation of its own, running the same pack with the same service areas as this one (a shipped
     * organisation such as "alliance-homes"), so a test can count exactly what it made.
     */
    public String anOrganisationLike(String organisation) {
        Api.Response like = api.get("/api/v1/organisations/" + organisation);
        if (like.status() != 200) {
            throw new AssertionError("no organisation " + organisation + ": " + like.status() + " " + like.body());
        }
        JsonNode areas = like.json().get("serviceAreas");
        String[] names = new String[areas == null ? 0 : areas.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = areas.get(i).asString();
        }
        return anOrganisationRunning(like.json().get("policyPack").asString(), names);
    }

    /**
     * A new organisation of its own for one test class or test, with a copy of a shipped policy pack as its active
     * pack (a pack is active for one organisation), so the test can count exactly what it made. Its code starts with
     * the pack's and its reference prefix is unique to it.
     */
    public String anOrganisationRunning(String pack, String... serviceAreas) {
        return anOrganisationRunning(pack, java.util.function.UnaryOperator.identity(), serviceAreas);
    }

    /** The same, with the copy of the pack edited first (a variant of a shipped pack, such as a stage it keeps). */
    public String anOrganisationRunning(String pack, java.util.function.UnaryOperator<String> edit, String... serviceAreas) {
        long n = ORGANISATIONS.incrementAndGet();
        return anOrganisationCalled(pack + "-t" + n, n, pack, edit, serviceAreas);
    }

    /**
     * The same with a code the test chose before the application started (its settings name the organisation, as a GOV.UK
     * Notify service's do); the code must be unique to the test run.
     */
    public String anOrganisationCalled(String code, String pack, String... serviceAreas) {
        return anOrganisationCalled(code, ORGANISATIONS.incrementAndGet(), pack, java.util.function.UnaryOperator.identity(), serviceAreas);
    }

    private String anOrganisationCalled(String code, long n, String pack, java.util.function.UnaryOperator<String> edit, String... serviceAreas) {
        String yaml;
        try (InputStream in = Cases.class.getResourceAsStream("/policy/packs/" + pack + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped policy pack " + pack);
            }
            yaml = edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Api.Response uploaded = api.post("/api/v1/policies", yaml.replace("id: " + pack, "id: " + code)
                .replace("code: " + pack, "code: " + code), "Content-Type", "application/yaml");
        expect(uploaded, 201, "uploading a copy of " + pack);
        expect(api.post("/api/v1/policies/" + code + "/versions/" + uploaded.json().get("version").asInt() + "/activate", ""),
                200, "activating the copy of " + pack);
        ObjectNode body = JSON.createObjectNode().put("code", code).put("name", "Test organisation " + n)
                .put("referencePrefix", "T" + Long.toString(n, 36).toUpperCase(Locale.ROOT)).put("policyPack", code);
        ArrayNode areas = body.putArray("serviceAreas");
        for (String area : serviceAreas) {
            areas.add(area);
        }
        expect(api.post("/api/v1/organisations", body.toString()), 201, "adding an organisation running " + pack);
        return code;
    }

    private static void expect(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new AssertionError(what + " answered " + response.status() + ": " + response.body());
        }
    }

    /**
     * A member of the organisation's team who holds exactly these roles of its policy pack (issue 22: an owner must hold
     * the role that owns the stage, and a decision the pack gives to a role is the signed-in member's), set up as an
     * administrator would: someone not yet in the team is invited with the account role given (a new account gets the
     * password given) and accepts, then the administrator gives the pack roles ({@code PUT .../staff/{username}/pack-roles}).
     * Answers a client signed in as the member, to act as them.
     */
    public Api aMember(String organisation, String username, String password, Role accountRole, java.util.List<String> packRoles) {
        String staff = "/api/v1/organisations/" + organisation + "/staff";
        Api member = api.as(username, password);
        if (api.get(staff + "/" + username).status() == 404) {
            ObjectNode invite = JSON.createObjectNode().put("username", username).put("displayName", username)
                    .put("role", accountRole.name()).put("password", password);
            Api.Response invited = api.post(staff, invite.toString());
            expect(invited, 202, "inviting " + username + " to " + organisation);
            expect(member.post("/api/v1/invitations/" + invited.json().get("invitation").get("id").asString() + "/accept", "{}"),
                    200, username + " accepting the invitation to " + organisation);
        }
        ObjectNode roles = JSON.createObjectNode();
        ArrayNode held = roles.putArray("packRoles");
        packRoles.forEach(held::add);
        expect(api.put(staff + "/" + username + "/pack-roles", roles.toString()), 200,
                "giving " + username + " the roles " + packRoles + " at " + organisation);
        return member;
    }

    /**
     * A case worker who holds these pack roles, to own a stage (A-3, H-6), with the test administrator's password (also
     * that of the accounts {@link TestAccounts} makes).
     */
    public Api aMemberHolding(String organisation, String username, String... packRoles) {
        return aMember(organisation, username, TestAccounts.ADMIN_PASSWORD, Role.CASE_WORKER, java.util.List.of(packRoles));
    }

    /**
     * A director (who may take decisions) holding the pack role a decision needs (F-10, T-4), with the test
     * administrator's password.
     */
    public Api aDeciderHolding(String organisation, String username, String packRole) {
        return aMember(organisation, username, TestAccounts.ADMIN_PASSWORD, Role.DIRECTOR, java.util.List.of(packRole));
    }

    /** One point's decision in a response. */
    public record Decision(int point, String outcome, String reasons) {
    }

    /** An action promised in a response, with its date. */
    public record Promise(String description, LocalDate due) {
    }

    public static Decision upheld(int point, String reasons) {
        return new Decision(point, "UPHELD", reasons);
    }

    public static Decision partlyUpheld(int point, String reasons) {
        return new Decision(point, "PARTLY_UPHELD", reasons);
    }

    public static Decision notUpheld(int point, String reasons) {
        return new Decision(point, "NOT_UPHELD", reasons);
    }

    public static Promise promise(String description, LocalDate due) {
        return new Promise(description, due);
    }
}
