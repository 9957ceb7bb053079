package org.redress.pages;

/**
 * How an organisation's pages look: its name and its colour (white text on it meets WCAG AA contrast).
 *
 * @param code the organisation's code, blank for the installation's own pages
 */
public record Brand(String code, String name, String colour) {

    public static final Brand REDRESS = new Brand("", "Redress", "#1d3557");
}
