package org.esphub.simulators.tvet;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A TVET training provider's API: the catalogue, and places from the hold to the withdrawal. */
@RestController
@RequestMapping("/sim/tvet")
@ConditionalOnSimulatorsEnabled
class TvetProviderController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final TrainingRegister register;

    TvetProviderController(TrainingRegister register) {
        this.register = register;
    }

    @GetMapping("/programmes")
    List<ProgrammeSeats> programmes() {
        return ProgrammeCatalogue.PROGRAMMES.stream()
                .map(programme -> ProgrammeSeats.of(programme, register.seatsLeft(programme)))
                .toList();
    }

    /** 201 for a new hold, 200 with the same place for a repeat; 409 {@code programme.full}, 404 {@code programme.unknown}. */
    @PostMapping("/reservations")
    ResponseEntity<Reservation> reserve(@RequestBody TvetRequest request,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                        @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        return answer(register.reserve(request, idempotencyKey, correlationId));
    }

    @GetMapping("/reservations")
    List<Reservation> reservations(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return register.all(referenceId);
    }

    @GetMapping("/reservations/{slotId}")
    Reservation reservation(@PathVariable String slotId) {
        return register.find(slotId).orElseThrow(() ->
                new PlaceNotFoundException("reservation.unknown", "No place " + slotId + " is held."));
    }

    /** 201 with the enrolment id, 200 for a repeat; 409 when the place was released. */
    @PostMapping("/reservations/{slotId}/enrolment")
    ResponseEntity<Reservation> confirm(@PathVariable String slotId, @RequestBody TvetRequest request,
                                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return answer(register.confirm(slotId, request, idempotencyKey));
    }

    /** 200, also for a repeat; 409 when the place became an enrolment (withdraw it instead). */
    @PostMapping("/reservations/{slotId}/release")
    Reservation release(@PathVariable String slotId, @RequestBody TvetRequest request,
                        @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return register.release(slotId, request, idempotencyKey).place();
    }

    /** 200, also for a repeat; 404 {@code enrolment.unknown}, 409 when the training already ended. */
    @PostMapping("/withdrawals")
    Reservation withdraw(@RequestBody TvetRequest request,
                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return register.withdraw(request, idempotencyKey).place();
    }

    private static ResponseEntity<Reservation> answer(TrainingRegister.Outcome outcome) {
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.place());
    }
}
