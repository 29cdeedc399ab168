package org.esphub.hub.openapi;

import java.util.Locale;
import java.util.Map;
import org.esphub.hub.security.Scopes;

/**
 * The scope each documented operation needs, as {@code ApiSecurityConfiguration} enforces it.
 * Paths are relative to the API base, as in the annex. {@code DciOpenApiCustomizer} refuses to
 * start when an operation of the document is missing here, so a new operation cannot be
 * published without its scope.
 */
final class OperationScopes {

    private static final Map<String, String> SCOPES = Map.ofEntries(
            Map.entry("POST /referrals", Scopes.REFERRAL_CREATE),
            Map.entry("GET /referrals", Scopes.REFERRAL_READ),
            Map.entry("GET /status/{person_id}", Scopes.EMPLOYMENT_READ),
            Map.entry("POST /status/verifications", Scopes.EMPLOYMENT_READ),
            Map.entry("POST /training-benefits", Scopes.BENEFIT_MANAGE),
            Map.entry("POST /job-placements", Scopes.PLACEMENT_CREATE),
            Map.entry("PUT /job-placements/{placement_id}", Scopes.PLACEMENT_UPDATE),
            Map.entry("POST /compliance/monitor", Scopes.COMPLIANCE_MONITOR),
            Map.entry("POST /notifications", Scopes.NOTIFICATION_SEND),
            Map.entry("POST /sa-access-requests", Scopes.SA_ACCESS_REQUEST),
            Map.entry("POST /return-to-work-referrals", Scopes.RETURN_TO_WORK_REFER),
            Map.entry("POST /subsidy-applications", Scopes.SUBSIDY_APPLY),
            Map.entry("POST /youth-referrals", Scopes.YOUTH_REFER),
            Map.entry("GET /compliance-monitoring", Scopes.COMPLIANCE_READ),
            Map.entry("GET /employment-benefits", Scopes.BENEFIT_READ),
            Map.entry("GET /job-placements", Scopes.PLACEMENT_READ),
            Map.entry("POST /webhooks/subscription", Scopes.WEBHOOK_MANAGE),
            Map.entry("GET /webhooks/subscription", Scopes.WEBHOOK_MANAGE),
            Map.entry("PUT /webhooks/subscription/{subscription_id}", Scopes.WEBHOOK_MANAGE),
            Map.entry("DELETE /webhooks/subscription/{subscription_id}", Scopes.WEBHOOK_MANAGE),
            Map.entry("POST /subject-access-requests", Scopes.PERSON_RIGHTS),
            Map.entry("GET /subject-access-requests/{request_id}", Scopes.PERSON_RIGHTS),
            Map.entry("GET /subject-access-requests/{request_id}/export", Scopes.PERSON_RIGHTS),
            Map.entry("POST /restrictions", Scopes.PERSON_RIGHTS),
            Map.entry("GET /restrictions/{restriction_id}", Scopes.PERSON_RIGHTS),
            Map.entry("POST /restrictions/{restriction_id}/lift", Scopes.PERSON_RIGHTS),
            Map.entry("GET /persons/{person_id}/data-tracker", Scopes.PERSON_RIGHTS),
            Map.entry("POST /rectifications", Scopes.PERSON_RIGHTS),
            Map.entry("GET /rectifications/{rectification_id}", Scopes.PERSON_RIGHTS));

    private OperationScopes() {
    }

    static String of(String method, String path) {
        String scope = SCOPES.get(method.toUpperCase(Locale.ROOT) + " " + path);
        if (scope == null) {
            throw new IllegalStateException("no scope known for " + method + " " + path + "; add it to OperationScopes");
        }
        return scope;
    }
}
