package org.redress.casework;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * Fills a controller's {@link CaseScope} parameter: the signed-in member's scope in the organisation named by the
 * path's {@code {organisation}}, so a list endpoint gets it the way it gets its path, and never from the request's
 * parameters. Hidden from the API description: it is not something a client sends.
 */
@Configuration(proxyBeanMethods = false)
class CaseScopeArgument implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CaseScope.class);
    }

    /** Asked for at the first request: web configuration is built before the services it would need. */
    private final ObjectProvider<Casework> casework;

    CaseScopeArgument(ObjectProvider<Casework> casework) {
        this.casework = casework;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CaseScope.class;
    }

    @Override
    public CaseScope resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest request,
                                     WebDataBinderFactory binderFactory) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(variables instanceof Map<?, ?> map) || !(map.get("organisation") instanceof String organisation)) {
            throw new IllegalStateException(parameter.getExecutable() + " takes a CaseScope but its path names no {organisation}");
        }
        return casework.getObject().scope(organisation);
    }
}
