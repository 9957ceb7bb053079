package org.redress.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.redress.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Tokens for other systems: one organisation each, shown once, revocable")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(@Nullable String organisation, @Nullable String name) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token acting as you, for one of your organisations; the token is shown only in this answer")
    ApiTokens.IssuedToken issue(Authentication user, @RequestBody NewToken request) {
        if (request.organisation() == null || request.organisation().isBlank()) {
            throw new InvalidInputException("organisation", "is required: the one organisation the token may act for");
        }
        return tokens.issue(user.getName(), request.organisation().strip(), request.name() == null ? "" : request.name());
    }

    @GetMapping
    @Operation(summary = "Your tokens, without their secrets")
    List<ApiTokens.TokenSummary> list(Authentication user) {
        return tokens.of(user.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token: it stops working at once")
    void revoke(Authentication user, @PathVariable UUID id) {
        tokens.revoke(user.getName(), id);
    }
}
