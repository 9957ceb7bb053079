/**
 * Each organisation's controlled lists (issue 20): its service areas and its subjects (categories with
 * sub-categories), every entry with its other spellings, so "Damp &amp; Mould" and "Damp and mould" file one case the
 * same way. New cases choose from them; an unknown value is bad input naming its field unless an administrator lets
 * that list take free values.
 */
@ApplicationModule(allowedDependencies = {"pages", "people", "policy", "web"})
@NullMarked
package org.redress.vocabulary;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
