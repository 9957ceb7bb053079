package org.redress.policy;

/** One stored version of a pack, as listed: which organisation it is for and whether it is the active one. */
public record PackSummary(String id, String organisation, String title, int version, boolean active, boolean shipped) {
}
