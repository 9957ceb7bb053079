package org.redress.vocabulary;

import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.redress.web.InvalidInputException;
import org.redress.web.TextLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The controlled lists API (issue 20): any member of staff reads them; administrators add entries and aliases, retire
 * or bring back an entry, and allow or refuse free values.
 */
@RestController
@RequestMapping("/api/v1/organisations/{organisation}/lists")
class ListsController {

    private final Vocabulary vocabulary;

    ListsController(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    record EntryRequest(@Size(max = TextLimits.NAME) @Nullable String name, @Nullable Long parent) {
    }

    record AliasRequest(@Size(max = TextLimits.NAME) @Nullable String alias) {
    }

    record FreeValuesRequest(@Nullable Boolean allowed) {
    }

    @GetMapping
    @Operation(summary = "The organisation's controlled lists: service areas and subjects, each entry with its aliases")
    List<ControlledList> all(@PathVariable String organisation) {
        Filing.Lists lists = vocabulary.lists(organisation);
        return List.of(lists.serviceAreas(), lists.subjects());
    }

    @GetMapping("/{list}")
    @Operation(summary = "One list: service-areas or subjects")
    ControlledList one(@PathVariable String organisation, @PathVariable String list) {
        return vocabulary.list(organisation, ListKind.of(list));
    }

    @PostMapping("/{list}/entries")
    @Operation(summary = "Add an entry (a sub-category of a subject when parent is its id)")
    ControlledList add(@PathVariable String organisation, @PathVariable String list, @RequestBody EntryRequest r) {
        return vocabulary.add(organisation, ListKind.of(list), r.name(), r.parent());
    }

    @PostMapping("/{list}/entries/{entry}/aliases")
    @Operation(summary = "Add another spelling of an entry: values written that way are stored as the entry's name")
    ControlledList alias(@PathVariable String organisation, @PathVariable String list, @PathVariable long entry, @RequestBody AliasRequest r) {
        return vocabulary.addAlias(organisation, ListKind.of(list), entry, r.alias());
    }

    @PostMapping("/{list}/entries/{entry}/deactivate")
    @Operation(summary = "Retire an entry: new cases cannot choose it; cases filed under it keep it")
    ControlledList deactivate(@PathVariable String organisation, @PathVariable String list, @PathVariable long entry) {
        return vocabulary.setActive(organisation, ListKind.of(list), entry, false);
    }

    @PostMapping("/{list}/entries/{entry}/activate")
    @Operation(summary = "Bring a retired entry back")
    ControlledList activate(@PathVariable String organisation, @PathVariable String list, @PathVariable long entry) {
        return vocabulary.setActive(organisation, ListKind.of(list), entry, true);
    }

    @PutMapping("/{list}/free-values")
    @Operation(summary = "Allow (or stop allowing) values outside the list, stored as written")
    ControlledList freeValues(@PathVariable String organisation, @PathVariable String list, @RequestBody FreeValuesRequest r) {
        if (r.allowed() == null) {
            throw new InvalidInputException("allowed", "is required: true or false");
        }
        return vocabulary.setFreeValues(organisation, ListKind.of(list), r.allowed());
    }
}
