package org.esphub.hub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per client address, as a token bucket (Bucket4j): each failure takes a token,
 * an empty bucket means the address waits. Only failures count, so a client that logs in
 * correctly is never slowed down, and no account is ever locked: a stranger who knows a user
 * name can slow down only their own address.
 *
 * <p>IPv6 clients are counted per /64 network, the block one host usually holds, so a client
 * cannot escape by changing the interface half of its address.
 */
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int IPV6_NETWORK_BYTES = 8;

    private final LoginThrottleProperties properties;
    private final TimeMeter clock;
    private final Cache<String, Bucket> failures;

    public LoginThrottle(LoginThrottleProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    LoginThrottle(LoginThrottleProperties properties, TimeMeter clock) {
        this.properties = properties;
        this.clock = clock;
        // a bucket untouched for a whole window is full again: forgetting it changes nothing
        this.failures = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedAddresses())
                .expireAfterAccess(properties.window())
                .build();
    }

    /** How long the address must wait before its next login, or empty if it may try now. */
    public Optional<Duration> waitBeforeNextLogin(String address) {
        Bucket bucket = failures.getIfPresent(key(address));
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public void recordFailure(String address) {
        Bucket bucket = failures.get(key(address), any -> newBucket());
        if (bucket.tryConsume(1) && bucket.getAvailableTokens() == 0) {
            LOG.warn("{} failed logins from {}: its logins are refused with 429 until its allowance refills",
                    properties.maxFailures(), address);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.maxFailures())
                        .refillGreedy(properties.maxFailures(), properties.window()))
                .withCustomTimePrecision(clock)
                .build();
    }

    /** The address itself, or its /64 network for IPv6. */
    static String key(String address) {
        try {
            byte[] bytes = InetAddress.getByName(literal(address)).getAddress();
            if (bytes.length == 16) {
                return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(bytes, IPV6_NETWORK_BYTES), 16))
                        .getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return address;
        }
    }

    /** Only IP literals are parsed (never a DNS lookup); anything else is taken as it is. */
    private static String literal(String address) {
        boolean ipv4 = address != null && address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = address != null && address.contains(":") && address.matches("[0-9A-Fa-f:.%\\[\\]]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("not an IP literal");
        }
        return address;
    }
}
