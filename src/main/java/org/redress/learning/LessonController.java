package org.redress.learning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseScope;
import org.redress.web.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/organisations/{organisation}/lessons")
@Tag(name = "Learning", description = "Lessons and service changes from complaints, and telling the people who complained (F-14, H-8, S0-11)")
class LessonController {

    private final Learning learning;

    LessonController(Learning learning) {
        this.learning = learning;
    }

    record NewLessonRequest(@Size(max = TextLimits.NAME) @Nullable String kind, @Size(max = TextLimits.NAME) @Nullable String title,
                            @Size(max = TextLimits.TEXT) @Nullable String description, @Size(max = TextLimits.NAME) @Nullable String rootCause,
                            @Size(max = TextLimits.NAME) @Nullable String owner, @Nullable List<@Size(max = TextLimits.TEXT) String> cases,
                            @Nullable Boolean groupSuggestion) {
    }

    @GetMapping
    @Operation(summary = "Lessons and service changes, newest first; filter by status and category (root cause)")
    List<Learning.LessonView> list(CaseScope scope, @RequestParam(required = false) @Nullable String status,
                                   @RequestParam(required = false) @Nullable String category) {
        return learning.list(scope, status, category);
    }

    @GetMapping("/{id}")
    Learning.LessonView get(@PathVariable String organisation, @PathVariable String id) {
        return learning.get(organisation, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a lesson or service change against one or more cases (by reference), with its root cause and owner")
    Learning.LessonView create(@PathVariable String organisation, @RequestBody NewLessonRequest r, Principal principal) {
        return learning.create(organisation, new Learning.NewLesson(r.kind(), r.title(), r.description(), r.rootCause(), r.owner(),
                r.cases(), Boolean.TRUE.equals(r.groupSuggestion())), principal.getName());
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move it on: AGREED, IN_PROGRESS, DONE (doneOn, today when left out) or NOT_ADOPTED (reason required, H-8)")
    Learning.LessonView status(@PathVariable String organisation, @PathVariable String id, @RequestBody Learning.StatusChange r,
                               Principal principal) {
        return learning.changeStatus(organisation, id, r, principal.getName());
    }

    @PostMapping("/{id}/tell-complainants")
    @Operation(summary = "Write to each person who complained in the linked cases about the change, once each (H-8)")
    Learning.Told tell(@PathVariable String organisation, @PathVariable String id, Principal principal) {
        return learning.tellComplainants(organisation, id, principal.getName());
    }
}
