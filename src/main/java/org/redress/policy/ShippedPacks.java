package org.redress.policy;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Installs the packs shipped in {@code policy/packs/*.yaml} before the application serves anything, so every
 * organisation has an active procedure from the first request.
 */
@Component
class ShippedPacks implements SmartInitializingSingleton {

    static final String LOCATION = "classpath*:policy/packs/*.yaml";

    private final PolicyPacks packs;

    ShippedPacks(PolicyPacks packs) {
        this.packs = packs;
    }

    @Override
    public void afterSingletonsInstantiated() {
        install();
    }

    int install() {
        int installed = 0;
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String yaml = resource.getContentAsString(StandardCharsets.UTF_8);
                if (packs.installShipped(yaml, String.valueOf(resource.getFilename()))) {
                    installed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped policy packs", e);
        }
        return installed;
    }
}
