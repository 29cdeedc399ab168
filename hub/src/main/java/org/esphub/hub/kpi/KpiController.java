package org.esphub.hub.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.hub.api.DciHttpErrors;
import org.esphub.hub.api.UnexpectedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The oversight KPIs for auditors, process owners and the oversight group (ApiSecurityConfiguration):
 * {@code GET /api/kpis} as JSON, {@code /api/kpis.csv} or {@code ?format=csv} as CSV. Aggregates only:
 * no person, no reference of a case leaves here.
 */
@RestController
public class KpiController {

    private static final Logger LOG = LoggerFactory.getLogger(KpiController.class);
    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final KpiCalculator calculator;
    private final KpiProperties properties;

    public KpiController(KpiCalculator calculator, KpiProperties properties) {
        this.calculator = calculator;
        this.properties = properties;
    }

    @GetMapping("/api/kpis")
    public ResponseEntity<?> kpis(@RequestParam(defaultValue = "month") String granularity,
            @RequestParam(required = false) String periods, @RequestParam(defaultValue = "json") String format) {
        List<String> problems = new ArrayList<>();
        Granularity cut = Granularity.named(granularity).orElse(null);
        if (cut == null) {
            problems.add("granularity: month or week");
        }
        int count = periodCount(periods, problems);
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"json".equalsIgnoreCase(format)) {
            problems.add("format: json or csv");
        }
        if (!problems.isEmpty()) {
            return bad(problems);
        }
        KpiReport report = calculator.report(cut, count);
        return csv ? csv(report) : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @GetMapping("/api/kpis.csv")
    public ResponseEntity<?> kpisCsv(@RequestParam(defaultValue = "month") String granularity,
            @RequestParam(required = false) String periods) {
        return kpis(granularity, periods, "csv");
    }

    private int periodCount(String periods, List<String> problems) {
        if (periods == null) {
            return properties.defaultPeriods();
        }
        try {
            int count = Integer.parseInt(periods);
            if (count >= 1 && count <= properties.maxPeriods()) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below, without repeating the value
        }
        problems.add("periods: a whole number from 1 to " + properties.maxPeriods());
        return 0;
    }

    private static ResponseEntity<String> csv(KpiReport report) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"esp-kpis-" + report.granularity() + ".csv\"")
                .body(KpiCsv.of(report));
    }

    private static ResponseEntity<Map<String, Object>> bad(List<String> problems) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(DciHttpErrors.body(DciReasonCode.REQUEST_BAD.code(), problems));
    }

    /** A database failure: 503 if retrying can help, else 500; logged here, never shown. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        return UnexpectedFailures.answer(e, LOG, "KPI API");
    }
}
