package org.redress.people;

/**
 * Published inside the transaction that adds an organisation, so what every organisation must have from its first
 * request (its controlled lists, issue 20) is made with it, or not at all.
 */
public record OrganisationAdded(Organisation organisation) {
}
