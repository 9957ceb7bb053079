package org.redress;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.ApplicationModuleInformation;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module map holds: no cycles, no reaching into another module's internals, and each module uses only the modules
 * its {@code package-info.java} allows (issue 26, item 3).
 */
class ModularityTests {

    private static final Path DOCS = Path.of("target", "spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(RedressApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
        // checks allowedDependencies too, now that every module declares them
        modules.verify();
    }

    @Test
    void everyModuleDeclaresTheModulesItMayUse() {
        Set<String> undeclared = modules.stream()
                .filter(module -> ApplicationModuleInformation.of(module.getBasePackage()).getDeclaredDependencies()
                        .contains(ApplicationModule.OPEN_TOKEN))
                .map(module -> module.getIdentifier().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(undeclared).as("modules whose package-info.java has no @ApplicationModule(allowedDependencies = ...)").isEmpty();
    }

    @Test
    void eachModuleAllowsExactlyTheModulesItUses() {
        Map<String, Set<String>> allowed = new TreeMap<>();
        Map<String, Set<String>> used = new TreeMap<>();
        modules.forEach(module -> {
            String name = module.getIdentifier().toString();
            allowed.put(name, new TreeSet<>(ApplicationModuleInformation.of(module.getBasePackage()).getDeclaredDependencies()));
            used.put(name, module.getDirectDependencies(modules).uniqueModules()
                    .map(target -> target.getIdentifier().toString())
                    .collect(Collectors.toCollection(TreeSet::new)));
        });
        // an allowance nobody uses any more is a door left open: drop it from package-info.java
        assertThat(allowed).isEqualTo(used);
    }

    @Test
    void moduleDocumentationIsWrittenOneDiagramPerModule() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        Set<String> expected = modules.stream().map(module -> "module-" + module.getIdentifier() + ".puml")
                .collect(Collectors.toCollection(TreeSet::new));
        expected.add("components.puml");
        Set<String> written;
        try (Stream<Path> files = Files.list(DOCS)) {
            written = files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(written).isEqualTo(expected);
        for (var module : modules) {
            assertThat(Files.readString(DOCS.resolve("module-" + module.getIdentifier() + ".puml")))
                    .as("the diagram of %s", module.getIdentifier())
                    .contains(module.getDisplayName());
        }
        assertThat(Files.readString(DOCS.resolve("components.puml")))
                .contains(modules.stream().map(module -> module.getDisplayName()).toArray(String[]::new));
    }
}
