package org.esphub.hub.support;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility by default fails a wait when any thread of the JVM throws, and a shared hub runs many
 * threads of its own. An external-task worker whose completion the engine refuses (its process was
 * deleted a moment before by another test's clean-up) throws out of its pool thread by design: the task
 * is fetched again when its lock runs out, and the hub logs it. That belongs to the hub, not to whatever
 * scenario happens to be waiting at that moment, so waits here judge their own condition only.
 */
public final class HubThreadFailuresStayInTheLog implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }
}
