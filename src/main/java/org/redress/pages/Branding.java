package org.redress.pages;

import org.jspecify.annotations.Nullable;
import org.redress.people.Organisations;
import org.springframework.stereotype.Service;

import java.util.Map;

/** Each organisation's brand; an organisation without a colour of its own gets the installation's. */
@Service
public class Branding {

    /** The four shipped organisations' colours, each dark enough for white text (contrast 7:1 or more). */
    private static final Map<String, String> COLOURS = Map.of(
            "247-alliance", "#5c1a6b",
            "alliance-homes", "#00576b",
            "helping-our-future", "#2a5d2c",
            "the-trust", "#1d3f73");

    private final Organisations organisations;

    Branding(Organisations organisations) {
        this.organisations = organisations;
    }

    public Brand of(@Nullable String organisation) {
        if (organisation == null) {
            return Brand.REDRESS;
        }
        return organisations.find(organisation)
                .map(o -> new Brand(o.code(), o.name(), COLOURS.getOrDefault(o.code(), Brand.REDRESS.colour())))
                .orElse(Brand.REDRESS);
    }
}
