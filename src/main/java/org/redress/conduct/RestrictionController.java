package org.redress.conduct;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.web.TextLimits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;

/** The restrictions API (F-10, H-5, T-4): list, record, review, end. Recording and changing need the DECIDE permission. */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/restrictions")
@Tag(name = "Restrictions", description = "Restrictions on contact with a person whose behaviour is unacceptable (F-10, H-5, T-4)")
class RestrictionController {

    private final Restrictions restrictions;

    RestrictionController(Restrictions restrictions) {
        this.restrictions = restrictions;
    }

    @GetMapping
    @Operation(summary = "The organisation's restrictions: in force first (soonest review first), then ended ones")
    List<Restriction> list(@PathVariable String organisation) {
        return restrictions.list(organisation);
    }

    @GetMapping("/{id}")
    Restriction get(@PathVariable String organisation, @PathVariable String id) {
        return restrictions.get(organisation, id);
    }

    @PostMapping
    @Operation(summary = "Record a restriction: the person (name with email, phone or address), kind, reason, decider, dates")
    ResponseEntity<Restriction> record(@PathVariable String organisation, @RequestBody Restrictions.NewRestriction request,
                                       @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        Restriction r = restrictions.record(organisation, request, actor(actor));
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + organisation + "/restrictions/" + r.id())).body(r);
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Record a review of a restriction in force and its next review date (within 12 months)")
    Restriction review(@PathVariable String organisation, @PathVariable String id, @RequestBody Restrictions.ReviewRequest request,
                       @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return restrictions.review(organisation, id, request, actor(actor));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End a restriction, with the reason")
    Restriction end(@PathVariable String organisation, @PathVariable String id, @RequestBody Restrictions.Ending request,
                    @RequestHeader(value = "X-Actor", required = false) @Nullable String actor) {
        return restrictions.end(organisation, id, request, actor(actor));
    }

    private static String actor(@Nullable String actor) {
        TextLimits.check("X-Actor", actor, TextLimits.NAME);
        return actor == null || actor.isBlank() ? "api" : actor;
    }
}
