package org.esphub.simulators.pes;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What PES received since the simulator started, for failure tests that must tell a harmless
 * repeat (the hub retried a registration and got the same case back) from a real duplicate (a
 * second case for one referral).
 *
 * @param requests                     registration requests that passed validation (repeats included)
 * @param cases                        cases opened
 * @param repeatedRequests             requests answered with a case opened before ({@code requests - cases})
 * @param referencesRequestedMoreThanOnce referrals whose registration arrived more than once
 * @param referencesWithSeveralCases   referrals for which more than one case was opened: real duplicates
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegistrationCounts(long requests, long cases, long repeatedRequests,
        long referencesRequestedMoreThanOnce, long referencesWithSeveralCases) {
}
