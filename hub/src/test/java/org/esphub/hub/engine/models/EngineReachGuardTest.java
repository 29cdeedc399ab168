package org.esphub.hub.engine.models;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

/** The guard on its own: what any object may and may not hand a model's expression. */
class EngineReachGuardTest {

    private final EngineReachGuard guard = new EngineReachGuard();

    /** Stands for any bean or value that happens to expose the engine or the database. */
    public static class Leaky {
        public RuntimeService getRuntimeService() {
            return null;
        }

        public DataSource dataSource() {
            return null;
        }

        public String getName() {
            return "leaky";
        }
    }

    @Test
    void aPropertyOrMethodReturningAnEngineServiceOrDataSourceIsRefusedOnAnyObject() {
        assertThatThrownBy(() -> guard.getValue(null, new Leaky(), "runtimeService"))
                .isInstanceOf(ModelRefusal.class).hasMessageContaining("getRuntimeService (it returns a RuntimeService)");
        assertThatThrownBy(() -> guard.invoke(null, new Leaky(), "dataSource", null, null))
                .isInstanceOf(ModelRefusal.class).hasMessageContaining("may not reach dataSource");
    }

    @Test
    void classesAndReflectionAreRefused() {
        assertThatThrownBy(() -> guard.getValue(null, "text", "class")).isInstanceOf(ModelRefusal.class);
        assertThatThrownBy(() -> guard.invoke(null, "text", "getClass", null, null)).isInstanceOf(ModelRefusal.class);
        assertThatThrownBy(() -> guard.invoke(null, String.class, "forName", null, null))
                .isInstanceOf(ModelRefusal.class).hasMessageContaining("on a Class");
        assertThatThrownBy(() -> guard.invoke(null, Thread.currentThread(), "getName", null, null))
                .isInstanceOf(ModelRefusal.class);
    }

    @Test
    void ordinaryValuesMapKeysAndTopLevelNamesPass() {
        assertThatCode(() -> {
            guard.getValue(null, new Leaky(), "name");
            guard.invoke(null, "text", "concat", null, null);
            guard.getValue(null, Map.of("class", 1), "class");
            guard.getValue(null, null, "identityService");
        }).doesNotThrowAnyException();
    }
}
