package org.esphub.hub.intake;

import java.util.Set;
import org.esphub.dci.DciRequestType;
import org.esphub.governance.audit.AuditAction;
import org.esphub.processes.AgencyKind;

/**
 * What an API-item operation is, declared once: the request it takes, who may send it, the
 * agreements' exchange and purpose every item passes the data-sharing gate under, and what a
 * message with unusable ids is refused as.
 *
 * @param senders the kinds of agency the operation takes messages from
 * @param onlySenders what the refusal of any other sender says, e.g. "only the Public Employment
 *        Service reports and updates placements"
 * @param audit how the gate audits each item: the hub creating a case, or updating one
 * @param unusableIds what the refusal of unusable ids says, e.g. "the placements name ids the hub
 *        cannot use; nothing was stored or started"
 */
public record ApiItemTerms(DciRequestType request, Set<AgencyKind> senders, String onlySenders, String exchange,
        String purpose, AuditAction audit, String unusableIds) {
}
