package org.redress.demo;

import org.redress.pages.StartNote;
import org.redress.pages.StartNotes;
import org.redress.people.Organisation;
import org.redress.people.Organisations;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The demo's staff accounts on the start page, so someone trying Redress can sign in without reading the source. */
@Component
@Profile("demo")
class DemoStartNote implements StartNotes {

    private static final List<String> ROLES = List.of("caseworker", "cmo", "feedback", "director", "admin", "board");

    private final Organisations organisations;

    DemoStartNote(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public StartNote note() {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Organisation", "Case worker", "Complaint management officer", "Feedback manager", "Director",
                "Administrator", "Board member"));
        for (Organisation org : organisations.all()) {
            String prefix = org.referencePrefix().toLowerCase(Locale.ROOT);
            List<String> row = new ArrayList<>();
            row.add(org.name());
            ROLES.forEach(role -> row.add(prefix + "." + role));
            table.add(row);
        }
        return new StartNote("Demo accounts", "This installation runs with demo data. Every demo account below has the password "
                + DemoStaffAndCases.PASSWORD + ". A case worker limited to one service area signs in as the prefix followed by .area-caseworker, for example ah.area-caseworker.",
                table);
    }
}
