package org.esphub.hub.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.esphub.workers.handoff.HandoffHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks PES and the tax / social-insurance authority at the same time, through the routes
 * {@code pes-labour-status} and {@code tax-insured-employment}. A source that fails, is too slow or
 * that the hub refuses to ask is left out of the answer (the verdict then counts it as not answered); a source that does not
 * know the person is reported as such.
 */
public class LiveStatusSources {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStatusSources.class);
    private static final String PERSON_UNKNOWN = "EspPersonUnknown";
    /** Why the hub asks the agencies: to administer the benefit of the person asked about. */
    public static final String PURPOSE = "BENEFIT_ADMINISTRATION";

    private final ProducerTemplate camel;
    private final long timeoutMs;

    public LiveStatusSources(ProducerTemplate camel, long timeoutMs) {
        this.camel = camel;
        this.timeoutMs = timeoutMs;
    }

    /** What the sources said now; {@link Answers#personUnknown()} when every source that answered does not know the person. */
    public Answers ask(String personId, String correlationId) {
        CompletableFuture<Exchange> pes = request("direct:pes-labour-status", personId, correlationId);
        CompletableFuture<Exchange> tax = request("direct:tax-insured-employment", personId, correlationId);
        Map<StatusSource, SourceObservation> observations = new EnumMap<>(StatusSource.class);
        int answered = 0;
        int unknown = 0;
        Exchange pesAnswer = await(pes, StatusSource.PES, personId);
        if (pesAnswer != null) {
            answered++;
            if (isUnknown(pesAnswer)) {
                unknown++;
            } else {
                observations.put(StatusSource.PES, fromPes(pesAnswer.getMessage().getBody(Map.class)));
            }
        }
        Exchange taxAnswer = await(tax, StatusSource.TAX_SOCIAL_INSURANCE, personId);
        if (taxAnswer != null) {
            answered++;
            if (isUnknown(taxAnswer)) {
                unknown++;
            } else {
                observations.put(StatusSource.TAX_SOCIAL_INSURANCE, fromTax(taxAnswer.getMessage().getBody(Map.class)));
            }
        }
        return new Answers(observations, answered > 0 && unknown == answered, answered);
    }

    /**
     * @param personUnknown every source that answered said it has no such person
     * @param answered      how many sources answered at all
     */
    public record Answers(Map<StatusSource, SourceObservation> observations, boolean personUnknown, int answered) {
    }

    private CompletableFuture<Exchange> request(String endpoint, String personId, String correlationId) {
        return camel.asyncSend(endpoint, exchange -> {
            // what the data-sharing gate checks the agency call against (agreement employment-status-verification)
            exchange.setProperty(HandoffHeaders.PURPOSE, PURPOSE);
            exchange.setProperty(HandoffHeaders.PERSON_ID, personId);
            exchange.setProperty(HandoffHeaders.CORRELATION_ID, correlationId);
            exchange.getMessage().setBody(personId);
            exchange.getMessage().setHeader(HandoffHeaders.CORRELATION_ID, correlationId);
        });
    }

    private Exchange await(CompletableFuture<Exchange> call, StatusSource source, String personId) {
        try {
            Exchange answer = call.get(timeoutMs, TimeUnit.MILLISECONDS);
            if (answer.getException() != null) {
                LOG.warn("Status source {} failed for person {}: {}", source, personId,
                        answer.getException().getMessage());
                return null;
            }
            String refusal = answer.getMessage().getHeader(HandoffHeaders.BPMN_ERROR_CODE, String.class);
            if (refusal != null) {
                // the hub did not ask (the data-sharing gate, or an id the route will not put into a URL)
                LOG.warn("Status source {} was not asked about person {}: {} {}", source, personId, refusal,
                        answer.getMessage().getHeader(HandoffHeaders.BPMN_ERROR_MESSAGE, String.class));
                return null;
            }
            return answer;
        } catch (TimeoutException e) {
            LOG.warn("Status source {} did not answer for person {} within {} ms", source, personId, timeoutMs);
            return null;
        } catch (ExecutionException e) {
            LOG.warn("Status source {} failed for person {}: {}", source, personId, e.getCause().getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean isUnknown(Exchange answer) {
        return Boolean.TRUE.equals(answer.getMessage().getHeader(PERSON_UNKNOWN, Boolean.class));
    }

    @SuppressWarnings("unchecked")
    static SourceObservation fromPes(Map<String, Object> body) {
        boolean registered = Boolean.TRUE.equals(body.get("registered"));
        return SourceObservation.pes(registered ? SourceObservation.REGISTERED_JOBSEEKER : SourceObservation.NOT_KNOWN,
                Instant.parse((String) body.get("as_of")), (String) body.get("case_number"),
                (List<String>) body.getOrDefault("active_programs", List.of()), (String) body.get("compliance_status"));
    }

    @SuppressWarnings("unchecked")
    static SourceObservation fromTax(Map<String, Object> body) {
        LocalDate asOfDay = LocalDate.parse((String) body.get("as_of"));
        // the data is complete to the end of that day
        Instant asOf = asOfDay.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC);
        Map<String, Object> open = ((List<Map<String, Object>>) body.getOrDefault("employments", List.of())).stream()
                .filter(e -> isOpenOn(e, asOfDay))
                .reduce((first, second) -> second)
                .orElse(null);
        if (open == null) {
            return new SourceObservation(StatusSource.TAX_SOCIAL_INSURANCE, SourceObservation.NOT_EMPLOYED, asOf,
                    null, null, null, null, null, null, null, null);
        }
        return new SourceObservation(StatusSource.TAX_SOCIAL_INSURANCE, SourceObservation.EMPLOYED, asOf,
                (String) open.get("employer_name"), LocalDate.parse((String) open.get("start_date")),
                (String) open.get("employment_type"), (String) open.get("monthly_income"),
                (String) open.get("currency"), null, null, null);
    }

    private static boolean isOpenOn(Map<String, Object> employment, LocalDate day) {
        LocalDate start = LocalDate.parse((String) employment.get("start_date"));
        Object end = employment.get("end_date");
        return !start.isAfter(day) && (end == null || !LocalDate.parse((String) end).isBefore(day));
    }
}
