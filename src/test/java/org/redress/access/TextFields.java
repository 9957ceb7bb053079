package org.redress.access;

import jakarta.validation.constraints.Size;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every text field a client can send, read from the controllers: each JSON body's string fields (nested records and
 * lists too, by their path: {@code complainant.name}, {@code points[0].reasons}) with the size declared on them, and each
 * page form's fields (its form record's components and its text request parameters). A field added to any request is
 * in this list without touching the tests.
 */
final class TextFields {

    /** Any size: the field is checked where it is used (its declared size is not on the request record). */
    static final int CHECKED_LATER = -1;

    /** One text field of one endpoint; {@code max} is its declared size, or {@link #CHECKED_LATER}. */
    record Target(String method, String pattern, boolean api, String contentType, String field, int max, String controller) {
        @Override
        public String toString() {
            return method + " " + pattern + " " + field + (max > 0 ? " (" + max + ")" : "") + " [" + controller + "]";
        }
    }

    /** The text of one endpoint whose body is not a record: a map (field names are the keys) or a whole text file. */
    record Whole(String method, String pattern, String contentType, Type body, String controller) {
    }

    private TextFields() {
    }

    static List<Target> of(RequestMappingHandlerMapping mapping) {
        List<Target> targets = new ArrayList<>();
        forEachWrite(mapping, (info, handler, pattern, method) -> {
            boolean api = pattern.startsWith("/api/");
            String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().map(Object::toString).orElse("");
            String controller = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
            for (MethodParameter p : handler.getMethodParameters()) {
                Class<?> type = p.getParameterType();
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    if (type.isRecord()) {
                        walk(type, "", (field, max) -> targets.add(new Target(method, pattern, api, consumes.isEmpty() ? "application/json" : consumes,
                                field, max, controller)));
                    }
                } else if (p.hasParameterAnnotation(RequestParam.class)) {
                    RequestParam param = p.getParameterAnnotation(RequestParam.class);
                    String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : p.getParameterName();
                    if (type == String.class || isListOf(p.getGenericParameterType(), String.class)) {
                        targets.add(new Target(method, pattern, api, "application/x-www-form-urlencoded", name, CHECKED_LATER, controller));
                    }
                } else if (type.isRecord() && type.getPackageName().startsWith("org.redress") && !p.hasParameterAnnotation(PathVariable.class)
                        && !p.hasParameterAnnotation(RequestHeader.class)) {
                    walk(type, "", (field, max) -> targets.add(new Target(method, pattern, api, "application/x-www-form-urlencoded",
                            field.replace("[0]", ""), max, controller)));
                }
            }
        });
        targets.sort(Comparator.comparing(Target::pattern).thenComparing(Target::method).thenComparing(Target::field));
        return targets;
    }

    /** Endpoints whose body is a map or a text file rather than a record. */
    static List<Whole> wholeBodies(RequestMappingHandlerMapping mapping) {
        List<Whole> wholes = new ArrayList<>();
        forEachWrite(mapping, (info, handler, pattern, method) -> {
            String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().map(Object::toString).orElse("");
            for (MethodParameter p : handler.getMethodParameters()) {
                Class<?> type = p.getParameterType();
                boolean body = p.hasParameterAnnotation(RequestBody.class) && (Map.class.isAssignableFrom(type) || type == String.class);
                boolean formMap = p.hasParameterAnnotation(RequestParam.class) && Map.class.isAssignableFrom(type);
                if (body || formMap) {
                    wholes.add(new Whole(method, pattern, body ? (consumes.isEmpty() ? "application/json" : consumes)
                            : "application/x-www-form-urlencoded", p.getGenericParameterType(),
                            handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName()));
                }
            }
        });
        return wholes;
    }

    private interface Visitor {
        void visit(RequestMappingInfo info, HandlerMethod handler, String pattern, String method);
    }

    private static void forEachWrite(RequestMappingHandlerMapping mapping, Visitor visitor) {
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.redress")) {
                return;
            }
            Collection<String> patterns = info.getPathPatternsCondition() == null ? info.getPatternValues()
                    : info.getPathPatternsCondition().getPatternValues();
            for (RequestMethod m : info.getMethodsCondition().getMethods()) {
                if (m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.PATCH) {
                    patterns.forEach(pattern -> visitor.visit(info, handler, pattern, m.name()));
                }
            }
        });
    }

    private interface Found {
        void field(String path, int max);
    }

    private static void walk(Class<?> record, String prefix, Found found) {
        for (RecordComponent c : record.getRecordComponents()) {
            Field field;
            try {
                field = record.getDeclaredField(c.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            String path = prefix + c.getName();
            Class<?> type = c.getType();
            if (type == String.class) {
                found.field(path, max(field.getAnnotation(Size.class)));
            } else if (type == JsonNode.class) {
                found.field(path, CHECKED_LATER);
            } else if (List.class.isAssignableFrom(type) && c.getGenericType() instanceof ParameterizedType list) {
                Type element = list.getActualTypeArguments()[0];
                AnnotatedType annotated = ((AnnotatedParameterizedType) field.getAnnotatedType()).getAnnotatedActualTypeArguments()[0];
                if (element == String.class) {
                    found.field(path + "[0]", max(annotated.getAnnotation(Size.class)));
                } else if (element instanceof Class<?> e && e.isRecord()) {
                    walk(e, path + "[0].", found);
                }
            } else if (type.isRecord()) {
                walk(type, path + ".", found);
            }
        }
    }

    private static int max(Size size) {
        return size == null ? 0 : size.max();
    }

    private static boolean isListOf(Type type, Class<?> element) {
        return type instanceof ParameterizedType p && List.class.isAssignableFrom((Class<?>) p.getRawType())
                && p.getActualTypeArguments()[0] == element;
    }
}
