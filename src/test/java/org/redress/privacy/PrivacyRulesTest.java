package org.redress.privacy;

import org.junit.jupiter.api.Test;
import org.redress.accounts.Permission;
import org.redress.accounts.Permissions;
import org.redress.casework.CaseTypes.ClockStatus;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.Tenure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules of the privacy module, without Spring or a database. */
class PrivacyRulesTest {

    @Test
    void readingPrivacyAreasNeedsAdministerWhileReadingCasesNeedsOnlyViewCases() {
        for (String path : List.of("/api/v1/organisations/x/subject-access", "/api/v1/organisations/x/retention/dry-run",
                "/api/v1/organisations/x/legal-holds", "/api/v1/organisations/x/privacy-requests", "/staff/x/privacy",
                "/staff/x/privacy/subject-access")) {
            assertThat(Permissions.forRequest("GET", path)).as(path).contains(new Permissions.Requirement("x", Permission.ADMINISTER));
            assertThat(Permissions.forRequest("POST", path)).as(path).contains(new Permissions.Requirement("x", Permission.ADMINISTER));
        }
        assertThat(Permissions.forRequest("GET", "/staff/x/cases/X-1")).contains(new Permissions.Requirement("x", Permission.VIEW_CASES));
    }

    @Test
    void aSubjectAccessClockIsOnTimeThenDueSoonInItsLastWeekThenOverdueAndMetOrMetLateOnceAnswered() {
        LocalDate due = LocalDate.parse("2027-02-28");
        Instant dueBy = Instant.parse("2027-03-01T00:00:00Z");
        assertThat(SubjectAccess.status(dueBy, due, null, Instant.parse("2027-02-20T12:00:00Z"))).isEqualTo(ClockStatus.ON_TIME);
        assertThat(SubjectAccess.status(dueBy, due, null, Instant.parse("2027-02-21T00:00:00Z"))).isEqualTo(ClockStatus.DUE_SOON);
        assertThat(SubjectAccess.status(dueBy, due, null, Instant.parse("2027-03-01T00:00:01Z"))).isEqualTo(ClockStatus.OVERDUE);
        assertThat(SubjectAccess.status(dueBy, due, Instant.parse("2027-02-27T10:00:00Z"), Instant.parse("2027-04-01T00:00:00Z")))
                .isEqualTo(ClockStatus.MET);
        assertThat(SubjectAccess.status(dueBy, due, Instant.parse("2027-03-02T10:00:00Z"), Instant.parse("2027-04-01T00:00:00Z")))
                .isEqualTo(ClockStatus.MET_LATE);
    }

    @Test
    void aPersonLegalHoldMatchesTheComplainantByEmailOrNameWhateverTheCaseOrByPhoneWhateverTheSpacing() {
        Complainant c = new Complainant("Ada Resident", "Ada@Example.org", "07700 900123", null, null, null, List.of(), Tenure.UNKNOWN);
        assertThat(Retention.matches("ada@example.org", c)).isTrue();
        assertThat(Retention.matches(" ADA RESIDENT ", c)).isTrue();
        assertThat(Retention.matches("07700900123", c)).isTrue();
        assertThat(Retention.matches("Ada", c)).isFalse();
        assertThat(Retention.matches("900123", c)).isFalse();
    }
}
