package org.redress.access;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Marks every answer whose request reached a controller method (not the error page) with a header, so access tests
 * can tell "refused before the controller" from "the controller answered 404 for an unknown id".
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReachedHandler {

    public static final String HEADER = "X-Test-Reached-Controller";

    @Bean
    MappedInterceptor reachedControllerMarker() {
        return new MappedInterceptor(null, new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getDispatcherType() == DispatcherType.REQUEST && handler instanceof HandlerMethod method
                        && !method.getBeanType().getSimpleName().contains("ErrorController")) {
                    response.setHeader(HEADER, method.getBeanType().getSimpleName() + "." + method.getMethod().getName());
                }
                return true;
            }
        });
    }
}
