package org.esphub.simulators.tvet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.esphub.simulators.IdempotencyConflictException;
import org.esphub.simulators.InvalidRequestException;
import org.junit.jupiter.api.Test;

class TrainingRegisterTest {

    private static final TrainingProgramme WELDING = ProgrammeCatalogue.find("TVET-WELD-01").orElseThrow();

    private final TrainingRegister register =
            new TrainingRegister(Clock.fixed(Instant.parse("2026-03-02T09:15:00Z"), ZoneOffset.UTC));

    @Test
    void a_reservation_holds_a_seat_under_a_new_slot_id() {
        TrainingRegister.Outcome outcome = register.reserve(reserve("REF-1", "TVET-WELD-01"), "REF-1:ReserveSlot:a1", "corr-1");

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.place().slotId()).isEqualTo("SLOT-000001");
        assertThat(outcome.place().status()).isEqualTo(Reservation.HELD);
        assertThat(outcome.place().heldUntil()).isEqualTo("2026-03-09T09:15:00Z");
        assertThat(outcome.place().correlationId()).isEqualTo("corr-1");
        assertThat(register.seatsLeft(WELDING)).isEqualTo(WELDING.capacity() - 1);
    }

    @Test
    void a_repeated_reservation_gets_the_same_place_by_key_or_without_one_by_referral_and_programme() {
        Reservation first = register.reserve(reserve("REF-1", "TVET-WELD-01"), "k-1", null).place();

        TrainingRegister.Outcome byKey = register.reserve(reserve("REF-1", "TVET-WELD-01"), "k-1", null);
        TrainingRegister.Outcome byReference = register.reserve(reserve("REF-1", "TVET-WELD-01"), null, null);

        assertThat(byKey.created()).isFalse();
        assertThat(byKey.place().slotId()).isEqualTo(first.slotId());
        assertThat(byReference.created()).isFalse();
        assertThat(byReference.place().slotId()).isEqualTo(first.slotId());
        assertThat(register.seatsLeft(WELDING)).isEqualTo(WELDING.capacity() - 1);
    }

    @Test
    void a_key_used_for_another_reservation_is_a_conflict() {
        register.reserve(reserve("REF-1", "TVET-WELD-01"), "k-1", null);

        assertThatThrownBy(() -> register.reserve(reserve("REF-1", "TVET-CARE-02"), "k-1", null))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void a_full_programme_or_one_the_provider_does_not_run_has_no_place() {
        assertThatThrownBy(() -> register.reserve(reserve("REF-1", "TVET-SOLAR-05"), null, null))
                .isInstanceOf(ProgrammeFullException.class).hasMessageContaining("no seat left");
        assertThatThrownBy(() -> register.reserve(reserve("REF-1", "TVET-NOPE-99"), null, null))
                .isInstanceOf(UnknownProgrammeException.class);
        TvetRequest wrongProvider = new TvetRequest("REF-1", "10000000001", "TVET-CITY", "TVET-WELD-01", "2026-04-06",
                null, null, null);
        assertThatThrownBy(() -> register.reserve(wrongProvider, null, null)).isInstanceOf(UnknownProgrammeException.class);
    }

    @Test
    void the_last_seat_goes_once_even_when_many_ask_at_the_same_time() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Boolean>> attempts = IntStream.range(0, WELDING.capacity() + 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            register.reserve(reserve("REF-" + i, "TVET-WELD-01"), "key-" + i, null);
                            return true;
                        } catch (ProgrammeFullException full) {
                            return false;
                        }
                    }, pool))
                    .toList();
            long held = attempts.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();

            assertThat(held).isEqualTo(WELDING.capacity());
            assertThat(register.seatsLeft(WELDING)).isZero();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_released_place_frees_its_seat_and_releasing_again_changes_nothing() {
        Reservation held = register.reserve(reserve("REF-1", "TVET-WELD-01"), null, null).place();

        Reservation released = register.release(held.slotId(), request("REF-1", "BENEFIT_REFUSED"), "r-1").place();
        TrainingRegister.Outcome again = register.release(held.slotId(), request("REF-1", "BENEFIT_REFUSED"), "r-1");

        assertThat(released.status()).isEqualTo(Reservation.RELEASED);
        assertThat(released.reason()).isEqualTo("BENEFIT_REFUSED");
        assertThat(again.created()).isFalse();
        assertThat(register.seatsLeft(WELDING)).isEqualTo(WELDING.capacity());
    }

    @Test
    void a_confirmed_place_is_an_enrolment_and_a_repeated_confirmation_answers_with_it() {
        Reservation held = register.reserve(reserve("REF-1", "TVET-WELD-01"), null, null).place();

        TrainingRegister.Outcome confirmed = register.confirm(held.slotId(), request("REF-1", null), "c-1");
        TrainingRegister.Outcome repeated = register.confirm(held.slotId(), request("REF-1", null), null);

        assertThat(confirmed.created()).isTrue();
        assertThat(confirmed.place().status()).isEqualTo(Reservation.ENROLLED);
        assertThat(confirmed.place().enrolmentId()).isEqualTo("ENR-000001");
        assertThat(repeated.created()).isFalse();
        assertThat(repeated.place().enrolmentId()).isEqualTo("ENR-000001");
    }

    @Test
    void a_released_place_cannot_be_confirmed_and_an_enrolment_cannot_be_released() {
        Reservation released = register.reserve(reserve("REF-1", "TVET-WELD-01"), null, null).place();
        register.release(released.slotId(), request("REF-1", "SLOT_HOLD_EXPIRED"), null);
        Reservation enrolled = register.reserve(reserve("REF-2", "TVET-WELD-01"), null, null).place();
        register.confirm(enrolled.slotId(), request("REF-2", null), null);

        assertThatThrownBy(() -> register.confirm(released.slotId(), request("REF-1", null), null))
                .isInstanceOf(PlaceConflictException.class).hasMessageContaining("RELEASED");
        assertThatThrownBy(() -> register.release(enrolled.slotId(), request("REF-2", null), null))
                .isInstanceOf(PlaceConflictException.class).hasMessageContaining("ENROLLED");
        assertThatThrownBy(() -> register.confirm("SLOT-999999", request("REF-1", null), null))
                .isInstanceOf(PlaceNotFoundException.class);
        assertThatThrownBy(() -> register.confirm(enrolled.slotId(), request("REF-1", null), null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("another referral");
    }

    @Test
    void a_withdrawal_finds_the_enrolment_by_its_id_or_by_referral_and_programme_and_frees_the_seat() {
        Reservation first = register.reserve(reserve("REF-1", "TVET-WELD-01"), null, null).place();
        String enrolmentId = register.confirm(first.slotId(), request("REF-1", null), null).place().enrolmentId();
        Reservation second = register.reserve(reserve("REF-2", "TVET-WELD-01"), null, null).place();
        register.confirm(second.slotId(), request("REF-2", null), null);

        Reservation byId = register.withdraw(new TvetRequest("REF-1", null, null, "TVET-WELD-01", null, null, enrolmentId,
                "ENDED_AFTER_ATTENDANCE_WARNING"), null).place();
        Reservation byReference = register.withdraw(new TvetRequest("REF-2", null, null, "TVET-WELD-01", null, null, null,
                "ENDED_AFTER_ATTENDANCE_WARNING"), null).place();

        assertThat(byId.slotId()).isEqualTo(first.slotId());
        assertThat(byId.status()).isEqualTo(Reservation.WITHDRAWN);
        assertThat(byReference.slotId()).isEqualTo(second.slotId());
        assertThat(register.seatsLeft(WELDING)).isEqualTo(WELDING.capacity());
        assertThat(register.withdraw(new TvetRequest("REF-2", null, null, "TVET-WELD-01", null, null, null, null), null)
                .created()).isFalse();
    }

    @Test
    void provider_events_concern_the_enrolment_in_progress_and_an_ended_one_stays_ended() {
        Reservation held = register.reserve(reserve("REF-1", "TVET-WELD-01"), null, null).place();
        assertThatThrownBy(() -> register.enrolmentInProgress("REF-1")).isInstanceOf(PlaceConflictException.class);
        register.confirm(held.slotId(), request("REF-1", null), null);

        assertThat(register.enrolmentInProgress("REF-1").slotId()).isEqualTo(held.slotId());
        assertThat(register.finish(held.slotId(), Reservation.COMPLETED, null).status()).isEqualTo(Reservation.COMPLETED);
        assertThat(register.finish(held.slotId(), Reservation.DROPPED_OUT, "moved").status()).isEqualTo(Reservation.COMPLETED);
        assertThatThrownBy(() -> register.enrolmentInProgress("REF-1")).isInstanceOf(PlaceConflictException.class);
        assertThatThrownBy(() -> register.enrolmentInProgress("REF-9")).isInstanceOf(PlaceNotFoundException.class);
    }

    @Test
    void a_reservation_needs_referral_person_programme_and_an_iso_start_date() {
        assertThatThrownBy(() -> register.reserve(new TvetRequest(null, "1", null, "TVET-WELD-01", "2026-04-06", null,
                null, null), null, null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("reference_id");
        assertThatThrownBy(() -> register.reserve(new TvetRequest("REF-1", "1", null, "TVET-WELD-01", "6 April", null,
                null, null), null, null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("start_date");
    }

    private static TvetRequest reserve(String referenceId, String programmeId) {
        return new TvetRequest(referenceId, "10000000001", null, programmeId, "2026-04-06", "2026-03-09T09:15:00Z",
                null, null);
    }

    private static TvetRequest request(String referenceId, String reason) {
        return new TvetRequest(referenceId, "10000000001", null, null, null, null, null, reason);
    }
}
