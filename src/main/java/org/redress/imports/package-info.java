/**
 * Bringing an organisation's existing complaint register in from a CSV or Excel file (issue 20): the file's columns
 * mapped to Redress's fields (remembered per organisation), a preview and a dry run that report every problem by row
 * and column, then the import itself in the background, in batches, idempotent by the register's own id. Each row
 * becomes a case made by casework's aggregate in historic mode (its own times, outcomes and owner) and written by
 * casework's bulk writer, which no listener sees: nothing is sent and no notice is raised for history; the open cases
 * of each batch are given the hazard check a new complaint gets (hazards), and a closed case is made under the pack
 * version in force when it was received (policy).
 */
@ApplicationModule(allowedDependencies = {"calendar", "casework", "hazards", "metrics", "ombudsman", "pages", "people", "policy", "reporting", "vocabulary", "web"})
@NullMarked
package org.redress.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
