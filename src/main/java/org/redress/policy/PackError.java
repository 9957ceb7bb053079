package org.redress.policy;

/**
 * One problem with a pack file, where it is: the path of the field (e.g. {@code stages[1].owner}), its line in
 * the YAML (1-based; 0 when the pack did not come from text) and what is wrong.
 */
record PackError(String field, int line, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + field + ": " + message;
    }
}
