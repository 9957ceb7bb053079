package org.redress.testing;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A contact about to be logged: by default a phone complaint from Ada Resident about a missed boiler repair, received
 * now, with one point and a unique email address (so repeat-complaint checks do not join unrelated tests' cases).
 */
public final class NewCase {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final AtomicLong EMAILS = new AtomicLong();
    private final @Nullable Api api;
    private final ObjectNode body = Cases.JSON.createObjectNode();
    private final ObjectNode complainant;
    private final List<String> points = new ArrayList<>(List.of("Repair appointment missed twice"));

    NewCase(@Nullable Api api, String recordType) {
        this.api = api;
        body.put("recordType", recordType).put("channel", "PHONE");
        complainant = body.putObject("complainant");
        complainant.put("name", "Ada Resident").put("email", "ada." + System.nanoTime() + "." + EMAILS.incrementAndGet() + "@example.org");
        body.put("description", "The boiler repair was missed twice");
    }

    /** Received at 09:00 UK time on this date. */
    public NewCase receivedOn(LocalDate date) {
        return receivedAt(date.atTime(LocalTime.of(9, 0)).atZone(UK).toInstant());
    }

    /** Received at this UK local time. */
    public NewCase receivedAt(LocalDateTime ukTime) {
        return receivedAt(ukTime.atZone(UK).toInstant());
    }

    public NewCase receivedAt(Instant at) {
        body.put("receivedAt", at.toString());
        return this;
    }

    /** Received now, by the application's clock: the request names no time. */
    public NewCase receivedNow() {
        body.remove("receivedAt");
        return this;
    }

    public NewCase by(String name) {
        complainant.put("name", name);
        return this;
    }

    public NewCase withEmail(String email) {
        complainant.put("email", email);
        return this;
    }

    /** The complainant's tenure, for a landlord's case: LOW_COST_RENTAL, LOW_COST_HOME_OWNERSHIP, OTHER, UNKNOWN. */
    public NewCase withTenure(String tenure) {
        complainant.put("tenure", tenure);
        return this;
    }

    public NewCase withPhone(String phone) {
        complainant.put("phone", phone);
        return this;
    }

    public NewCase withoutEmail() {
        complainant.remove("email");
        return this;
    }

    /** A postal address; with {@code preferringContactBy("POST")} letters go by post. */
    public NewCase atAddress(String address) {
        complainant.put("address", address);
        return this;
    }

    /** A format the complainant needs letters in, such as "large print". */
    public NewCase inFormat(String format) {
        (complainant.has("formats") ? (ArrayNode) complainant.get("formats") : complainant.putArray("formats")).add(format);
        return this;
    }

    public NewCase preferringContactBy(String method) {
        complainant.put("preferredContact", method);
        return this;
    }

    public NewCase needing(String reasonableAdjustments) {
        complainant.put("reasonableAdjustments", reasonableAdjustments);
        return this;
    }

    public NewCase through(String channel) {
        body.put("channel", channel);
        return this;
    }

    /** The subject of the complaint, as staff file it. */
    public NewCase about(String subject) {
        body.put("subject", subject);
        return this;
    }

    public NewCase about(String subject, String subSubject) {
        body.put("subSubject", subSubject);
        return about(subject);
    }

    public NewCase inArea(String serviceArea) {
        body.put("serviceArea", serviceArea);
        return this;
    }

    public NewCase onServiceLine(String serviceLine) {
        body.put("serviceLine", serviceLine);
        return this;
    }

    public NewCase saying(String description) {
        body.put("description", description);
        return this;
    }

    public NewCase wanting(String outcomeWanted) {
        body.put("outcomeWanted", outcomeWanted);
        return this;
    }

    /** The points of complaint, replacing the default one; none for a compliment. */
    public NewCase points(String... points) {
        this.points.clear();
        this.points.addAll(List.of(points));
        return this;
    }

    /** A person the complaint names, such as a member of staff ("staff", "Porter"). */
    public NewCase naming(String name, String kind, String role) {
        (body.has("namedPeople") ? (ArrayNode) body.get("namedPeople") : body.putArray("namedPeople")).addObject()
                .put("name", name).put("kind", kind).put("role", role);
        return this;
    }

    /** Any other field of the request, as the API names it. */
    public NewCase with(String field, String value) {
        body.put(field, value);
        return this;
    }

    /** The JSON the case API is sent. */
    public String json() {
        ObjectNode copy = body.deepCopy();
        if (!points.isEmpty()) {
            ArrayNode list = copy.putArray("points");
            points.forEach(list::add);
        }
        return copy.toString();
    }

    /** Logs it in this organisation, which must answer 201 Created. */
    public CaseOnFile in(String organisation) {
        Api.Response response = postTo(organisation);
        if (response.status() != 201) {
            throw new AssertionError("logging a case in " + organisation + " answered " + response.status() + ": " + response.body());
        }
        return new CaseOnFile(api(), organisation, response.json().get("caseFile"));
    }

    /** Sends it to this organisation and answers whatever the API says, for tests of refusals. */
    public Api.Response postTo(String organisation) {
        return api().post(CaseOnFile.cases(organisation), json());
    }

    /** Asks the checks made before logging (repeat, time limit, exclusions) about it, answering what the API says. */
    public Api.Response checkIn(String organisation) {
        return api().post(CaseOnFile.cases(organisation) + "/checks", json());
    }

    /** Sends it with an Idempotency-Key, answering whatever the API says. */
    public Api.Response postTo(String organisation, String idempotencyKey) {
        return api().post(CaseOnFile.cases(organisation), json(), "Idempotency-Key", idempotencyKey);
    }

    private Api api() {
        if (api == null) {
            throw new IllegalStateException("this contact was made without an API to send it through: use Cases.aComplaint()");
        }
        return api;
    }
}
