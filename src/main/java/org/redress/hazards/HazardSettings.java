package org.redress.hazards;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.TextLimits;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An organisation's hazard settings: whether complaints are read for hazards at all, and the categories with the
 * words that suggest each. Hazard types widen in 2026 and 2027 (REGULATIONS.md), so they are data, not code.
 *
 * @param enabled whether new complaints are read for hazards; null means "if the organisation is a social landlord"
 */
public record HazardSettings(@Nullable Boolean enabled, @NotEmpty(message = "give at least one category") List<@Valid Category> categories) {

    /** Damp and mould, the only category in force from 27 October 2025; organisations add others as they come in. */
    public static final HazardSettings DEFAULT = new HazardSettings(null, List.of(
            new Category("damp and mould", List.of("damp", "mould", "mold", "condensation", "mildew"))));

    public HazardSettings {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The day Awaab's Law came into force (SI 2025/1042, REGULATIONS.md): no hazard category applies to a complaint before it. */
    public static final LocalDate LAW_IN_FORCE = LocalDate.of(2025, 10, 27);

    /**
     * A kind of hazard, the words (matched at the start of a word, any case) that suggest it, and the day it applies
     * from (the law widens by category in 2026 and 2027); left out, the day the law came into force.
     */
    public record Category(@NotBlank(message = "is required") @Size(max = TextLimits.NAME) String name, List<@Size(max = TextLimits.NAME) String> keywords,
                           @Nullable LocalDate appliesFrom) {
        public Category {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }

        public Category(String name, List<String> keywords) {
            this(name, keywords, null);
        }

        /** Whether the category applied to a complaint received on that day (issue 20: history before the law raises no hazard). */
        boolean appliesOn(LocalDate received) {
            return !received.isBefore(appliesFrom == null ? LAW_IN_FORCE : appliesFrom);
        }
    }

    /** What a text matched: the category and the words around the match. */
    record Match(String category, String excerpt) {
    }

    /** Keywords as patterns, compiled once: every new complaint is read against every keyword of its organisation. */
    private static final Cache<String, Pattern> PATTERNS = Caffeine.newBuilder().maximumSize(10_000).build();

    private static Pattern pattern(String keyword) {
        return PATTERNS.get(keyword.strip().toLowerCase(Locale.UK), k -> Pattern.compile("(?iu)\\b" + Pattern.quote(k)));
    }

    /** The first category in force on the day the complaint was received whose keyword the text contains. */
    Optional<Match> match(String text, LocalDate received) {
        return new HazardSettings(enabled, categories.stream().filter(c -> c.appliesOn(received)).toList()).match(text);
    }

    /** The first category whose keyword the text contains, with the words around it. */
    Optional<Match> match(String text) {
        for (Category category : categories) {
            for (String keyword : category.keywords()) {
                if (keyword.isBlank()) {
                    continue;
                }
                Matcher m = pattern(keyword).matcher(text);
                if (m.find()) {
                    // about 40 characters either side, cut at a space so no word is split
                    int from = Math.max(0, m.start() - 40);
                    int space = text.indexOf(' ', from);
                    from = from == 0 || space < 0 || space > m.start() ? from : space + 1;
                    int to = Math.min(text.length(), m.end() + 40);
                    int end = text.lastIndexOf(' ', to);
                    to = to == text.length() || end < m.end() ? to : end;
                    return Optional.of(new Match(category.name(), (from > 0 ? "..." : "") + text.substring(from, to).strip()
                            + (to < text.length() ? "..." : "")));
                }
            }
        }
        return Optional.empty();
    }
}
