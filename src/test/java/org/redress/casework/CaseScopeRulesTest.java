package org.redress.casework;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.redress.accounts.CaseAccess;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one way a list is limited to the cases a member may open (ADR 19): every module outside casework gets a
 * {@link CaseScope} and has casework apply it, rather than asking accounts for the member's limits and filtering its
 * own way; and a scope can only be made by casework, so none is made up with no limit.
 */
class CaseScopeRulesTest {

    private final JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.redress");

    @Test
    void onlyCaseworkAsksAccountsForAMembersLimitsEveryOtherModuleTakesACaseScope() {
        noClasses().that().resideOutsideOfPackages("org.redress.casework..", "org.redress.accounts..")
                .should().dependOnClassesThat().belongToAnyOf(CaseAccess.class, CaseAccess.Scope.class)
                .because("lists are limited through casework's CaseScope, one mechanism for all (ADR 19)")
                .check(production);
    }

    @Test
    void aCaseScopeIsMadeOnlyByCasework() {
        assertThat(Set.of(CaseScope.class.getDeclaredConstructors()))
                .allSatisfy(c -> assertThat(java.lang.reflect.Modifier.isPublic(c.getModifiers())
                        || java.lang.reflect.Modifier.isProtected(c.getModifiers())).isFalse());
    }
}
