/**
 * The staff pages: my work by next deadline, logging a contact with warnings before saving, the case page with the
 * actions its policy allows now, and the organisation switcher. Pages call the casework facade, never the database.
 */
@NullMarked
package org.redress.staffui;

import org.jspecify.annotations.NullMarked;
