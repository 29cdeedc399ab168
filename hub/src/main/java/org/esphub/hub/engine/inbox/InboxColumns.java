package org.esphub.hub.engine.inbox;

import java.util.List;
import org.esphub.processes.ReferralToPes;

/**
 * What every inbox row shows besides the task's name and dates: whom the case is about and its
 * reference. Every process with user tasks holds these variables; the Tasklist filters list them
 * ({@code AgencyRolesSetup}) and {@link CaseColumnsOnTasks} copies them onto each user task.
 */
public final class InboxColumns {

    /** In the order Tasklist shows them. */
    public static final List<Column> COLUMNS = List.of(
            new Column(ReferralToPes.VAR_GIVEN_NAME, "Given name"),
            new Column(ReferralToPes.VAR_FAMILY_NAME, "Family name"),
            new Column(ReferralToPes.VAR_REFERENCE_ID, "Reference"));

    private InboxColumns() {
    }

    /** A process variable and the label Tasklist puts before its value. */
    public record Column(String variable, String label) {
    }
}
