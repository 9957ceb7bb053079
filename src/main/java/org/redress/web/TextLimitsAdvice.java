package org.redress.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;

/**
 * Checks every JSON body against its fields' {@link TextLimits} as soon as it is read, before its controller runs: a
 * new endpoint is covered by declaring its fields' sizes, with nothing to remember in the controller. The body's other
 * declared rules (required, format) are checked by the controller or service with {@link TextLimits#errorsIn}, beside
 * the checks that need the organisation's pack or the case, so one 400 names every bad field.
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
            TextLimits.checkSizes(body);
        }
        return body;
    }
}
