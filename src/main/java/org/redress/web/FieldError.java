package org.redress.web;

/** One problem with one input: the field (or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
