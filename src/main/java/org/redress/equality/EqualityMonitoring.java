package org.redress.equality;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.UkTime;
import org.redress.casework.CaseScope;
import org.redress.casework.CaseView;
import org.redress.casework.Casework;
import org.redress.people.Organisations;
import org.redress.web.RequestDates;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.NotFoundException;
import org.redress.web.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Equality monitoring (H-3). Answers come from the complainant (through a one-use link from the "complaint received"
 * page) or from staff on a case; either way only the organisation, the complaint's month and service area and the
 * answers are kept, never the case or the person. Read only as an {@link EqualitySummary}.
 */
@Service
public class EqualityMonitoring {

    /** How long the link on the "complaint received" page works. */
    static final int INVITATION_DAYS = 30;

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Casework casework;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EqualityMonitoring(JdbcClient jdbc, Organisations organisations, Casework casework, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.casework = casework;
        this.clock = clock;
    }

    /** The answers, by question code; an empty or missing answer is no answer. */
    public record Answers(Map<String, String> byQuestion) {
    }

    /**
     * An invitation to answer the optional questions for a complaint received now; the token goes in the link and
     * only its hash is kept.
     */
    @Transactional
    public String invite(String organisation, @Nullable String serviceArea) {
        organisations.require(organisation);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LocalDate today = UkTime.dateOf(clock.instant());
        jdbc.sql("insert into equality.invitation (token_hash, organisation, month, service_area, expires_on) values (?, ?, ?, ?, ?)")
                .params(hash(token), organisation, today.withDayOfMonth(1), serviceArea, today.plusDays(INVITATION_DAYS)).update();
        return token;
    }

    /** Whether the link still works (not used, not expired). */
    @Transactional(readOnly = true)
    public boolean invitationOpen(String organisation, String token) {
        return invitation(organisation, token).isPresent();
    }

    /** Keeps the complainant's answers and uses up the invitation. */
    @Transactional
    public void answer(String organisation, String token, Answers answers) {
        Invitation invitation = invitation(organisation, token).orElseThrow(() -> new NotFoundException("token",
                "this link has expired or was already used"));
        Map<String, String> valid = validate(answers);
        if (jdbc.sql("delete from equality.invitation where token_hash = ?").param(hash(token)).update() != 1) {
            throw new NotFoundException("token", "this link has expired or was already used");
        }
        store(organisation, invitation.month(), invitation.serviceArea(), valid);
    }

    /** Keeps answers the complainant gave staff for a case: the case gives only its month and service area. */
    @Transactional
    public void recordForCase(String organisation, String caseRef, Answers answers) {
        CaseView view = casework.get(organisation, caseRef);
        Map<String, String> valid = validate(answers);
        store(organisation, UkTime.dateOf(view.receivedAt()).withDayOfMonth(1), view.classification().serviceArea(), valid);
    }

    /**
     * The answers about the scope's complaints in a period: a member limited to some service areas counts only the
     * answers kept with one of their areas (answers keep the complaint's service area, never the case).
     */
    @Transactional(readOnly = true)
    public EqualitySummary summary(CaseScope scope, @Nullable String from, @Nullable String to) {
        String organisation = scope.organisation();
        organisations.require(organisation);
        YearMonth now = YearMonth.from(UkTime.dateOf(clock.instant()));
        List<FieldError> errors = new ArrayList<>();
        YearMonth start = month(from, "from", now.minusMonths(11), errors);
        YearMonth end = month(to, "to", now, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(new FieldError("from", "The start month must not be after the end month"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String[] areas = scope.serviceAreas() == null ? null : scope.serviceAreas().toArray(String[]::new);
        String inScope = " and (cast(? as text[]) is null or service_area = any(?))";
        int total = jdbc.sql("select count(*) from equality.response where organisation = ? and month between ? and ?" + inScope)
                .params(organisation, start.atDay(1), end.atDay(1), areas, areas).query(Integer.class).single();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Question q : Question.values()) {
            Map<String, Integer> byAnswer = new LinkedHashMap<>();
            // the column name comes from the fixed list of questions, never from the request
            jdbc.sql("select coalesce(" + q.code() + ", '" + EqualitySummary.NOT_ANSWERED + "'), count(*) from equality.response "
                            + "where organisation = ? and month between ? and ?" + inScope + " group by 1")
                    .params(organisation, start.atDay(1), end.atDay(1), areas, areas)
                    .query(rs -> {
                        byAnswer.put(rs.getString(1), rs.getInt(2));
                    });
            counts.put(q.code(), byAnswer);
        }
        return EqualitySummary.of(organisation, start, end, total, counts, profile(organisation));
    }

    /** The organisation's customer profile: per question, the percent of customers per group. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Double>> profile(String organisation) {
        organisations.require(organisation);
        Map<String, Map<String, Double>> profile = new LinkedHashMap<>();
        jdbc.sql("select question, answer, percent from equality.customer_profile where organisation = ? order by question, answer")
                .param(organisation)
                .query(rs -> {
                    profile.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
                });
        return profile;
    }

    /** Replaces the customer profile; each question's shares may not add up to more than 100%. */
    @Transactional
    public Map<String, Map<String, Double>> setProfile(String organisation, Map<String, Map<String, Double>> profile) {
        organisations.require(organisation);
        List<FieldError> errors = new ArrayList<>();
        for (var q : profile.entrySet()) {
            Optional<Question> question = Question.byCode(q.getKey());
            if (q.getKey().length() > TextLimits.NAME) {
                errors.add(new FieldError("profile", "name a question in " + TextLimits.NAME + " characters or fewer"));
                continue;
            }
            if (question.isEmpty()) {
                errors.add(new FieldError(q.getKey(), "is not a monitoring question; questions are "
                        + java.util.Arrays.stream(Question.values()).map(Question::code).toList()));
                continue;
            }
            double sum = 0;
            for (var a : q.getValue().entrySet()) {
                String field = q.getKey() + "." + a.getKey();
                if (a.getKey().length() > TextLimits.NAME) {
                    errors.add(new FieldError(q.getKey(), "name a group in " + TextLimits.NAME + " characters or fewer"));
                } else if (question.get().groups().stream().noneMatch(g -> g.code().equals(a.getKey()))) {
                    errors.add(new FieldError(field, "is not a group of this question; groups are "
                            + question.get().groups().stream().map(Question.Answer::code).toList()));
                } else if (a.getValue() == null || a.getValue() < 0 || a.getValue() > 100) {
                    errors.add(new FieldError(field, "must be a percentage from 0 to 100"));
                } else {
                    sum += a.getValue();
                }
            }
            if (sum > 100.5) {
                errors.add(new FieldError(q.getKey(), "the shares add up to %.1f%%, more than 100%%".formatted(sum)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("delete from equality.customer_profile where organisation = ?").param(organisation).update();
        for (var q : profile.entrySet()) {
            for (var a : q.getValue().entrySet()) {
                jdbc.sql("insert into equality.customer_profile (organisation, question, answer, percent) values (?, ?, ?, ?)")
                        .params(organisation, q.getKey(), a.getKey(), a.getValue()).update();
            }
        }
        return profile(organisation);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private record Invitation(LocalDate month, @Nullable String serviceArea) {
    }

    private Optional<Invitation> invitation(String organisation, String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select month, service_area from equality.invitation where token_hash = ? and organisation = ? and expires_on >= ?")
                .params(hash(token), organisation, UkTime.dateOf(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getObject(1, LocalDate.class), rs.getString(2))).optional();
    }

    /** Every answer is one of its question's choices; at least one question is answered. */
    private static Map<String, String> validate(Answers answers) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> valid = new LinkedHashMap<>();
        for (var entry : answers.byQuestion().entrySet()) {
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            Optional<Question> q = Question.byCode(entry.getKey());
            if (entry.getKey().length() > TextLimits.NAME) {
                errors.add(new FieldError("answers", "name a question in " + TextLimits.NAME + " characters or fewer"));
            } else if (value.length() > TextLimits.NAME) {
                errors.add(new FieldError(entry.getKey(), TextLimits.tooLong(TextLimits.NAME)));
            } else if (q.isEmpty()) {
                errors.add(new FieldError(entry.getKey(), "is not a monitoring question"));
            } else if (!q.get().accepts(value)) {
                errors.add(new FieldError(entry.getKey(), "Choose one of the answers given"));
            } else {
                valid.put(q.get().code(), value);
            }
        }
        if (errors.isEmpty() && valid.isEmpty()) {
            errors.add(new FieldError(Question.values()[0].code(), "Answer at least one question, or leave this page: the questions are optional"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return valid;
    }

    private void store(String organisation, LocalDate month, @Nullable String serviceArea, Map<String, String> answers) {
        jdbc.sql("""
                insert into equality.response (id, organisation, month, service_area, age_band, disability, ethnicity, sex, religion,
                    sexual_orientation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(UUID.randomUUID(), organisation, month, serviceArea, answers.get("age_band"), answers.get("disability"),
                answers.get("ethnicity"), answers.get("sex"), answers.get("religion"), answers.get("sexual_orientation")).update();
    }

    private static @Nullable YearMonth month(@Nullable String text, String field, YearMonth otherwise, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return RequestDates.parseMonth(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter a month as year and month" + RequestDates.hint(e, ", for example 2026-04")));
            return null;
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
