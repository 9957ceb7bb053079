package org.redress.pages;

import java.util.List;

/**
 * Something the installation wants the start page to say, for example the demo's accounts: a heading, a sentence,
 * and a table whose first row is its headings.
 */
public record StartNote(String heading, String text, List<List<String>> table) {
}
