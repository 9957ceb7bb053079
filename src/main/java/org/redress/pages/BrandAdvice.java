package org.redress.pages;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** Puts the brand of the organisation in the page's address on every page. */
@ControllerAdvice(basePackages = {"org.redress.staffui", "org.redress.publicweb", "org.redress.accounts"}, assignableTypes = StaffPage.class)
class BrandAdvice {

    private final Branding branding;

    BrandAdvice(Branding branding) {
        this.branding = branding;
    }

    @ModelAttribute("brand")
    Brand brand(@PathVariable(name = "organisation", required = false) @Nullable String organisation) {
        return branding.of(organisation);
    }
}
