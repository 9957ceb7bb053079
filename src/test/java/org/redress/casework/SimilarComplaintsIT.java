package org.redress.casework;

import org.junit.jupiter.api.Test;
import org.redress.testing.Api;
import org.redress.testing.NewCase;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F-11: earlier complaints by the same person, or about the same address and matter, in the last six months are found
 * and ranked by how alike their text is (full-text rank and trigram similarity), on logging and on the case.
 */
class SimilarComplaintsIT extends CaseApiSupport {

    private static final String ORG = "alliance-homes";

    @Test
    void theMostSimilarEarlierComplaintRanksFirstAndOlderOrOtherOrganisationsCasesNeverAppear() {
        clock.setUk("2026-11-23T10:00");
        String email = "cal.similar." + System.nanoTime() + "@example.org";
        String tooOld = logged(ORG, "2026-04-01T09:00:00Z", "Cal Similar", email, null, null,
                "The boiler is broken and there is no heating or hot water").get("caseFile").get("reference").asString();
        String boiler = logged(ORG, "2026-09-01T09:00:00Z", "Cal Similar", email, null, null,
                "The boiler broke down and we have had no heating or hot water for a week").get("caseFile").get("reference").asString();
        String noise = logged(ORG, "2026-10-01T09:00:00Z", "Cal Similar", email, null, null,
                "My neighbours play loud music late every night").get("caseFile").get("reference").asString();
        String elsewhere = logged("the-trust", "2026-10-15T09:00:00Z", "Cal Similar", email, null, null,
                "The boiler broke down and there is no heating or hot water").get("caseFile").get("reference").asString();

        JsonNode again = logged(ORG, "2026-11-23T09:00:00Z", "Cal Similar", email, null, null,
                "The boiler has broken down again: no heating and no hot water");

        JsonNode repeat = warning(again, "REPEAT");
        assertThat(references(repeat.get("relatedCases"))).containsExactly(boiler, noise).doesNotContain(tooOld, elsewhere);
        assertThat(repeat.get("message").asString()).contains("the same person complained", "most alike first", boiler + " (same email");

        Api.Response similar = api().get("/api/v1/organisations/" + ORG + "/cases/" + again.get("caseFile").get("reference").asString() + "/similar");
        assertThat(similar.status()).as(similar.body()).isEqualTo(200);
        List<String> ranked = new ArrayList<>();
        similar.json().forEach(c -> ranked.add(c.get("reference").asString()));
        assertThat(ranked).containsExactly(boiler, noise);
        assertThat(similar.json().get(0).get("score").asInt()).isGreaterThan(similar.json().get(1).get("score").asInt());
    }

    @Test
    void someoneElseAtTheSameAddressAboutTheSameMatterIsFoundButAnotherAddressIsNot() {
        clock.setUk("2026-11-23T10:00");
        String street = "Flat " + (System.nanoTime() % 100000) + ", Damp Court";
        String neighbour = logged(ORG, "2026-10-01T09:00:00Z", "Dee Tenant", null, street + ", Leeds LS1 1AA", "Repairs",
                "Black mould on the bedroom walls keeps coming back").get("caseFile").get("reference").asString();
        String otherAddress = logged(ORG, "2026-10-02T09:00:00Z", "Eli Tenant", null, "1 Other Road, Leeds", "Repairs",
                "Black mould on the bedroom walls keeps coming back").get("caseFile").get("reference").asString();

        JsonNode again = logged(ORG, "2026-11-23T09:00:00Z", "Fay Partner", null, street.toUpperCase() + " LEEDS LS1 1AA", "Repairs",
                "The mould in the bedroom is back");

        JsonNode repeat = warning(again, "REPEAT");
        assertThat(references(repeat.get("relatedCases"))).containsExactly(neighbour).doesNotContain(otherAddress);
        assertThat(repeat.get("message").asString()).contains("someone complained about the same address and matter");
    }

    @Test
    void theSamePhoneNumberWrittenDifferentlyIsTheSamePerson() {
        clock.setUk("2026-11-23T10:00");
        long n = System.nanoTime() % 1_000_000;
        String earlier = cases().aComplaint().receivedAt(Instant.parse("2026-10-01T09:00:00Z")).by("Gil Caller").withoutEmail()
                .withPhone("+44 7700 %06d".formatted(n)).onServiceLine("housing").saying("Nobody answers the repairs line")
                .points("Phone").in(ORG).reference();
        Api.Response check = cases().aComplaint().by("G. Caller").withoutEmail().withPhone("07700%06d".formatted(n))
                .onServiceLine("housing").saying("The repairs line is never answered").points("Phone").checkIn(ORG);
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.body()).contains(earlier + " (same phone number");
    }

    @Test
    void aCaseFromAnotherOrganisationIsNotFoundThroughTheSimilarApi() {
        Api.Response response = api().get("/api/v1/organisations/the-trust/cases/AH-2026-000001/similar");
        assertThat(response.status()).isEqualTo(404);
    }

    private static JsonNode warning(JsonNode created, String kind) {
        for (JsonNode w : created.get("warnings")) {
            if (w.get("kind").asString().equals(kind)) {
                return w;
            }
        }
        throw new AssertionError("no " + kind + " warning in " + created.get("warnings"));
    }

    private static List<String> references(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(r -> out.add(r.asString()));
        return out;
    }

    private JsonNode logged(String org, String receivedAt, String name, String email, String address, String area, String description) {
        NewCase contact = cases().aComplaint().through("EMAIL").receivedAt(Instant.parse(receivedAt)).by(name)
                .onServiceLine("housing").saying(description).points("Point");
        if (email == null) {
            contact.withoutEmail();
        } else {
            contact.withEmail(email);
        }
        if (address != null) {
            contact.atAddress(address);
        }
        if (area != null) {
            contact.inArea(area);
        }
        Api.Response response = contact.postTo(org);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
