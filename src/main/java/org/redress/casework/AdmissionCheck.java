package org.redress.casework;

import org.redress.casework.CaseTypes.Complainant;

import java.util.List;

/**
 * A check another module adds to admission (for example a restriction on contact with this person, F-10): its
 * warnings are shown when a contact is checked and returned when it is logged. A warning never stops a contact
 * being logged.
 */
public interface AdmissionCheck {

    List<Casework.AdmissionWarning> warnings(String organisation, Complainant complainant);
}
