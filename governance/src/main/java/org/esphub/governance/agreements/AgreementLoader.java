package org.esphub.governance.agreements;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds the agreement files (packaged under {@code agreements/} and any further locations a
 * country configures) and builds the catalogue. Any bad file stops the start-up.
 */
public final class AgreementLoader {

    private static final Logger LOG = LoggerFactory.getLogger(AgreementLoader.class);

    private AgreementLoader() {
    }

    /**
     * @param locations resource patterns, e.g. {@code classpath*:agreements/*.yaml},
     *     {@code file:/etc/esp-hub/agreements/*.yaml}
     */
    public static AgreementCatalogue load(ResourcePatternResolver resolver, List<String> locations) {
        List<DataSharingAgreement> agreements = new ArrayList<>();
        for (String location : locations) {
            Resource[] files;
            try {
                files = resolver.getResources(location);
            } catch (IOException e) {
                throw new InvalidAgreementFile(location, List.of("cannot be listed: " + e.getMessage()));
            }
            for (Resource file : files) {
                agreements.add(read(file));
            }
        }
        if (agreements.isEmpty()) {
            throw new InvalidAgreementFile(String.join(", ", locations),
                    List.of("no agreement file found; without agreements every exchange would be refused"));
        }
        AgreementCatalogue catalogue = new AgreementCatalogue(agreements);
        catalogue.all().forEach(agreement -> LOG.info("Data-sharing agreement {} ({}) from {}: {} exchanges",
                agreement.reference(), agreement.title(), agreement.source(), agreement.exchanges().size()));
        return catalogue;
    }

    private static DataSharingAgreement read(Resource file) {
        String name = nameOf(file);
        try (InputStream content = file.getInputStream()) {
            return AgreementFileReader.read(name, content);
        } catch (IOException e) {
            throw new InvalidAgreementFile(name, List.of("cannot be read: " + e.getMessage()));
        }
    }

    /** {@code agreements/<file>} for packaged files, the path for files outside the application. */
    private static String nameOf(Resource file) {
        try {
            if (file.isFile()) {
                String path = file.getFile().getPath();
                int packaged = path.replace('\\', '/').lastIndexOf("/classes/agreements/");
                return packaged >= 0 ? path.substring(packaged + "/classes/".length()) : path;
            }
            String url = file.getURL().toString();
            int at = url.lastIndexOf("/agreements/");
            return at >= 0 ? url.substring(at + 1) : file.getDescription();
        } catch (IOException e) {
            return file.getDescription();
        }
    }
}
