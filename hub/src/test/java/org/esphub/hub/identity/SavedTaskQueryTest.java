package org.esphub.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/** A filter's query read back from the database is the same as the hub's, so a restart changes nothing. */
class SavedTaskQueryTest {

    private static final JsonTaskQueryConverter CONVERTER = new JsonTaskQueryConverter();

    @Test
    void a_stored_inbox_query_equals_the_one_it_was_made_from_and_not_one_without_its_order() {
        TaskQuery inbox = new TaskQueryImpl().taskCandidateGroup("pes-caseworkers").includeAssignedTasks()
                .orderByDueDate().asc();
        TaskQuery stored = CONVERTER.toObject(CONVERTER.toJsonObject(inbox));

        assertThat(SavedTaskQuery.same(stored, inbox)).isTrue();
        assertThat(SavedTaskQuery.same(stored,
                new TaskQueryImpl().taskCandidateGroup("pes-caseworkers").includeAssignedTasks())).isFalse();
    }
}
