package org.esphub.governance.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a payload down to allowed field paths. A path keeps its whole value
 * ({@code employment_details} keeps the object); a dotted path keeps one field inside an object
 * ({@code employment_details.employer_name}), in every element when the value is a list of objects.
 * Everything else is removed, and its path reported.
 */
final class FieldFilter {

    static final String ALL_FIELDS = "*";

    private FieldFilter() {
    }

    record Filtered(Map<String, Object> payload, List<String> removed) {
    }

    static Filtered apply(Map<String, Object> payload, List<String> allowed) {
        if (allowed.contains(ALL_FIELDS)) {
            return new Filtered(payload, List.of());
        }
        Set<String> removed = new LinkedHashSet<>();
        Map<String, Object> kept = filterObject(payload, "", Set.copyOf(allowed), removed);
        return new Filtered(kept, List.copyOf(removed));
    }

    private static Map<String, Object> filterObject(Map<?, ?> object, String prefix, Set<String> allowed,
            Set<String> removed) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : object.entrySet()) {
            String path = prefix + field.getKey();
            Object value = field.getValue();
            if (allowed.contains(path)) {
                kept.put(String.valueOf(field.getKey()), value);
            } else if (allowsInside(allowed, path) && value instanceof Map<?, ?> inner) {
                kept.put(String.valueOf(field.getKey()), filterObject(inner, path + ".", allowed, removed));
            } else if (allowsInside(allowed, path) && value instanceof List<?> list) {
                kept.put(String.valueOf(field.getKey()), filterList(list, path, allowed, removed));
            } else {
                removed.add(path);
            }
        }
        return kept;
    }

    private static List<Object> filterList(List<?> list, String path, Set<String> allowed, Set<String> removed) {
        List<Object> kept = new ArrayList<>();
        for (Object element : list) {
            if (element instanceof Map<?, ?> object) {
                kept.add(filterObject(object, path + ".", allowed, removed));
            } else {
                // a list of scalars where only sub-fields are allowed: nothing in it is allowed
                removed.add(path);
            }
        }
        return kept;
    }

    private static boolean allowsInside(Set<String> allowed, String path) {
        String inside = path + ".";
        return allowed.stream().anyMatch(candidate -> candidate.startsWith(inside));
    }
}
