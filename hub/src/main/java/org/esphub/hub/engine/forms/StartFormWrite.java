package org.esphub.hub.engine.forms;

import static org.esphub.hub.engine.forms.CommandFields.field;
import static org.esphub.hub.engine.forms.CommandFields.read;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The variables an engine command writes into a new process instance from its start: submitting the
 * start form or starting the definition with variables (engine REST {@code submit-form} and {@code start}).
 * As with {@link TaskVariableWrite}, Camunda's commands do not expose what they carry, so their fields are
 * read, each looked up once when the class loads.
 *
 * @param definitionId  the definition's id, or null when the start names its key
 * @param definitionKey the definition's key, or null when the start names its id
 * @param form          whether the command submits the start form (a refusal is then a form validation error)
 */
record StartFormWrite(String definitionId, String definitionKey, Set<String> names, boolean form) {

    private static final Field SUBMIT_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");
    private static final Field SUBMIT_VARIABLES = field(SubmitStartFormCmd.class, "variables");
    private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");

    StartFormWrite {
        names = Set.copyOf(names);
    }

    /** What {@code command} writes into the instance it starts, if it is such a command and writes anything. */
    static Optional<StartFormWrite> of(Command<?> command) {
        if (command instanceof SubmitStartFormCmd) {
            return write((String) read(command, SUBMIT_DEFINITION), null, (Map<?, ?>) read(command, SUBMIT_VARIABLES),
                    true);
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(command, START_BUILDER);
            return builder == null ? Optional.empty()
                    : write(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(), builder.getVariables(),
                            false);
        }
        return Optional.empty();
    }

    private static Optional<StartFormWrite> write(String id, String key, Map<?, ?> variables, boolean form) {
        if (variables == null || variables.isEmpty() || (id == null && key == null)) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        variables.keySet().forEach(name -> names.add(String.valueOf(name)));
        return Optional.of(new StartFormWrite(id, key, names, form));
    }

    List<String> sortedNames() {
        return names.stream().sorted().toList();
    }
}
