package org.redress.staffui;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.TextLimits;

import java.util.List;

/** Any action form on the case page as posted; each verb reads the fields it needs. Every field has its size. */
record ActionForm(@Nullable Long version, @Size(max = TextLimits.NAME) @Nullable String method, @Size(max = TextLimits.NAME) @Nullable String owner,
                  @Size(max = TextLimits.TEXT) @Nullable String summary, @Size(max = TextLimits.TEXT) @Nullable String note,
                  @Size(max = TextLimits.TEXT) @Nullable String reason, @Size(max = TextLimits.NAME) @Nullable String clock,
                  @Size(max = TextLimits.NAME) @Nullable String amount, @Size(max = TextLimits.NAME) @Nullable String complainantAgreed,
                  @Size(max = TextLimits.NAME) @Nullable String kind, @Size(max = TextLimits.NAME) @Nullable String date,
                  @Size(max = TextLimits.NAME) @Nullable String who, @Size(max = TextLimits.TEXT) @Nullable String notes,
                  @Size(max = TextLimits.NAME) @Nullable String step, @Nullable List<@Size(max = TextLimits.NAME) String> pointNumber,
                  @Nullable List<@Size(max = TextLimits.NAME) String> pointOutcome, @Nullable List<@Size(max = TextLimits.TEXT) String> pointReasons,
                  @Size(max = TextLimits.TEXT) @Nullable String actions, @Size(max = TextLimits.TEXT) @Nullable String unresolved,
                  @Size(max = TextLimits.TEXT) @Nullable String outcomeWanted, @Size(max = TextLimits.TEXT) @Nullable String lateAcceptedBecause,
                  @Size(max = TextLimits.NAME) @Nullable String ground, @Size(max = TextLimits.NAME) @Nullable String exclusion,
                  @Size(max = TextLimits.NAME) @Nullable String decidedBy, @Size(max = TextLimits.NAME) @Nullable String satisfiedWithHandling,
                  @Size(max = TextLimits.NAME) @Nullable String satisfiedWithOutcome, @Size(max = TextLimits.NAME) @Nullable String recordType,
                  @Size(max = TextLimits.NAME) @Nullable String tenure,
                  @Size(max = TextLimits.TEXT) @Nullable String understanding, @Size(max = TextLimits.NAME) @Nullable String redirectTo,
                  @Size(max = TextLimits.NAME) @Nullable String reviewDate,
                  @Size(max = TextLimits.NAME) @Nullable String toStage,
                  @Size(max = TextLimits.NAME) @Nullable String role, @Size(max = TextLimits.NAME) @Nullable String frequency,
                  @Size(max = TextLimits.NAME) @Nullable String category, @Size(max = TextLimits.NAME) @Nullable String serviceLine) {
}
