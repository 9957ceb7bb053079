package org.redress.calendar;

import java.util.Arrays;
import java.util.Optional;

/** The UK's three bank-holiday jurisdictions, named as GOV.UK names them. */
public enum Jurisdiction {
    ENGLAND_AND_WALES("england-and-wales", "England and Wales", "eng"),
    SCOTLAND("scotland", "Scotland", "sct"),
    NORTHERN_IRELAND("northern-ireland", "Northern Ireland", "nir");

    private final String slug;
    private final String displayName;
    private final String jollydayRegion;

    Jurisdiction(String slug, String displayName, String jollydayRegion) {
        this.slug = slug;
        this.displayName = displayName;
        this.jollydayRegion = jollydayRegion;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    String jollydayRegion() {
        return jollydayRegion;
    }

    public static Optional<Jurisdiction> fromSlug(String slug) {
        return Arrays.stream(values()).filter(j -> j.slug.equals(slug)).findFirst();
    }

    @Override
    public String toString() {
        return slug;
    }
}
