package org.redress.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.policy.PackFixtures.read;
import static org.redress.policy.PackFixtures.shipped;
import static org.redress.policy.PackFixtures.shippedText;

/** Issue 22: the pack says who does what, as data: co-owners (H-6), routing by area, contact agreed, notices (T-5). */
class WhoDoesWhatPackTest {

    @Test
    void helpingOurFutureAppointsACaseWorkerAndAComplaintManagementOfficerAtEveryStepH6() {
        PolicyPack hof = shipped("helping-our-future");
        assertThat(hof.stages()).extracting(PolicyPack.Stage::ownerRoles).containsExactly(
                List.of("case-worker", "complaint-management-officer"),
                List.of("complaint-management-officer", "case-worker"),
                List.of("review-panel", "complaint-management-officer", "case-worker"));
    }

    @Test
    void allianceHomesRoutesStageOneByServiceAreaA3AndAgreesContactAtStageTwoA7() {
        PolicyPack homes = shipped("alliance-homes");
        assertThat(homes.stage(1).orElseThrow().ownerRoutedBy()).isEqualTo(PolicyPack.OwnerRouting.SERVICE_AREA);
        assertThat(homes.stage(1).orElseThrow().agreesContact()).isFalse();
        assertThat(homes.stage(2).orElseThrow().ownerRoutedBy()).isNull();
        assertThat(homes.stage(2).orElseThrow().agreesContact()).isTrue();
    }

    @Test
    void theTrustTellsTheClientServicesManagerOfEachSupportServiceRequestT5() {
        PolicyPack trust = shipped("the-trust");
        assertThat(trust.recordType("support-service-request").orElseThrow().tell()).containsExactly("client-services-manager");
        assertThat(trust.recordType("complaint").orElseThrow().tell()).isEmpty();
    }

    @Test
    void aCoOwnerOrToldRoleThePackDoesNotDeclareIsAnErrorWithItsLine() {
        String yaml = shippedText("the-trust").replace("tell: [client-services-manager]", "tell: [chief-executive]")
                .replace("    owner: investigating-manager\n", "    owner: investigating-manager\n    coOwners: [caretaker]\n");
        assertThat(read(yaml).errors()).extracting(PackError::field)
                .containsExactlyInAnyOrder("recordTypes[1].tell[0]", "stages[0].coOwners[0]");
        assertThat(read(shippedText("alliance-homes").replaceFirst("ownerRoutedBy: service-area", "ownerRoutedBy: postcode")).errors())
                .extracting(PackError::message).containsExactly("is 'postcode'; use one of service-area");
    }
}
