package org.redress.casework;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Every case the casework API answers with passes through {@link CaseDisclosure}, so no endpoint can forget it. */
@ControllerAdvice(assignableTypes = CaseController.class)
class CaseViewDisclosureAdvice implements ResponseBodyAdvice<Object> {

    private final CaseDisclosure disclosure;

    CaseViewDisclosureAdvice(CaseDisclosure disclosure) {
        this.disclosure = disclosure;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
                                            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                            ServerHttpResponse response) {
        if (body instanceof CaseView view) {
            return disclosure.show(view);
        }
        if (body instanceof CaseController.CreatedResponse created) {
            return new CaseController.CreatedResponse(disclosure.show(created.caseFile()), created.replayed(), created.warnings());
        }
        return body;
    }
}
