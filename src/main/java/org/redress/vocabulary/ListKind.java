package org.redress.vocabulary;

import org.redress.web.NotFoundException;

import java.util.Arrays;

/** The lists an organisation keeps, by the name their address uses and the case field they fill. */
public enum ListKind {
    SERVICE_AREAS("service-areas", "serviceArea", "Service areas", "service area"),
    SUBJECTS("subjects", "subject", "Subjects", "subject");

    private final String path;
    private final String field;
    private final String title;
    private final String singular;

    ListKind(String path, String field, String title, String singular) {
        this.path = path;
        this.field = field;
        this.title = title;
        this.singular = singular;
    }

    public String path() {
        return path;
    }

    /** The case field a value of this list fills, named in a refusal. */
    public String field() {
        return field;
    }

    public String title() {
        return title;
    }

    public String singular() {
        return singular;
    }

    /** The list an address names, or a 404 naming the {@code list} parameter. */
    public static ListKind of(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundException("list", "no list '" + path + "': the lists are service-areas and subjects"));
    }
}
