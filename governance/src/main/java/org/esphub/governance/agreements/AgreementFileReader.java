package org.esphub.governance.agreements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads one agreement file and checks it against {@link AgreementRules}. Unknown keys are errors,
 * so a misspelt {@code consent_required} cannot silently switch consent off.
 */
public final class AgreementFileReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AgreementFileReader() {
    }

    /**
     * @param file how messages name the file, e.g. {@code agreements/sa-pes-activation-referral.yaml}
     * @throws InvalidAgreementFile if the file is not YAML, has unknown or mistyped keys, or breaks a rule
     */
    public static DataSharingAgreement read(String file, InputStream content) {
        DataSharingAgreement agreement;
        try {
            agreement = YAML.readValue(content, DataSharingAgreement.class);
        } catch (JsonProcessingException e) {
            throw new InvalidAgreementFile(file, List.of(describe(e)));
        } catch (IOException e) {
            throw new InvalidAgreementFile(file, List.of("cannot be read: " + e.getMessage()));
        }
        if (agreement == null) {
            throw new InvalidAgreementFile(file, List.of("is empty"));
        }
        List<String> problems = AgreementRules.check(agreement);
        if (!problems.isEmpty()) {
            throw new InvalidAgreementFile(file, problems);
        }
        return agreement.from(file);
    }

    /** The problem with its place in the file: the key path and the line. */
    private static String describe(JsonProcessingException e) {
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return path(unknown) + line + ": unknown key '" + unknown.getPropertyName() + "'; known keys: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return path(mapping) + line + ": " + firstLine(mapping.getOriginalMessage());
        }
        return "is not valid YAML" + line + ": " + firstLine(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(top level)" : path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
