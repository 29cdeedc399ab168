package org.esphub.simulators.employer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.esphub.simulators.InvalidRequestException;

/**
 * How each employer answers a request to accommodate a returning worker: agreed unless the demo set the
 * employer to refuse, so that both of return-to-work's paths can be driven.
 */
public class AccommodationAnswers {

    static final String AGREED = "AGREED";
    static final String REFUSED = "REFUSED";
    private static final Answer DEFAULT = new Answer(AGREED, "We will arrange the hours and the workplace.");

    /** What the employer answers: {@code AGREED} or {@code REFUSED}, with a comment. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Answer(String employerAnswer, String employerComment) {
    }

    private final Map<String, Answer> byEmployer = new ConcurrentHashMap<>();

    public Answer set(String employerId, Answer answer) {
        if (answer.employerAnswer() == null || !Set.of(AGREED, REFUSED).contains(answer.employerAnswer())) {
            throw new InvalidRequestException("request.invalid", "employer_answer must be AGREED or REFUSED.");
        }
        byEmployer.put(employerId, answer);
        return answer;
    }

    public Answer of(String employerId) {
        return byEmployer.getOrDefault(employerId, DEFAULT);
    }
}
