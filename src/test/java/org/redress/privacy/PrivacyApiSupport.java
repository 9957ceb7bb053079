package org.redress.privacy;

import org.redress.testing.Api;
import org.redress.testing.MutableClock;
import org.redress.testing.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small test language for privacy: people with personal data no other test uses (so a search of the whole database
 * for them finds only what this test made), and their complaints driven through the case API at chosen UK times.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
abstract class PrivacyApiSupport {

    static final String ORG = "alliance-homes";

    /** The organisation the stories are logged in: Alliance Homes, unless a test gives itself one of its own. */
    String organisation = ORG;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Api api() {
        return new Api(port);
    }

    /** A person whose every detail is unique to this run. */
    record Person(String name, String email, String phone, String address, String representative, String namedPerson,
                  String description) {

        static Person unique(String first) {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            // every hex digit becomes its own letter (0 -> g ... 9 -> p), so two people's letters differ as their tags do
            StringBuilder spelled = new StringBuilder();
            for (char ch : tag.toCharArray()) {
                spelled.append(Character.isDigit(ch) ? (char) ('g' + (ch - '0')) : ch);
            }
            String letters = spelled.toString();
            long digits = Math.abs(tag.hashCode()) % 1_000_000L;
            return new Person(first + " Zed" + letters, first.toLowerCase(Locale.UK) + "." + tag + "@example.net",
                    "07700 9%06d".formatted(digits), "%d Quillon Road %s, Bristol".formatted(digits % 90 + 1, letters),
                    "Rep " + letters, "Officer " + letters, "Mould in the back bedroom " + letters + " since spring");
        }

        List<String> strings() {
            return List.of(name, email, phone, address, representative, namedPerson, description);
        }
    }

    /** A complaint in the making: each verb is applied at the UK local time given. */
    final class Story {
        JsonNode c;
        final Person person;
        final List<String> secrets = new ArrayList<>();

        Story(JsonNode c, Person person) {
            this.c = c;
            this.person = person;
            secrets.addAll(person.strings());
        }

        String reference() {
            return c.get("reference").asString();
        }

        String id() {
            return c.get("id").asString();
        }

        Story at(String ukTime, String verb, String body) {
            clock.setUk(ukTime);
            Api.Response response = api().post("/api/v1/organisations/" + organisation + "/cases/" + id() + "/" + verb, body);
            assertThat(response.status()).as(verb + ": " + response.body()).isEqualTo(200);
            c = response.json();
            return this;
        }

        /** Free text this story writes, remembered so the search for personal data looks for it too. */
        String secret(String text) {
            String unique = text + " " + person.name().substring(person.name().lastIndexOf(' ') + 1);
            secrets.add(unique);
            return unique;
        }

        Story acknowledged(String ukTime) {
            return at(ukTime, "acknowledge", "{}");
        }

        Story evidence(String ukTime) {
            return at(ukTime, "evidence", "{\"kind\":\"INTERVIEW\",\"date\":\"%s\",\"who\":\"%s\",\"notes\":\"%s\"}"
                    .formatted(ukTime.substring(0, 10), person.namedPerson(), secret("Interviewed about the mould")));
        }

        Story responded(String ukTime, String outcome) {
            return at(ukTime, "respond", "{\"summary\":\"%s\",\"points\":[{\"number\":1,\"outcome\":\"%s\",\"reasons\":\"%s\"}]}"
                    .formatted(secret("We are sorry about the mould"), outcome, secret("The survey found damp")));
        }

        Story closed(String ukTime) {
            return at(ukTime, "close", "{\"note\":\"%s\",\"satisfaction\":{\"withHandling\":true,\"withOutcome\":false,\"reasons\":\"%s\"}}"
                    .formatted(secret("Closed after the call"), secret("Took too long")));
        }

        Story withdrawn(String ukTime) {
            return at(ukTime, "withdraw", "{\"reason\":\"%s\"}".formatted(secret("Moved away")));
        }
    }

    /** Logs a complaint from the person, received at a UK local time. */
    Story complaint(Person person, String receivedUk, String serviceArea, String subject) {
        clock.setUk(receivedUk);
        String body = """
                {"recordType":"complaint","channel":"PHONE",
                 "complainant":{"name":"%s","email":"%s","phone":"%s","address":"%s","preferredContact":"EMAIL",
                                "reasonableAdjustments":"Large print please"},
                 "representative":{"name":"%s","relationship":"friend","consentRecorded":true},
                 "namedPeople":[{"name":"%s","kind":"staff","role":"Repairs officer"}],
                 "serviceLine":"housing","serviceArea":"%s","subject":"%s","subSubject":"%s",
                 "description":"%s","outcomeWanted":"Treat the mould","points":["The mould came back"]}
                """.formatted(person.name(), person.email(), person.phone(), person.address(), person.representative(),
                person.namedPerson(), serviceArea, subject,
                // a sub-category of the subject on the organisation's list (issue 20)
                subject.equals("Anti-social behaviour") ? "Noise" : "Mould", person.description());
        Api.Response response = api().post("/api/v1/organisations/" + organisation + "/cases", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Story(response.json().get("caseFile"), person);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.redress.intake.EmailIntake intake;

    /** The complainant replies by email after the case closed: intake threads it onto the case by its reference. */
    void emailReply(Story story, String ukTime) {
        clock.setUk(ukTime);
        String raw = """
                From: %s <%s>
                To: feedback@alliancehomes.example
                Subject: Re: %s
                Message-ID: <reply-%s@mail.example>
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(story.person.name(), story.person.email(), story.reference(), UUID.randomUUID(),
                story.secret("One more thing about the mould")).replace("\n", "\r\n");
        assertThat(intake.accept(organisation, "test", raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)).outcome()).isEqualTo("ADDED_TO_CASE");
    }

    /** A file the complainant attached on the public form (written as the public web module stores it). */
    String attachment(Story story) {
        String filename = "photo-" + story.person.name().substring(story.person.name().lastIndexOf(' ') + 1) + ".txt";
        byte[] content = story.secret("Photo of the mould in the back bedroom").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        story.secrets.add(filename);
        jdbc.sql("""
                insert into publicweb.attachment (id, organisation, reference, filename, media_type, size_bytes, sha256, content, uploaded_at)
                values (?, ?, ?, ?, 'text/plain', ?, ?, ?, now())
                """).params(UUID.randomUUID(), organisation, story.reference(), filename, content.length, SubjectAccessExport.sha256(content), content)
                .update();
        return filename;
    }

    JsonNode get(String path) {
        Api.Response response = api().get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    /**
     * Every place in the database (every text, varchar, array, json, jsonb and bytea column of every table of every
     * schema) that holds the string, as "schema.table.column".
     */
    List<String> whereInTheDatabase(String text) {
        List<String> found = new ArrayList<>();
        var columns = jdbc.sql("""
                select c.table_schema, c.table_name, c.column_name, c.data_type from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
                  and c.data_type in ('text', 'character varying', 'ARRAY', 'json', 'jsonb', 'bytea')
                """).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}).list();
        for (String[] col : columns) {
            String column = "\"" + col[0] + "\".\"" + col[1] + "\".\"" + col[2] + "\"";
            String from = "\"" + col[0] + "\".\"" + col[1] + "\"";
            String condition = col[3].equals("bytea")
                    ? "position(convert_to(?, 'UTF8') in \"" + col[2] + "\") > 0"
                    : "strpos(lower(\"" + col[2] + "\"::text), lower(?)) > 0";
            int count = jdbc.sql("select count(*) from " + from + " where " + condition).param(text).query(Integer.class).single();
            if (count > 0) {
                found.add(column + " (" + count + ")");
            }
        }
        return found;
    }
}
