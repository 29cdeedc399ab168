package org.esphub.hub.engine.forms;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * Reads what a Camunda command is about to write from its private fields: the engine offers no other way to
 * see a command's variables before it runs. A Camunda upgrade that renames a field fails the hub's start,
 * not a caseworker's submission.
 */
final class CommandFields {

    private CommandFields() {
    }

    static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name
                    + " any more: the checks of what tasks and start forms write must be adapted", e);
        }
    }

    static Object read(Command<?> command, Field field) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
