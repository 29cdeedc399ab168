package org.esphub.simulators.pes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.esphub.simulators.IdempotencyConflictException;
import org.esphub.simulators.population.Person;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * The PES jobseeker register: opens cases with sequential case numbers and answers repeated
 * requests with the case they opened, because the hub delivers at least once and retries.
 *
 * <p>A request repeats an earlier one when it carries the same {@code Idempotency-Key}, or, when
 * it has none, the same {@code reference_id}. All methods are synchronized: registrations are
 * rare and short, and one lock keeps the sequence and both indexes consistent.
 */
public class JobseekerRegistry {

    private final Clock clock;
    private final Map<String, Jobseeker> byCaseNumber = new LinkedHashMap<>();
    private final Map<String, Jobseeker> byIdempotencyKey = new HashMap<>();
    private final Map<String, Jobseeker> latestByPerson = new HashMap<>();
    private final Map<String, Integer> requestsByReference = new HashMap<>();
    private final Map<String, Integer> casesByReference = new HashMap<>();
    private long requests;
    private int lastSequence;

    public JobseekerRegistry(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param person         the validated population record of {@code request.personId()}
     * @param idempotencyKey the caller's key, or {@code null} to deduplicate by reference id
     * @throws IdempotencyConflictException when the key was used for another referral or person
     */
    public synchronized Registration register(RegistrationRequest request, Person person,
                                              @Nullable String idempotencyKey, @Nullable String correlationId) {
        String key = StringUtils.hasText(idempotencyKey) ? "key:" + idempotencyKey : "ref:" + request.referenceId();
        requests++;
        requestsByReference.merge(request.referenceId(), 1, Integer::sum);
        Jobseeker earlier = byIdempotencyKey.get(key);
        if (earlier != null) {
            if (!Objects.equals(earlier.referenceId(), request.referenceId())
                    || !Objects.equals(earlier.personId(), request.personId())) {
                throw new IdempotencyConflictException(idempotencyKey);
            }
            return new Registration(earlier, false);
        }
        Jobseeker jobseeker = open(request, person, correlationId);
        byCaseNumber.put(jobseeker.caseNumber(), jobseeker);
        byIdempotencyKey.put(key, jobseeker);
        latestByPerson.put(jobseeker.personId(), jobseeker);
        casesByReference.merge(request.referenceId(), 1, Integer::sum);
        return new Registration(jobseeker, true);
    }

    /** Requests and cases so far, and which referrals came more than once or got more than one case. */
    public synchronized RegistrationCounts counts() {
        return new RegistrationCounts(requests, byCaseNumber.size(), requests - byCaseNumber.size(),
                moreThanOnce(requestsByReference), moreThanOnce(casesByReference));
    }

    private static long moreThanOnce(Map<String, Integer> perReference) {
        return perReference.values().stream().filter(times -> times > 1).count();
    }

    public synchronized List<Jobseeker> all() {
        return List.copyOf(byCaseNumber.values());
    }

    /** The person's most recent case, if PES ever registered them. */
    public synchronized Optional<Jobseeker> latestOf(String personId) {
        return Optional.ofNullable(latestByPerson.get(personId));
    }

    public synchronized Optional<Jobseeker> find(String caseNumber) {
        return Optional.ofNullable(byCaseNumber.get(caseNumber));
    }

    private Jobseeker open(RegistrationRequest request, Person person, @Nullable String correlationId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String caseNumber = String.format(Locale.ROOT, "PES-%d-%06d",
                now.atZone(ZoneOffset.UTC).getYear(), ++lastSequence);
        String givenName = StringUtils.hasText(request.givenName()) ? request.givenName().strip() : person.givenName();
        return new Jobseeker(caseNumber, person.personId(), request.referenceId(), givenName, person.familyName(),
                person.birthDate(), Jobseeker.REGISTERED, now, correlationId);
    }
}
