package org.redress.people;

import java.util.List;

/**
 * An organisation using Redress.
 *
 * @param code short lower-case id used in URLs, e.g. {@code alliance-homes}
 * @param referencePrefix the start of its case references, e.g. {@code AH} in {@code AH-2026-000123}
 * @param policyPack the id of the policy pack it runs
 * @param serviceAreas the service areas its cases are filed under
 */
public record Organisation(String code, String name, String referencePrefix, String policyPack, List<String> serviceAreas) {
}
