package org.esphub.simulators.pes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;

class JobseekerRegistryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), ZoneOffset.UTC);

    private final SyntheticPopulation population = SyntheticPopulation.generate(1L, 500, LocalDate.of(2026, 11, 25));
    private final JobseekerRegistry registry = new JobseekerRegistry(CLOCK);

    @Test
    void caseNumbersCarryTheYearAndASixDigitSequenceStartingAtOne() {
        Registration registration = registry.register(request("REF-A", "10000000001"), person("10000000001"), null, null);

        assertThat(registration.created()).isTrue();
        assertThat(registration.jobseeker().caseNumber()).isEqualTo("PES-2026-000001");
        assertThat(registration.jobseeker().registeredAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void concurrentRegistrationsGetDistinctGaplessCaseNumbersAndRepeatsGetTheirFirstCase() throws Exception {
        List<Callable<Registration>> calls = IntStream.rangeClosed(1, 400)
                .mapToObj(i -> (Callable<Registration>) () -> {
                    // 200 referrals, each sent twice at the same time, as an at-least-once sender may
                    String personId = String.valueOf(10_000_000_000L + (i % 200) + 1);
                    return registry.register(request("REF-" + (i % 200), personId), person(personId), null, null);
                })
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Registration> results = pool.invokeAll(calls).stream().map(JobseekerRegistryTest::join).toList();

            assertThat(results).filteredOn(Registration::created).hasSize(200);
            assertThat(registry.all()).extracting(Jobseeker::caseNumber)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 200)
                            .mapToObj(n -> String.format("PES-2026-%06d", n)).toList());
            assertThat(results).allSatisfy(result -> assertThat(result.jobseeker())
                    .isEqualTo(registry.find(result.jobseeker().caseNumber()).orElseThrow()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsTellRepeatedRequestsFromSecondCases() {
        registry.register(request("REF-A", "10000000001"), person("10000000001"), "REF-A:1", null);
        registry.register(request("REF-A", "10000000001"), person("10000000001"), "REF-A:1", null);
        registry.register(request("REF-A", "10000000001"), person("10000000001"), "REF-A:2", null);
        registry.register(request("REF-B", "10000000002"), person("10000000002"), null, null);

        assertThat(registry.counts()).isEqualTo(new RegistrationCounts(4, 3, 1, 1, 1));
    }

    private static Registration join(Future<Registration> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Person person(String personId) {
        return population.get(personId);
    }

    private RegistrationRequest request(String referenceId, String personId) {
        Person person = person(personId);
        return new RegistrationRequest(referenceId, personId, person.givenName(), person.familyName(),
                person.birthDate().toString());
    }
}
