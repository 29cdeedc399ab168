package org.esphub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The agency simulators of the demo profile over HTTP, as a demo user plays them: what each agency
 * received from the hub, and the events an agency sends back (a provider's attendance report, an
 * employer's decision, SA's appeal). Events are answered with 202 once they are on the hub's queue;
 * anything else fails the test here, with the simulator's reason.
 */
public final class SimulatedAgencies {

    private final RestClient http;

    public SimulatedAgencies(HubClient hub) {
        this.http = hub.raw();
    }

    // ---- what the agencies received ------------------------------------------------------------

    /** What the PES simulator received on esp.pes.notifications.out about one referral, oldest first. */
    public JsonNode pesNotificationsAbout(String referenceId) {
        return get("/sim/pes/notifications?reference_id={ref}", referenceId);
    }

    /** The adjustments SA applied on the hub's instructions for one referral, oldest first. */
    public JsonNode benefitAdjustmentsAt(String referenceId) {
        return get("/sim/sa/benefit-adjustments?reference_id={ref}", referenceId);
    }

    /** The training-benefit requests SA received for one referral, with SA's decisions. */
    public JsonNode trainingBenefitRequestsAt(String referenceId) {
        return get("/sim/sa/training-benefit-requests?reference_id={ref}", referenceId);
    }

    /** The places the TVET provider held for one referral, with their status. */
    public JsonNode trainingPlacesAt(String referenceId) {
        return get("/sim/tvet/reservations?reference_id={ref}", referenceId);
    }

    /** The candidate proposals employers received for one referral, with their status. */
    public JsonNode proposalsAt(String referenceId) {
        return get("/sim/employer/proposals?reference_id={ref}", referenceId);
    }

    /** The corrections the employers' gateway received for one rectification, oldest first, each naming its employer. */
    public JsonNode employerRectificationsAbout(String rectificationId) {
        return get("/sim/employer/rectifications?reference_id={ref}", rectificationId);
    }

    /** The tax / social-insurance authority's record of a person's insured employment. */
    public JsonNode insuredEmploymentOf(String personId) {
        return get("/sim/tax/persons/{person}/employments", personId);
    }

    /** SA's record of a person (benefit status and monthly amount among it). */
    public JsonNode saRecordOf(String personId) {
        return get("/sim/sa/persons/{person}", personId);
    }

    // ---- what the agencies send ----------------------------------------------------------------

    /** The training provider reports on the referral's enrolment in progress. */
    public void trainingProviderReports(String eventType, String referenceId, Map<String, Object> fields) {
        post("/sim/tvet/events", event(eventType, referenceId, fields));
    }

    /** The employer answers on the referral's latest proposal. */
    public void employerReports(String eventType, String referenceId, Map<String, Object> fields) {
        post("/sim/employer/events", event(eventType, referenceId, fields));
    }

    /**
     * An employer declares a new hire to the tax / social-insurance authority (what the employer
     * simulator does for hires of the hub's proposals), so the record shows the job from {@code startDate}.
     */
    public void employerDeclaresHire(String personId, String employerName, String startDate, String monthlyIncome) {
        var response = http.post().uri("/sim/tax/persons/{person}/employments", personId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("employer_name", employerName, "start_date", startDate, "employment_type", "FULL_TIME",
                        "monthly_income", monthlyIncome))
                .retrieve().toEntity(String.class);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("hire of " + personId + " answered " + response.getStatusCode().value() + ": "
                    + response.getBody());
        }
    }

    /** PES sends an event about the referral (e.g. a RegistrationConfirmed of its own making). */
    public void pesReports(String eventType, String referenceId, Map<String, Object> fields) {
        post("/sim/pes/events", event(eventType, referenceId, fields));
    }

    /** SA sends an event about the referral (e.g. the beneficiary's appeal). */
    public void saReports(String eventType, String referenceId, Map<String, Object> fields) {
        post("/sim/sa/events", event(eventType, referenceId, fields));
    }

    private static Map<String, Object> event(String eventType, String referenceId, Map<String, Object> fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_type", eventType);
        event.put("reference_id", referenceId);
        event.putAll(fields);
        return event;
    }

    private void post(String path, Map<String, Object> event) {
        var response = http.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(event)
                .retrieve().toEntity(String.class);
        if (response.getStatusCode().value() != 202) {
            throw new AssertionError("POST " + path + " " + event + " answered " + response.getStatusCode().value()
                    + ": " + response.getBody());
        }
    }

    private JsonNode get(String path, String variable) {
        return http.get().uri(path, variable).retrieve().body(JsonNode.class);
    }
}
