package org.redress.remedies;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** Something that happened to a remedy: proposed, approved, refused, paid, done; who, when and why. */
public record RemedyEvent(int sequence, String type, Instant at, String actor, @Nullable String reason) {
}
