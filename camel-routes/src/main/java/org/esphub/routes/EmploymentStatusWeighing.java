package org.esphub.routes;

import java.util.Map;

/**
 * Where {@code hub-weigh-employment-status} hands the sources' findings of an employment-status
 * verification. The route owns this contract and the hub implements it with its confidence rule, so
 * the route names a method of its own module; no agency is called and nothing leaves the hub.
 */
public interface EmploymentStatusWeighing {

    /** The bean name the route refers to ({@code ref: employmentStatusWeighing}). */
    String BEAN = "employmentStatusWeighing";

    /**
     * @param findings the task's variables: each source's finding and as-of instant ({@code pesFinding},
     *     {@code pesAsOf}, {@code taxFinding}, {@code taxAsOf}, {@code employerFinding},
     *     {@code employerAsOf}); a source that did not answer is null
     * @return the task's result variables: {@code employmentStatus}, {@code statusConfidence},
     *     {@code manualReviewRequired}, {@code findingsSummary}
     */
    Map<String, Object> weigh(Map<String, Object> findings);
}
