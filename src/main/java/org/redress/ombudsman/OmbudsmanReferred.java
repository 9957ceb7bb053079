package org.redress.ombudsman;

import java.time.LocalDate;

/**
 * A case was referred to an ombudsman: published once per case, in the transaction that recorded the referral, so
 * reporting can count the cases dealt with by the ombudsman (F-15).
 *
 * @param ombudsman the pack's ombudsman id, e.g. {@code housing-ombudsman}
 * @param reference the ombudsman's own reference for the case
 */
public record OmbudsmanReferred(String organisation, String caseId, String reference, String ombudsman, LocalDate referredOn) {
}
