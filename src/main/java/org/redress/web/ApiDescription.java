package org.redress.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** The API explorer's title and description (issue 21): what Redress's API is, not springdoc's "OpenAPI definition v0". */
@Component
class ApiDescription implements OpenApiCustomizer {

    private final @Nullable String version;

    ApiDescription(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? null : properties.getVersion();
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info()
                .title("Redress API")
                .version(version == null ? "v1" : "v1 (Redress " + version + ")")
                .description("Record, acknowledge, answer, extend, escalate and report on complaints. Sign in with an API "
                        + "token (Authorization: Bearer ...) made on your account page. Every date is in the organisation's "
                        + "calendar; every refusal is a problem+json answer naming the field or the rule."));
    }
}
