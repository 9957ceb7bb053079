package org.redress.pages;

/**
 * What every linked part of a page has in common: the path segment of its own page, its link text and its place in the
 * list. The case page's sections extend it, so each one names only what it adds (its summary, who may see it).
 */
public abstract class LinkedSection {

    private final String id;
    private final String title;
    private final int order;

    protected LinkedSection(String id, String title, int order) {
        this.id = id;
        this.title = title;
        this.order = order;
    }

    /** The path segment of the section's page, e.g. {@code remedies}. */
    public String id() {
        return id;
    }

    /** The link text, in plain English, e.g. "Remedies and payments". */
    public String title() {
        return title;
    }

    /** Display order on the page (lower first). */
    public int order() {
        return order;
    }
}
