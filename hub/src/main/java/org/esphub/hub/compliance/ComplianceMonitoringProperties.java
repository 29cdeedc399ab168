package org.esphub.hub.compliance;

import java.util.List;
import org.esphub.processes.ActivationCompliance;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esp.compliance}: what a compliance request means where it says nothing.
 *
 * @param defaultAreas the annex's compliance_areas monitored for a request that names none
 */
@ConfigurationProperties("esp.compliance")
public record ComplianceMonitoringProperties(List<String> defaultAreas) {

    public ComplianceMonitoringProperties {
        defaultAreas = defaultAreas == null || defaultAreas.isEmpty() ? ActivationCompliance.AREAS : List.copyOf(defaultAreas);
        for (String area : defaultAreas) {
            if (!ActivationCompliance.AREAS.contains(area)) {
                throw new IllegalArgumentException("esp.compliance.default-areas: " + area + " is not one of "
                        + ActivationCompliance.AREAS);
            }
        }
    }
}
