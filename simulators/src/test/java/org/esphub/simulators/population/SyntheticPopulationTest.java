package org.esphub.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticPopulationTest {

    private static final long DEFAULT_SEED = 20261125L;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private final SyntheticPopulation population = SyntheticPopulation.generate(DEFAULT_SEED, 5000, TODAY);

    @Test
    void sameSeedSizeAndDayGiveTheSamePersons() {
        SyntheticPopulation again = SyntheticPopulation.generate(DEFAULT_SEED, 5000, TODAY);

        assertThat(again.all()).isEqualTo(population.all());
    }

    @Test
    void anotherSeedGivesOtherRandomPersonsButTheSamePersonas() {
        SyntheticPopulation other = SyntheticPopulation.generate(DEFAULT_SEED + 1, 5000, TODAY);

        assertThat(other.all().subList(0, 5)).isEqualTo(population.all().subList(0, 5));
        assertThat(other.all().subList(5, 5000)).isNotEqualTo(population.all().subList(5, 5000));
    }

    @Test
    void sizeIsHonouredWithElevenDigitIdsCountingUpFrom10000000001() {
        SyntheticPopulation small = SyntheticPopulation.generate(DEFAULT_SEED, 42, TODAY);

        assertThat(small.size()).isEqualTo(42);
        assertThat(small.all()).extracting(Person::personId)
                .allMatch(id -> id.matches("\\d{11}"))
                .startsWith("10000000001", "10000000002")
                .endsWith("10000000042")
                .doesNotHaveDuplicates();
    }

    @Test
    void aLargerPopulationOnlyAppendsPersons() {
        SyntheticPopulation small = SyntheticPopulation.generate(DEFAULT_SEED, 100, TODAY);

        assertThat(population.all().subList(0, 100)).isEqualTo(small.all());
    }

    @Test
    void populationSmallerThanThePersonasIsRefused() {
        assertThatThrownBy(() -> SyntheticPopulation.generate(DEFAULT_SEED, 4, TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("population-size");
    }

    @ParameterizedTest(name = "persona {0}: age {1}, work_able {2}, {3}, ended {4} days ago")
    @CsvSource(nullValues = "-", value = {
            "10000000001, 34, true,  ACTIVE, -",
            "10000000002, 52, false, ACTIVE, -",
            "10000000003, 17, true,  ACTIVE, -",
            "10000000004, 41, true,  ENDED,  10",
            "10000000005, 29, true,  ENDED,  90"})
    void theFiveDemoPersonasAreAsDocumented(String personId, int age, boolean workAble, BenefitStatus status,
                                            Integer daysSinceBenefitEnded) {
        Person persona = population.get(personId);

        assertThat(persona.ageOn(TODAY)).isEqualTo(age);
        assertThat(persona.workAble()).isEqualTo(workAble);
        assertThat(persona.benefitStatus()).isEqualTo(status);
        assertThat(persona.benefitEndDate())
                .isEqualTo(daysSinceBenefitEnded == null ? null : TODAY.minusDays(daysSinceBenefitEnded));
        assertThat(persona.programmeId()).isNotBlank();
        assertThat(persona.monthlyBenefitAmount()).matches("\\d+\\.\\d{2}");
    }

    @Test
    void personasKeepTheirAgesWhateverTheDay() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        SyntheticPopulation onLeapDay = SyntheticPopulation.generate(DEFAULT_SEED, 5, leapDay);

        assertThat(onLeapDay.all()).extracting(person -> person.ageOn(leapDay)).containsExactly(34, 52, 17, 41, 29);
    }

    @Test
    void randomPersonsFollowRealisticDistributions() {
        List<Person> random = population.all().subList(5, 5000);

        assertThat(random).allSatisfy(person -> {
            assertThat(person.ageOn(TODAY)).isBetween(16, 70);
            assertThat(person.sex()).isIn("male", "female");
            assertThat(person.educationLevel()).isIn("0", "1", "2", "3", "4", "5", "6", "7", "8");
            assertThat(person.householdSize()).isBetween(1, 8);
            assertThat(person.email()).endsWith("@example.org");
        });
        assertThat(share(random, p -> p.benefitStatus() == BenefitStatus.ACTIVE)).isCloseTo(0.70, within(0.03));
        assertThat(share(random, p -> p.benefitStatus() == BenefitStatus.ENDED)).isCloseTo(0.20, within(0.03));
        assertThat(share(random, Person::workAble)).isGreaterThan(0.70);
        assertThat(share(random, p -> p.sex().equals("female"))).isCloseTo(0.50, within(0.03));
    }

    @Test
    void benefitEndDateIsSetExactlyForEndedBenefitsWithin120DaysBeforeToday() {
        assertThat(population.all()).allSatisfy(person -> {
            if (person.benefitStatus() == BenefitStatus.ENDED) {
                assertThat(person.benefitEndDate()).isBetween(TODAY.minusDays(120), TODAY.minusDays(1));
            } else {
                assertThat(person.benefitEndDate()).isNull();
            }
        });
    }

    @Test
    void onlyPersonsWithABenefitHaveAProgrammeAndAnAmount() {
        Set<String> programmes = Set.of("SP-UNEMP-001", "SP-CCT-002", "SP-SOCASS-003", "SP-DIS-004");

        assertThat(population.all()).allSatisfy(person -> {
            if (person.benefitStatus() == BenefitStatus.NONE) {
                assertThat(person.programmeId()).isNull();
                assertThat(person.monthlyBenefitAmount()).isNull();
            } else {
                assertThat(person.programmeId()).isIn(programmes);
                assertThat(new BigDecimal(person.monthlyBenefitAmount())).isPositive();
                assertThat(person.monthlyBenefitAmount()).matches("\\d+\\.\\d{2}");
            }
        });
    }

    private static double share(List<Person> persons, Predicate<Person> predicate) {
        return persons.stream().filter(predicate).count() / (double) persons.size();
    }
}
