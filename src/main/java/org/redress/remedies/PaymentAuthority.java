package org.redress.remedies;

import org.jspecify.annotations.Nullable;
import org.redress.accounts.PackRoles;
import org.redress.accounts.Role;
import org.redress.policy.PolicyPack.CompensationAuthority;
import org.redress.remedies.Remedy.PaymentKind;
import org.redress.web.Refusal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may approve a payment, read from the case's policy pack authority table (F-13, H-9): a row covers a kind of
 * payment and an amount up to its limit (no limit stated: any amount). A payment above every limit for its kind, or
 * of a kind no row covers, goes to the review panel. A small policy object: it answers, it changes nothing.
 */
final class PaymentAuthority {

    static final String RULE = "F-13";

    private final List<CompensationAuthority> table;

    PaymentAuthority(List<CompensationAuthority> table) {
        this.table = List.copyOf(table);
    }

    /** Where a payment goes for approval, in words, and whether only the review panel may decide it. */
    record Routing(boolean needsPanel, String explanation) {
    }

    Routing route(PaymentKind kind, BigDecimal amount) {
        List<CompensationAuthority> rows = covering(kind);
        if (rows.isEmpty()) {
            return new Routing(true, "No role in the policy may approve a " + kind.words() + " alone, so the review panel decides it");
        }
        List<CompensationAuthority> within = rows.stream().filter(r -> r.upTo() == null || amount.compareTo(r.upTo()) <= 0).toList();
        if (within.isEmpty()) {
            return new Routing(true, Money.pounds(amount) + " is above every limit in the policy ("
                    + rows.stream().map(PaymentAuthority::limit).collect(Collectors.joining(", ")) + "), so the review panel decides it");
        }
        return new Routing(false, "To be approved by the " + within.stream().map(PaymentAuthority::limit)
                .collect(Collectors.joining(" or the ")));
    }

    /** As {@link #mayDecide(Role, java.util.Set, PaymentKind, BigDecimal)} for someone holding the pack roles their account role implies. */
    Optional<Refusal> mayDecide(Role role, PaymentKind kind, BigDecimal amount) {
        return mayDecide(role, PackRoles.impliedBy(role), kind, amount);
    }

    /**
     * Empty when someone with this account role, holding these pack roles ({@link PackRoles}), may approve (or refuse)
     * this payment; otherwise the refusal naming the rule.
     */
    Optional<Refusal> mayDecide(Role role, java.util.Set<String> packRoles, PaymentKind kind, BigDecimal amount) {
        List<CompensationAuthority> rows = covering(kind);
        List<CompensationAuthority> theirs = rows.stream().filter(r -> packRoles.contains(r.role())).toList();
        if (theirs.isEmpty()) {
            String who = rows.isEmpty() ? "the review panel" : rows.stream().map(r -> "the " + PackRoles.words(r.role()))
                    .distinct().collect(Collectors.joining(" or "));
            return Optional.of(new Refusal("a " + role.label().toLowerCase() + " may not approve a " + kind.words()
                    + "; the policy gives that to " + who, RULE, null));
        }
        if (theirs.stream().anyMatch(r -> r.upTo() == null)) {
            return Optional.empty();
        }
        CompensationAuthority highest = theirs.stream().max(Comparator.comparing(CompensationAuthority::upTo)).orElseThrow();
        BigDecimal upTo = java.util.Objects.requireNonNull(highest.upTo());
        if (amount.compareTo(upTo) > 0) {
            return Optional.of(new Refusal(Money.pounds(amount) + " is above the " + PackRoles.words(highest.role())
                    + "'s limit of " + Money.pounds(upTo), cite(highest), null));
        }
        return Optional.empty();
    }

    private List<CompensationAuthority> covering(PaymentKind kind) {
        return table.stream().filter(r -> kind.coveredBy(r.kind())).toList();
    }

    private static String limit(CompensationAuthority row) {
        return PackRoles.words(row.role()) + (row.upTo() == null ? " (no limit stated)" : " up to " + Money.pounds(row.upTo()));
    }

    private static String cite(CompensationAuthority row) {
        @Nullable String cite = row.cite();
        return cite == null || cite.isBlank() ? RULE : cite;
    }
}
