package org.redress;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RedressApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    @Test
    void moduleDocumentationIsWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
