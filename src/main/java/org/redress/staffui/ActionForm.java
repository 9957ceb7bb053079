package org.redress.staffui;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** Any action form on the case page as posted; each verb reads the fields it needs. */
record ActionForm(@Nullable Long version, @Nullable String method, @Nullable String owner, @Nullable String summary,
                  @Nullable String note, @Nullable String reason, @Nullable String clock, @Nullable String amount,
                  @Nullable String complainantAgreed, @Nullable String kind, @Nullable String date, @Nullable String who,
                  @Nullable String notes, @Nullable String step, @Nullable List<String> pointNumber,
                  @Nullable List<String> pointOutcome, @Nullable List<String> pointReasons, @Nullable String actions,
                  @Nullable String unresolved, @Nullable String outcomeWanted, @Nullable String lateAcceptedBecause,
                  @Nullable String ground, @Nullable String exclusion, @Nullable String decidedBy,
                  @Nullable String satisfiedWithHandling, @Nullable String satisfiedWithOutcome,
                  @Nullable String recordType, @Nullable String tenure, @Nullable String understanding) {
}
