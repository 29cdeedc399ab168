package org.esphub.simulators.labour;

import java.util.List;
import java.util.Map;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.ReceivedInstructions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The labour inspectorate: takes the hub's reports of employers' non-compliance (PRS.EMPL.08) and lists them. */
@RestController
@RequestMapping("/sim/labour/non-compliance-reports")
@ConditionalOnSimulatorsEnabled
class LabourInspectorateController {

    private static final Logger log = LoggerFactory.getLogger(LabourInspectorateController.class);

    private final ReceivedInstructions reports;

    LabourInspectorateController(ReceivedInstructions labourNonComplianceReports) {
        this.reports = labourNonComplianceReports;
    }

    /** 201 a case opened, 200 for a repeat; 400 {@code request.invalid}. */
    @PostMapping
    ResponseEntity<Map<String, Object>> report(@RequestBody Map<String, Object> report,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        ReceivedInstructions.Outcome outcome = reports.record(report, idempotencyKey, correlationId);
        log.info("labour inspectorate: case {} opened on {}", outcome.recorded().get("id"), report);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.recorded());
    }

    @GetMapping
    List<Map<String, Object>> reports(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return reports.all(referenceId);
    }
}
