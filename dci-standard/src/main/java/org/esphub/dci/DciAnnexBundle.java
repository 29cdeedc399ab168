package org.esphub.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annex as one self-contained OpenAPI tree: every $ref to a file of the common folder
 * becomes a component of the document (named after the file, as the annex names them) and a
 * local {@code #/components/...} $ref to it.
 *
 * <p>Why not swagger-parser: its resolver (2.1.x) leaves the $refs inside an external response
 * ({@code ../schema/Ack.yaml} in {@code common/response/Response.yaml}) dangling, and its model
 * adds {@code type: object} where the annex has no type. This only moves nodes, so the schemas
 * are byte-for-byte the annex's.
 */
public final class DciAnnexBundle {

    /** The annex on the classpath, without the {@code classpath:} scheme. */
    public static final String ANNEX = "dci-spec/employment/employment_api_v1.0.0.yaml";

    // the common folder's sub-folders and the components section their files belong to
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("schema", "schemas");
        SECTIONS.put("response", "responses");
        SECTIONS.put("parameter", "parameters");
        SECTIONS.put("header", "headers");
    }

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectNode root;
    private final Map<String, String> refByFile = new HashMap<>();

    private DciAnnexBundle() {
        root = (ObjectNode) read(ANNEX);
    }

    /**
     * @param alsoInclude more files of the common folder to add as components, as the annex
     *     would reference them (e.g. {@code ../common/schema/Pagination.yaml})
     */
    public static ObjectNode load(List<String> alsoInclude) {
        DciAnnexBundle bundle = new DciAnnexBundle();
        ObjectNode components = bundle.root.withObjectProperty("components");
        // Entries such as "MsgHeader_V1.0.0: {$ref: ../common/...}" take the file's content in
        // place. All of them are claimed first, so a common file that refers to one of them (e.g.
        // Response.yaml to Error.yaml) finds the annex's name instead of making a second copy.
        Map<String, JsonNode> claimed = new LinkedHashMap<>();
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            JsonNode entries = components.path(section.getValue());
            entries.properties().forEach(entry -> {
                String ref = entry.getValue().path("$ref").asText("");
                if (entry.getValue().size() == 1 && isExternal(ref)) {
                    String file = resolve(ANNEX, ref);
                    bundle.refByFile.put(file, "#/components/" + section.getValue() + "/" + entry.getKey());
                    claimed.put(file, entry.getValue());
                }
            });
        }
        claimed.forEach((file, entry) -> {
            ((ObjectNode) entry).removeAll().setAll((ObjectNode) bundle.read(file));
            bundle.internalize(entry, file);
        });
        bundle.internalize(bundle.root, ANNEX);
        for (String ref : alsoInclude) {
            bundle.componentOf(resolve(ANNEX, ref));
        }
        return bundle.root;
    }

    /** Rewrites every external $ref below {@code node}; {@code file} is where the node was read from. */
    private void internalize(JsonNode node, String file) {
        if (node.isObject()) {
            String ref = node.path("$ref").asText("");
            if (isExternal(ref)) {
                ((ObjectNode) node).put("$ref", componentOf(resolve(file, ref)));
            }
            node.forEach(child -> internalize(child, file));
        } else if (node.isArray()) {
            node.forEach(child -> internalize(child, file));
        }
    }

    /** The local $ref of {@code file}'s component, adding the component on first use. */
    private String componentOf(String file) {
        String known = refByFile.get(file);
        if (known != null) {
            return known;
        }
        String[] parts = file.split("/");
        String section = SECTIONS.get(parts[parts.length - 2]);
        if (section == null) {
            throw new IllegalStateException("the annex refers to " + file + ", outside the common folder's sections");
        }
        String name = parts[parts.length - 1].replaceFirst("\\.yaml$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        ObjectNode entries = root.withObjectProperty("components").withObjectProperty(section);
        if (entries.has(name)) {
            throw new IllegalStateException("two components named " + name + " in " + section);
        }
        String ref = "#/components/" + section + "/" + name;
        refByFile.put(file, ref); // before reading: a file may refer to itself
        JsonNode content = read(file);
        entries.set(name, content);
        internalize(content, file);
        return ref;
    }

    private static boolean isExternal(String ref) {
        return !ref.isEmpty() && !ref.startsWith("#");
    }

    private static String resolve(String from, String ref) {
        if (ref.contains("#")) {
            throw new IllegalStateException("fragment in external $ref " + ref + " of " + from + " is not supported");
        }
        return URI.create(from).resolve(ref).normalize().toString();
    }

    private JsonNode read(String file) {
        try (InputStream in = DciAnnexBundle.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("DCI file " + file + " is not on the classpath");
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DCI file " + file, e);
        }
    }
}
