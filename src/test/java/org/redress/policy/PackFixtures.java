package org.redress.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shipped packs and hand-written pack files for tests. */
final class PackFixtures {

    private PackFixtures() {
    }

    static String shippedText(String id) {
        try (InputStream in = PackFixtures.class.getResourceAsStream("/policy/packs/" + id + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped pack " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shipped pack as version 1; fails the test with every error when it does not load. */
    static PolicyPack shipped(String id) {
        PackReader.Reading reading = PackReader.read(shippedText(id), 1);
        if (!reading.valid()) {
            throw new AssertionError(id + " does not load:\n" + String.join("\n",
                    reading.errors().stream().map(PackError::toString).toList()));
        }
        return reading.pack();
    }

    static PackReader.Reading read(String yaml) {
        return PackReader.read(yaml, 1);
    }

    static CodeFigures code() {
        return CodeFigures.from(shipped(CodeFigures.REFERENCE_PACK));
    }

    static ComplianceReport compliance(String id) {
        return CodeCheck.check(shipped(id), code());
    }
}
