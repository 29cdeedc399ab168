package org.esphub.hub.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DNS stand-in for tests: each name answers the addresses scripted for it, one answer per
 * lookup and the last one again after that (a rebinding server answers public first, then
 * loopback). Unscripted names do not resolve; nothing goes to the real DNS.
 */
public final class ScriptedResolver implements HostResolver {

    private final Map<String, Deque<List<InetAddress>>> answers = new ConcurrentHashMap<>();

    /** @param answers one address list (comma-separated literals) per lookup, in order */
    public ScriptedResolver answer(String name, String... answers) {
        Deque<List<InetAddress>> queue = new ArrayDeque<>();
        for (String answer : answers) {
            queue.add(Arrays.stream(answer.split(",")).map(ScriptedResolver::literal).toList());
        }
        this.answers.put(name, queue);
        return this;
    }

    @Override
    public synchronized List<InetAddress> resolve(String host) throws UnknownHostException {
        Deque<List<InetAddress>> queue = answers.get(host);
        if (queue == null || queue.isEmpty()) {
            throw new UnknownHostException(host + " (not scripted)");
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address.trim());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
