package org.esphub.hub.identity;

import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Compares task queries as the engine stores them in a filter (its JSON form, orderings
 * included), since a TaskQuery has no equality of its own.
 */
final class SavedTaskQuery {

    private static final JsonTaskQueryConverter CONVERTER = new JsonTaskQueryConverter();

    private SavedTaskQuery() {
    }

    static boolean same(TaskQuery stored, TaskQuery wanted) {
        return CONVERTER.toJsonObject(stored).equals(CONVERTER.toJsonObject(wanted));
    }
}
