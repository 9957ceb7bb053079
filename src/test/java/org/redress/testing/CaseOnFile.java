package org.redress.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A case on file, acted on through the case API with the verbs staff use. Each verb must answer 200; the case's
 * latest view is kept, so {@link #json()} reads the state after the last verb. {@link #attempt} is for refusals.
 */
public final class CaseOnFile {

    private final Api api;
    private final String organisation;
    private JsonNode view;

    CaseOnFile(Api api, String organisation, JsonNode view) {
        this.api = api;
        this.organisation = organisation;
        this.view = view;
    }

    static String cases(String organisation) {
        return "/api/v1/organisations/" + organisation + "/cases";
    }

    public String id() {
        return view.get("id").asString();
    }

    public String reference() {
        return view.get("reference").asString();
    }

    public String organisation() {
        return organisation;
    }

    /** The case as the last answer showed it. */
    public JsonNode json() {
        return view;
    }

    public String path() {
        return cases(organisation) + "/" + id();
    }

    /** Reads the case again. */
    public JsonNode read() {
        Api.Response response = api.get(path());
        if (response.status() != 200) {
            throw new AssertionError("reading " + reference() + " answered " + response.status() + ": " + response.body());
        }
        view = response.json();
        return view;
    }

    /**
     * The same case, acted on by another member (a client signed in as them, such as {@link Cases#aMemberHolding}
     * answers): a decision the pack gives to a role is taken by the signed-in member, who must hold it (issue 22).
     */
    public CaseOnFile actingAs(Api member) {
        return new CaseOnFile(member, organisation, view);
    }

    /** Applies a verb, which must answer 200. */
    public CaseOnFile act(String verb, String jsonBody) {
        Api.Response response = attempt(verb, jsonBody);
        if (response.status() != 200) {
            throw new AssertionError(verb + " on " + reference() + " answered " + response.status() + ": " + response.body());
        }
        view = response.json();
        return this;
    }

    /** Tries a verb and answers whatever the API says. */
    public Api.Response attempt(String verb, String jsonBody) {
        return api.post(path() + "/" + verb, jsonBody);
    }

    public CaseOnFile acknowledge() {
        return act("acknowledge", "{}");
    }

    public CaseOnFile assignTo(String owner) {
        return act("assign", Cases.JSON.createObjectNode().put("owner", owner).toString());
    }

    /** Sends the stage's response: a summary and each point's decision. */
    public CaseOnFile respond(String summary, Cases.Decision... decisions) {
        return respond(summary, List.of(decisions), List.of());
    }

    /** Sends the stage's response with the actions promised. */
    public CaseOnFile respond(String summary, List<Cases.Decision> decisions, List<Cases.Promise> promises) {
        return act("respond", response(summary, decisions, promises));
    }

    /** The body of a response, for {@link #attempt} when the test expects a refusal. */
    public static String response(String summary, List<Cases.Decision> decisions, List<Cases.Promise> promises) {
        ObjectNode body = Cases.JSON.createObjectNode().put("summary", summary);
        ArrayNode points = body.putArray("points");
        for (Cases.Decision d : decisions) {
            points.addObject().put("number", d.point()).put("outcome", d.outcome()).put("reasons", d.reasons());
        }
        if (!promises.isEmpty()) {
            ArrayNode actions = body.putArray("actions");
            for (Cases.Promise p : promises) {
                actions.addObject().put("description", p.description()).put("due", p.due().toString());
            }
        }
        return body.toString();
    }

    /**
     * Records the method and frequency of contact agreed with the complainant, which a stage that {@code agreesContact}
     * (Alliance Homes' stage 2, A-7) needs before its response.
     */
    public CaseOnFile arrangeContact(String method, String frequency) {
        return act("contact-arrangement", Cases.JSON.createObjectNode().put("method", method).put("frequency", frequency).toString());
    }

    /** The complainant asks to take the complaint to the next stage. */
    public CaseOnFile askToEscalate() {
        return act("escalation-request", "{}");
    }

    /** The complainant asks to escalate, saying what is unresolved and what they want. */
    public CaseOnFile askToEscalate(String unresolved, String outcomeWanted) {
        return act("escalation-request", Cases.JSON.createObjectNode().put("unresolved", unresolved)
                .put("outcomeWanted", outcomeWanted).toString());
    }

    public CaseOnFile acceptEscalation() {
        return act("accept-escalation", "{}");
    }

    public CaseOnFile close() {
        return act("close", "{}");
    }
}
