package org.esphub.routes;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JMS messages as a consumer with {@code mapJmsMessage=false} hands them to an inbound route,
 * without a broker: the properties given, the broker's validated user among them, and a body
 * that can tell whether anyone read it.
 */
final class JmsMessages {

    private JmsMessages() {
    }

    static TextMessage text(String text, String validatedUser) {
        return message(TextMessage.class, validatedUser, Map.of("getText", () -> text), new AtomicBoolean());
    }

    /** An ObjectMessage whose {@code getObject} records that it was called (i.e. deserialized). */
    static ObjectMessage object(String validatedUser, AtomicBoolean deserialized) {
        return message(ObjectMessage.class, validatedUser, Map.of(), deserialized);
    }

    static BytesMessage bytes(String validatedUser, AtomicBoolean read) {
        return message(BytesMessage.class, validatedUser, Map.of(), read);
    }

    private static <T extends Message> T message(Class<T> type, String validatedUser,
            Map<String, java.util.function.Supplier<Object>> bodyMethods, AtomicBoolean bodyRead) {
        Object proxy = Proxy.newProxyInstance(JmsMessages.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    String name = method.getName();
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (name) {
                            case "equals" -> self == args[0];
                            case "hashCode" -> System.identityHashCode(self);
                            default -> type.getSimpleName() + " from " + validatedUser;
                        };
                    }
                    if (bodyMethods.containsKey(name)) {
                        return bodyMethods.get(name).get();
                    }
                    if (name.equals("getStringProperty") || name.equals("getObjectProperty")) {
                        return InboundJmsMessage.VALIDATED_USER_PROPERTY.equals(args[0]) ? validatedUser : null;
                    }
                    if (name.equals("getObject") || name.startsWith("read") || name.equals("getBody")
                            || name.equals("getBodyLength")) {
                        bodyRead.set(true);
                        return null;
                    }
                    Class<?> returns = method.getReturnType();
                    if (returns == boolean.class) {
                        return false;
                    }
                    if (returns == int.class || returns == long.class || returns == short.class || returns == byte.class) {
                        return returns == long.class ? 0L : returns == short.class ? (short) 0
                                : returns == byte.class ? (byte) 0 : 0;
                    }
                    if (returns == double.class || returns == float.class) {
                        return returns == double.class ? 0d : 0f;
                    }
                    return null;
                });
        return type.cast(proxy);
    }
}
