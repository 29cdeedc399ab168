package org.esphub.governance.tracker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which category of personal data each payload field belongs to, so a person is told that their
 * "identity and benefit" details moved, never the fields' values. Declared once, in
 * {@code field-categories.yaml} next to this class.
 */
public final class FieldCategories {

    private static final String RESOURCE = "field-categories.yaml";

    /** One category: its key and the words a person reads. */
    public record Category(String key, String label, List<String> fields) {
    }

    private final Map<String, Category> byField;
    private final List<Category> categories;

    private FieldCategories(List<Category> categories) {
        this.categories = List.copyOf(categories);
        Map<String, Category> index = new HashMap<>();
        for (Category category : categories) {
            for (String field : category.fields()) {
                Category other = index.putIfAbsent(field, category);
                if (other != null) {
                    throw new IllegalStateException("field '" + field + "' is in categories " + other.key() + " and "
                            + category.key());
                }
            }
        }
        this.byField = Map.copyOf(index);
    }

    /** The catalogue the hub ships. */
    public static FieldCategories standard() {
        try (InputStream in = FieldCategories.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, Map<String, Object>> read = new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, new TypeReference<LinkedHashMap<String, Map<String, Object>>>() { });
            return new FieldCategories(read.entrySet().stream().map(entry -> new Category(entry.getKey(),
                    (String) entry.getValue().get("label"), fieldsOf(entry.getValue()))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsOf(Map<String, Object> category) {
        return List.copyOf((List<String>) category.get("fields"));
    }

    /** The category of a field path: the whole path first, then its first part. */
    public Optional<Category> of(String fieldPath) {
        Category whole = byField.get(fieldPath);
        if (whole != null) {
            return Optional.of(whole);
        }
        int dot = fieldPath.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(byField.get(fieldPath.substring(0, dot)));
    }

    /** The labels of the categories the fields belong to, in the catalogue's order; unknown fields are skipped. */
    public List<String> labelsOf(Collection<String> fieldPaths) {
        Set<String> keys = new TreeSet<>();
        fieldPaths.forEach(path -> of(path).ifPresent(category -> keys.add(category.key())));
        return categories.stream().filter(category -> keys.contains(category.key())).map(Category::label).toList();
    }
}
