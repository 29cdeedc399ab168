package org.esphub.hub.rights;

/**
 * The portable export of what the hub holds about a person: JSON, canonical (RFC 8785) so that its
 * bytes, and the hub's signature over them, are the same wherever it is read back.
 */
public final class PersonExport {

    /** The media type of the export, as {@code GET .../export} answers it. */
    public static final String MEDIA_TYPE = "application/vnd.esp-hub.person-export+json";
    /** The export's JSON Schema's {@code $id}, which every export names in {@code export_format}. */
    public static final String FORMAT = "urn:esp-hub:schema:person-export:1";
    /** The published JSON Schema, in the hub's resources (README: *Portability*). */
    public static final String SCHEMA_RESOURCE = "schemas/person-export-v1.schema.json";

    private PersonExport() {
    }
}
