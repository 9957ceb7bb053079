package org.redress.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;

/**
 * Checks every JSON body against its fields' {@link TextLimits} as soon as it is read, before its controller runs: a
 * new endpoint is covered by declaring its fields' sizes, with nothing to remember in the controller.
 */
@ControllerAdvice
class TextLimitsAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (body.getClass().getPackageName().startsWith("org.redress")) {
            TextLimits.check(body);
        }
        return body;
    }
}
