package org.esphub.hub.engine.models;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateCaseExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;

/**
 * The first resolver of every expression in a deployed model: it refuses, before any other
 * resolver acts, each property read or method call that would hand the model a way out of its own
 * process instance. A process owner deploys models, so a model is not trusted code.
 *
 * <ul>
 *   <li>Nothing is read or called on an object of a refused type (the engine and its services, its
 *       configuration, command context, the data source, the Spring context, classes and reflection).</li>
 *   <li>No property or method whose declared type is a refused type is reached, on any object
 *       ({@code execution.processEngineServices}, {@code task.getProcessEngine()}, {@code x.class}).</li>
 *   <li>On the variable-scope objects ({@code execution}, {@code task}, the engine's runtime entities
 *       behind them) only what their public delegate interfaces declare is reachable, not the
 *       entity's internals (jobs, incidents, persistence).</li>
 * </ul>
 * Each refusal names what was refused; the expression fails, so the step fails and, in the job
 * executor, ends as an incident.
 */
final class EngineReachGuard extends CheckingResolver {

    /** Types a model may neither obtain nor use. */
    static final List<Class<?>> REFUSED_TYPES = List.of(
            ProcessEngineServices.class, ProcessEngine.class, ProcessEngineConfiguration.class,
            RepositoryService.class, RuntimeService.class, TaskService.class, IdentityService.class,
            AuthorizationService.class, ManagementService.class, HistoryService.class, FormService.class,
            FilterService.class, ExternalTaskService.class, CaseService.class, DecisionService.class,
            CommandContext.class, CommandExecutor.class, Session.class, ArtifactFactory.class, JobEntity.class,
            DataSource.class, java.sql.Connection.class, BeanFactory.class, Environment.class,
            Class.class, ClassLoader.class, Member.class, AccessibleObject.class, Module.class,
            Thread.class, ThreadGroup.class, Runtime.class, ProcessBuilder.class, Process.class);

    /** What a model may use on {@code execution} and {@code task}: their public delegate interfaces. */
    private static final Set<String> VARIABLE_SCOPE_METHODS = Stream.of(
                    DelegateExecution.class, DelegateTask.class, DelegateCaseExecution.class)
            .flatMap(type -> Arrays.stream(type.getMethods()))
            .filter(method -> !returnsRefusedType(method))
            .map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    /** Per class, once: each public method name a model may not use, with the reason. */
    private static final ClassValue<Map<String, String>> REFUSED_MEMBERS = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
            boolean variableScope = VariableScope.class.isAssignableFrom(type);
            Map<String, String> refused = new HashMap<>();
            for (Method method : type.getMethods()) {
                String name = method.getName();
                if (returnsRefusedType(method)) {
                    refused.put(name, name + " (it returns a " + method.getReturnType().getSimpleName() + ")");
                } else if (variableScope && !VARIABLE_SCOPE_METHODS.contains(name)) {
                    refused.putIfAbsent(name, name + " on " + type.getSimpleName()
                            + " (only what DelegateExecution and DelegateTask declare)");
                }
            }
            return Map.copyOf(refused);
        }
    };

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null) {
            checkBase(base, String.valueOf(method));
            checkMethod(base, String.valueOf(method));
        }
        return null;
    }

    @Override
    void check(Object base, Object property, boolean write) {
        checkProperty(base, property, write);
    }

    private static void checkProperty(Object base, Object property, boolean write) {
        if (base == null) {
            return; // a top-level name: a variable, execution/task, or an allow-listed bean
        }
        String name = String.valueOf(property);
        checkBase(base, name);
        if (base instanceof Map<?, ?> || base instanceof List<?> || base.getClass().isArray()) {
            return; // a key or an index, not a member
        }
        String capitalized = name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        if (write) {
            checkMethod(base, "set" + capitalized);
        } else {
            checkMethod(base, "get" + capitalized);
            checkMethod(base, "is" + capitalized);
        }
    }

    private static void checkBase(Object base, String member) {
        for (Class<?> refused : REFUSED_TYPES) {
            if (refused.isInstance(base)) {
                throw refusal(member + " on a " + refused.getSimpleName());
            }
        }
    }

    private static void checkMethod(Object base, String name) {
        String refusal = REFUSED_MEMBERS.get(base.getClass()).get(name);
        if (refusal != null) {
            throw refusal(refusal);
        }
    }

    private static boolean returnsRefusedType(Method method) {
        Class<?> returned = method.getReturnType();
        return REFUSED_TYPES.stream().anyMatch(refused -> refused.isAssignableFrom(returned));
    }

    private static ModelRefusal refusal(String what) {
        return new ModelRefusal("a process model may not reach " + what
                + ": expressions see only variables, execution/task and the beans the hub allows");
    }
}
