package org.esphub.simulators.population;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Draws ordinary (non-persona) people from one seeded {@link Random}, so the same seed and the
 * same order of calls give the same people on every JVM.
 *
 * <p>Distributions, chosen to look like a social-assistance caseload: ages uniform over 16..70;
 * 85% work-able below 65, 30% from 65; benefit 70% ACTIVE, 20% ENDED (1..120 days ago),
 * 5% SUSPENDED, 5% NONE; households of 1..8, mostly 1..4; ISCED levels weighted towards
 * upper secondary.
 */
final class RandomPersonFactory {

    static final int MIN_AGE = 16;
    static final int MAX_AGE = 70;
    static final int MAX_DAYS_SINCE_BENEFIT_END = 120;

    private static final List<String> FEMALE_NAMES = List.of(
            "Amina", "Sofia", "Elena", "Maria", "Fatima", "Leila", "Hana", "Irena", "Ana", "Mira",
            "Nora", "Sara", "Lina", "Jasmin", "Teuta", "Besa", "Yuna", "Grace", "Chloe", "Dalia");
    private static final List<String> MALE_NAMES = List.of(
            "Arben", "Luka", "Omar", "Daniel", "Jonas", "Ivan", "Mateo", "Ilir", "David", "Samir",
            "Noah", "Leon", "Adam", "Minho", "Tomas", "Karim", "Elias", "Viktor", "Petar", "Joel");
    private static final List<String> FAMILY_NAMES = List.of(
            "Krasniqi", "Novak", "Hoxha", "Berisha", "Kim", "Park", "Silva", "Rojas", "Gashi", "Morina",
            "Petrovic", "Horvat", "Santos", "Yilmaz", "Demir", "Kaya", "Lee", "Popescu", "Ionescu", "Nowak",
            "Kowalski", "Fernandez", "Gonzalez", "Mensah", "Okafor", "Haddad", "Nguyen", "Tanaka", "Schmidt",
            "Jansen");
    private static final List<String> CITIES = List.of(
            "Riverton", "Eastbrook", "Northgate", "Lakeside", "Hillcrest",
            "Westfield", "Stonebridge", "Millbrook", "Fairhaven", "Oakridge");

    /** ISCED levels 0..8 for adults, weights in percent. */
    private static final int[] ADULT_EDUCATION_WEIGHTS = {2, 7, 20, 40, 8, 6, 12, 4, 1};

    private final Random random;
    private final LocalDate today;

    RandomPersonFactory(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    Person next(String personId) {
        boolean female = random.nextBoolean();
        String givenName = pick(female ? FEMALE_NAMES : MALE_NAMES);
        String familyName = pick(FAMILY_NAMES);
        int age = MIN_AGE + random.nextInt(MAX_AGE - MIN_AGE + 1);
        // Up to 364 days before the latest birthday keeps the person exactly `age` years old.
        LocalDate birthDate = today.minusYears(age).minusDays(random.nextInt(365));
        boolean workAble = random.nextInt(100) < (age >= 65 ? 30 : 85);
        BenefitStatus status = benefitStatus();
        LocalDate endDate = status == BenefitStatus.ENDED
                ? today.minusDays(1L + random.nextInt(MAX_DAYS_SINCE_BENEFIT_END))
                : null;
        int householdSize = householdSize();
        Programme programme = status == BenefitStatus.NONE ? null : programme(age, workAble);
        return new Person(
                personId,
                givenName,
                familyName,
                female ? "female" : "male",
                birthDate,
                workAble,
                status,
                endDate,
                programme == null ? null : programme.id(),
                programme == null ? null : programme.benefitType(),
                householdSize,
                programme == null ? null : amount(programme, householdSize),
                ContactDetails.phone(personId),
                ContactDetails.email(givenName, familyName, personId),
                pick(CITIES),
                educationLevel(age));
    }

    private BenefitStatus benefitStatus() {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return BenefitStatus.ACTIVE;
        }
        if (roll < 90) {
            return BenefitStatus.ENDED;
        }
        return roll < 95 ? BenefitStatus.SUSPENDED : BenefitStatus.NONE;
    }

    private Programme programme(int age, boolean workAble) {
        if (age < 18) {
            return Programme.CONDITIONAL_CASH_TRANSFER; // minors are covered through their household
        }
        int roll = random.nextInt(100);
        if (!workAble) {
            return roll < 50 ? Programme.DISABILITY : Programme.SOCIAL_ASSISTANCE;
        }
        if (roll < 45) {
            return Programme.UNEMPLOYMENT;
        }
        return roll < 75 ? Programme.CONDITIONAL_CASH_TRANSFER : Programme.SOCIAL_ASSISTANCE;
    }

    /** 1..4 in three cases out of four, up to 8 otherwise. */
    private int householdSize() {
        return random.nextInt(4) == 0 ? 1 + random.nextInt(8) : 1 + random.nextInt(4);
    }

    /** Programme amount plus an individual top-up of 0..19.99, as real files never hold round numbers only. */
    private String amount(Programme programme, int householdSize) {
        BigDecimal topUp = BigDecimal.valueOf(random.nextInt(2000), 2);
        return programme.amountFor(householdSize).add(topUp).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private String educationLevel(int age) {
        if (age < 18) {
            return random.nextInt(4) == 0 ? "1" : "2"; // still in (or just out of) lower secondary
        }
        int roll = random.nextInt(100);
        for (int level = 0; level < ADULT_EDUCATION_WEIGHTS.length; level++) {
            roll -= ADULT_EDUCATION_WEIGHTS[level];
            if (roll < 0) {
                return Integer.toString(level);
            }
        }
        return "3";
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
