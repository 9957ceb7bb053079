package org.redress.access;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Marks every answer whose request reached a controller method (not the error page) with a header, so access tests
 * can tell "refused before the controller" from "the controller answered 404 for an unknown id". It runs after every
 * other interceptor, so a request the access check refuses is never marked.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReachedHandler implements WebMvcConfigurer {

    public static final String HEADER = "X-Test-Reached-Controller";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method
                        && !method.getBeanType().getSimpleName().contains("ErrorController")) {
                    response.setHeader(HEADER, method.getBeanType().getSimpleName() + "." + method.getMethod().getName());
                }
                return true;
            }
        }).order(Ordered.LOWEST_PRECEDENCE);
    }
}
