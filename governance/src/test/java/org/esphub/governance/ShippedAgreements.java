package org.esphub.governance;

import java.util.List;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The agreements in ../agreements, as the hub loads them from the classpath. */
public final class ShippedAgreements {

    private ShippedAgreements() {
    }

    public static AgreementCatalogue load() {
        return AgreementLoader.load(new PathMatchingResourcePatternResolver(), List.of("classpath*:agreements/*.yaml"));
    }
}
