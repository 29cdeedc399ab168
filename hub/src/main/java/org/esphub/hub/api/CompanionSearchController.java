package org.esphub.hub.api;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DCI companion document's searches (API.EMPL.05, 08, 09), paged and scoped as
 * {@code GET /referrals}: a client sees what was asked or decided about the persons it referred
 * or asked about, under any sender_id it may use, each record released through the data-sharing gate.
 */
@RestController
@RequestMapping(path = API_BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class CompanionSearchController {

    private static final String CORRELATION_HEADER = "X-Correlation-ID";

    private final ComplianceQueries compliance;
    private final EmploymentBenefitQueries benefits;
    private final JobPlacementQueries placements;

    public CompanionSearchController(ComplianceQueries compliance, EmploymentBenefitQueries benefits,
            JobPlacementQueries placements) {
        this.compliance = compliance;
        this.benefits = benefits;
        this.placements = placements;
    }

    /** API.EMPL.05: the compliance monitoring the caller asked for with POST /compliance/monitor. */
    @GetMapping("/compliance-monitoring")
    public Map<String, Object> complianceMonitoring(Authentication caller,
            @RequestParam(name = "person_id", required = false) String personId,
            @RequestParam(name = "reference_id", required = false) String referenceId,
            @RequestParam(name = "monitoring_period_start", required = false) String periodStart,
            @RequestParam(name = "monitoring_period_end", required = false) String periodEnd,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "compliance_status", required = false) String complianceStatus,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize,
            @RequestParam(name = "page_number", defaultValue = "1") int pageNumber,
            @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        return compliance.search(caller.getName(), personId, referenceId, periodStart, periodEnd, status,
                complianceStatus, SearchPage.of(pageSize, pageNumber, correlationId));
    }

    /** API.EMPL.08: training benefits and benefit adjustments decided for the caller's referrals. */
    @GetMapping("/employment-benefits")
    public Map<String, Object> employmentBenefits(Authentication caller,
            @RequestParam(name = "person_id", required = false) String personId,
            @RequestParam(name = "benefit_type", required = false) String benefitType,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "start_date_from", required = false) String startDateFrom,
            @RequestParam(name = "start_date_to", required = false) String startDateTo,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize,
            @RequestParam(name = "page_number", defaultValue = "1") int pageNumber,
            @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        return benefits.search(caller.getName(), personId, benefitType, status, startDateFrom, startDateTo,
                SearchPage.of(pageSize, pageNumber, correlationId));
    }

    /** API.EMPL.09: placements verified for the caller's referrals. */
    @GetMapping("/job-placements")
    public Map<String, Object> jobPlacements(Authentication caller,
            @RequestParam(name = "person_id", required = false) String personId,
            @RequestParam(name = "employer_id", required = false) String employerId,
            @RequestParam(name = "employment_type", required = false) String employmentType,
            @RequestParam(name = "placement_from", required = false) String placementFrom,
            @RequestParam(name = "placement_to", required = false) String placementTo,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize,
            @RequestParam(name = "page_number", defaultValue = "1") int pageNumber,
            @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        return placements.search(caller.getName(), personId, employerId, employmentType, placementFrom, placementTo,
                SearchPage.of(pageSize, pageNumber, correlationId));
    }
}
