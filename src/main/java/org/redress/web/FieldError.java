package org.redress.web;

/**
 * One problem with one input: the field (or query parameter) and what is wrong with it. Serializable, as a page may
 * carry it across a redirect in the session, which is kept in the database (issue 27).
 */
public record FieldError(String field, String message) implements java.io.Serializable {
}
