package org.redress.correspondence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** A case's contacts to make (A-2, issue 21) through the API: list them, and record one made. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/cases/{reference}/calls")
@Tag(name = "Letters")
class CallApiController {

    private final CallTasks calls;

    CallApiController(CallTasks calls) {
        this.calls = calls;
    }

    @GetMapping
    @Operation(summary = "The contacts still to make on a case (A-2): letters to give by phone or text, and letters that cannot be sent")
    List<CallTasks.CallTask> open(@PathVariable String organisation, @PathVariable String reference) {
        return calls.openOn(organisation, calls.referenceOf(organisation, reference));
    }

    /** @param note what was said, for the case's history (optional) */
    record ContactMade(@Nullable @jakarta.validation.constraints.Size(max = org.redress.web.TextLimits.TEXT) String note) {
    }

    @PostMapping("/{id}")
    @Operation(summary = "Record that the contact a letter asked for was made: the letter is done and the contact is in the case's history")
    CallTasks.ContactRecorded record(@PathVariable String organisation, @PathVariable String reference, @PathVariable String id,
                              @RequestBody(required = false) @Nullable ContactMade body, Principal principal) {
        return calls.record(organisation, reference, id, principal.getName(), body == null ? null : body.note());
    }
}
