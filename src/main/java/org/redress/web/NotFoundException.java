package org.redress.web;

/** Something named in the request does not exist; answered with 404 naming the parameter. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
