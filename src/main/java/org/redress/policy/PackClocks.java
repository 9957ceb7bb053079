package org.redress.policy;

import org.jspecify.annotations.Nullable;
import org.redress.calendar.ClockUnit;
import org.redress.policy.PolicyPack.ClockRule;
import org.redress.policy.PolicyPack.Escalation;
import org.redress.policy.PolicyPack.ExtensionRule;
import org.redress.policy.PolicyPack.Milestone;
import org.redress.policy.PolicyPack.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timescales of a pack file: clocks with their extensions, the window to escalate, and the readable figures they
 * are written in ("10 working days", "24 hours", "8 weeks", "6 months"). Part of reading a pack ({@link PackReader}).
 */
final class PackClocks {

    private static final Pattern FIGURE = Pattern.compile("\\s*([+-]?\\d+)\\s+([A-Za-z ]+?)\\s*");

    private final PackFields fields;

    PackClocks(PackFields fields) {
        this.fields = fields;
    }

    ClockRule clock(PackNode node, String path) {
        fields.keys(node, path, Set.of("id", "name", "within", "from", "until", "extensions", "cite", "returnBand", "aim", "kind"));
        Figure within = figure(node, path, "within", true);
        Figure band = figure(node, path, "returnBand", false);
        Figure aim = figure(node, path, "aim", false);
        if (aim != null && within != null && aim.unit() == within.unit() && aim.amount() >= within.amount()) {
            fields.error(path + ".aim", "is " + aim.unit().describe(aim.amount()) + ", which is not earlier than the deadline ("
                    + within.unit().describe(within.amount()) + "); an aim is a target before it");
        }
        ClockUnit unit = within == null ? ClockUnit.WORKING_DAYS : within.unit();
        List<ExtensionRule> extensions = new ArrayList<>();
        PackNode list = node.get("extensions");
        if (list != null) {
            if (!list.isList()) {
                fields.error(path + ".extensions", "must be a list (each entry starting with '- ')");
            } else {
                for (int i = 0; i < list.items().size(); i++) {
                    extensions.add(extension(list.items().get(i), path + ".extensions[" + i + "]", unit));
                }
            }
        }
        Milestone from = fields.enumValue(node, path, "from", Milestone.class, Milestone.RECEIVED);
        return new ClockRule(fields.id(node, path, "id"), fields.required(node, path, "name"), from, unit,
                within == null ? 1 : within.amount(),
                fields.enumValue(node, path, "until", Milestone.class, Milestone.RESPONDED),
                List.copyOf(extensions), fields.optional(node, path, "cite"),
                band == null ? null : new Window(band.unit(), band.amount(), from),
                aim == null ? null : new Window(aim.unit(), aim.amount(), from), kind(node, path, extensions));
    }

    /** "kind: option" (issue 23, R-5): an outcome window, which cannot be extended since it can never be missed. */
    private PolicyPack.ClockKind kind(PackNode node, String path, List<ExtensionRule> extensions) {
        PolicyPack.ClockKind kind = node.get("kind") == null ? PolicyPack.ClockKind.DEADLINE
                : fields.enumValue(node, path, "kind", PolicyPack.ClockKind.class, PolicyPack.ClockKind.DEADLINE);
        if (kind == PolicyPack.ClockKind.OPTION && !extensions.isEmpty()) {
            fields.error(path + ".extensions", "are not allowed on an option: an outcome window is never missed, so it is never extended");
        }
        return kind;
    }

    private ExtensionRule extension(PackNode node, String path, ClockUnit clockUnit) {
        if (!fields.block(node, path)) {
            return new ExtensionRule(null, clockUnit, false, false, false, null, null, null);
        }
        fields.keys(node, path, Set.of("upTo", "needsAgreement", "needsReason", "tellOmbudsman", "maxTimes", "condition", "cite",
                "withoutAgreement"));
        Figure upTo = figure(node, path, "upTo", false);
        Integer maxTimes = fields.integer(node, path, "maxTimes");
        if (maxTimes != null && maxTimes < 1) {
            fields.error(path + ".maxTimes", "is " + maxTimes + "; it must be at least 1 (leave it out for no limit)");
        }
        return new ExtensionRule(upTo == null ? null : upTo.amount(), upTo == null ? clockUnit : upTo.unit(),
                fields.bool(node, path, "needsAgreement", false), fields.bool(node, path, "needsReason", false),
                fields.bool(node, path, "tellOmbudsman", false), maxTimes, fields.optional(node, path, "condition"),
                fields.optional(node, path, "cite"), withoutAgreement(node, path));
    }

    /** T-7: "withoutAgreement: tell-ombudsman" lets an extension that needs agreement go ahead without it. */
    private PolicyPack.WithoutAgreement withoutAgreement(PackNode node, String path) {
        if (fields.optional(node, path, "withoutAgreement") == null) {
            return PolicyPack.WithoutAgreement.REFUSE;
        }
        PolicyPack.WithoutAgreement value = fields.enumValue(node, path, "withoutAgreement", PolicyPack.WithoutAgreement.class,
                PolicyPack.WithoutAgreement.REFUSE);
        if (value == PolicyPack.WithoutAgreement.TELL_OMBUDSMAN && !fields.bool(node, path, "needsAgreement", false)) {
            fields.error(path + ".withoutAgreement", "applies only to an extension that needsAgreement: true");
        }
        return value;
    }

    Escalation escalation(PackNode node, String path) {
        if (!fields.block(node, path)) {
            return new Escalation(null, List.of(), List.of(), null);
        }
        fields.keys(node, path, Set.of("window", "refusalGrounds", "refusalMustInclude", "cite", "from"));
        Window window = null;
        PackNode w = node.get("window");
        if (w != null && fields.block(w, path + ".window")) {
            fields.keys(w, path + ".window", Set.of("within", "from"));
            Figure within = figure(w, path + ".window", "within", true);
            Milestone from = fields.enumValue(w, path + ".window", "from", Milestone.class, Milestone.RESPONDED);
            if (within != null) {
                window = new Window(within.unit(), within.amount(), from);
            }
        }
        return new Escalation(window, fields.strings(node, path, "refusalGrounds"), fields.strings(node, path, "refusalMustInclude"),
                fields.optional(node, path, "cite"), fields.strings(node, path, "from"));
    }

    /** An ombudsman's time to refer after the final response ("referWithin: 6 months"); null when the pack gives none. */
    @Nullable Window referWithin(PackNode node, String path) {
        Figure within = figure(node, path, "referWithin", false);
        return within == null ? null : new Window(within.unit(), within.amount(), Milestone.RESPONDED);
    }

    /** A figure such as "10 working days", "24 hours", "8 weeks" or "6 months". */
    private record Figure(int amount, ClockUnit unit) {
    }

    private @Nullable Figure figure(PackNode node, String path, String key, boolean required) {
        String text = required ? fields.required(node, path, key) : fields.optional(node, path, key);
        if (text == null || text.isEmpty()) {
            return null;
        }
        String at = path + "." + key;
        Matcher m = FIGURE.matcher(text);
        if (!m.matches()) {
            fields.error(at, "is '" + text + "'; write an amount and a unit, e.g. '10 working days', '24 hours', '8 weeks', '6 months'");
            return null;
        }
        int amount;
        try {
            amount = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            fields.error(at, "is '" + text + "'; the amount is too large");
            return null;
        }
        ClockUnit unit = unit(m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (unit == null) {
            fields.error(at, "has the unknown unit '" + m.group(2) + "'; use working days, hours, calendar days, weeks or months");
            return null;
        }
        if (amount <= 0) {
            fields.error(at, "is '" + text + "'; the amount must be more than zero");
            return null;
        }
        return new Figure(amount, unit);
    }

    private static @Nullable ClockUnit unit(String words) {
        return switch (words) {
            case "working day", "working days", "business day", "business days" -> ClockUnit.WORKING_DAYS;
            case "hour", "hours", "clock hour", "clock hours" -> ClockUnit.CLOCK_HOURS;
            case "calendar day", "calendar days" -> ClockUnit.CALENDAR_DAYS;
            case "week", "weeks" -> ClockUnit.WEEKS;
            case "month", "months", "calendar month", "calendar months" -> ClockUnit.CALENDAR_MONTHS;
            default -> null;
        };
    }
}
