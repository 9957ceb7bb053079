package org.redress.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.redress.web.InvalidInputException;
import org.redress.web.TextLimits;
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
@Tag(name = "API tokens", description = "Tokens for other systems: one organisation each, shown once, a year at most, revocable")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** @param expiresInDays how many days the token works, 1 to 365; a year when left out */
    record NewToken(@Size(max = TextLimits.NAME) @Nullable String organisation, @Size(max = TextLimits.NAME) @Nullable String name,
                    @Nullable Integer expiresInDays) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token acting as you, for one of your organisations, working for a year or expiresInDays (1 to 365);"
            + " the token is shown only in this answer. Only a person signed in issues tokens: a request made with a token is refused (403)")
    ApiTokens.IssuedToken issue(Authentication user, @RequestBody NewToken request) {
        PersonOnly.require(user, "create tokens");
        if (request.organisation() == null || request.organisation().isBlank()) {
            throw new InvalidInputException("organisation", "is required: the one organisation the token may act for");
        }
        return tokens.issue(user.getName(), request.organisation().strip(), request.name() == null ? "" : request.name(),
                request.expiresInDays());
    }

    @GetMapping
    @Operation(summary = "Your tokens, without their secrets")
    List<ApiTokens.TokenSummary> list(Authentication user) {
        return tokens.of(user.getName());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token: it stops working at once. The answer lists your other tokens for the same organisation"
            + " that still work, to revoke too if they may have leaked")
    ApiTokens.Revoked revoke(Authentication user, @PathVariable UUID id) {
        return tokens.revoke(user.getName(), id);
    }
}
