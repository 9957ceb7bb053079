package org.redress.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks every JSON request body once it is read, before any controller sees it, for what Jackson lets through but no
 * request means: an empty item in a list ({@code {"cases":[null]}}, which code reading the list then trips over) and
 * a date or time outside the calendar's years ({@code "awareSince":"+999999999-12-31"}, see {@link RequestDates}).
 * Either is refused with 400 naming each place, {@code cases[0]}, {@code findings[1].point}. This is done here, on
 * the request bodies alone, rather than by configuring Jackson, because the same mapper also reads what Redress
 * stored itself, which these rules must not stop from loading.
 *
 * <p>Request bodies are records (walked component by component, by the names JSON uses), lists and arrays of them;
 * maps and JSON trees are taken as they are.
 */
@ControllerAdvice
class RequestBodyChecks extends RequestBodyAdviceAdapter {

    /** Enough to say what is wrong without repeating a huge list of the same mistake. */
    static final int MAX_ERRORS = 20;
    private static final int MAX_DEPTH = 32;

    private static final ClassValue<List<Method>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> accessors = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                accessors.add(accessor);
            }
            return List.copyOf(accessors);
        }
    };

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldError> errors = problems(body);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return body;
    }

    /** Every empty list item and every date outside the calendar in a request body, by its JSON path. */
    static List<FieldError> problems(@Nullable Object body) {
        List<FieldError> errors = new ArrayList<>();
        walk(body, "", errors, 0);
        return errors;
    }

    private static void walk(@Nullable Object value, String path, List<FieldError> errors, int depth) {
        if (value == null || errors.size() >= MAX_ERRORS || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Temporal time) {
            if ((time instanceof Instant || time.isSupported(ChronoField.YEAR)) && !RequestDates.isWithin(time)) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, RequestDates.rangeMessage()));
            }
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                item(item, path + "[" + i++ + "]", errors, depth);
            }
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                item(Array.get(value, i), path + "[" + i + "]", errors, depth);
            }
        } else if (value.getClass().isRecord()) {
            for (Method accessor : COMPONENTS.get(value.getClass())) {
                walk(read(accessor, value), path.isEmpty() ? accessor.getName() : path + "." + accessor.getName(), errors, depth + 1);
            }
        }
    }

    private static void item(@Nullable Object item, String path, List<FieldError> errors, int depth) {
        if (item == null) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new FieldError(path, "is empty (null): give a value or leave the item out"));
            }
        } else {
            walk(item, path, errors, depth + 1);
        }
    }

    private static @Nullable Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }
}
