package org.esphub.simulators.tvet;

import java.util.List;
import java.util.Optional;

/**
 * The programmes the simulated providers run: a small fixed catalogue, which the hub reads before a
 * counsellor chooses (the form's options), and one that is always full shows the "no capacity" path.
 * Each programme says whom it is for: the youth ones (an apprenticeship, a bridge back to school) are
 * what a young person's counsellor is offered; a programme for everyone lists both audiences.
 */
public final class ProgrammeCatalogue {

    public static final String AUDIENCE_ADULT = "ADULT";
    public static final String AUDIENCE_YOUTH = "YOUTH";

    private static final List<String> ADULTS = List.of(AUDIENCE_ADULT);
    private static final List<String> YOUTH = List.of(AUDIENCE_YOUTH);
    private static final List<String> EVERYONE = List.of(AUDIENCE_ADULT, AUDIENCE_YOUTH);

    public static final List<TrainingProgramme> PROGRAMMES = List.of(
            new TrainingProgramme("TVET-WELD-01", "Welding fundamentals", "TVET-NORTH", 12, 12, ADULTS),
            new TrainingProgramme("TVET-CARE-02", "Care assistant certificate", "TVET-NORTH", 16, 20, ADULTS),
            new TrainingProgramme("TVET-ICT-03", "IT support technician", "TVET-CITY", 24, 15, EVERYONE),
            new TrainingProgramme("TVET-LOG-04", "Warehouse and logistics", "TVET-CITY", 8, 10, ADULTS),
            new TrainingProgramme("TVET-SOLAR-05", "Solar panel installation (fully booked)", "TVET-CITY", 10, 0, ADULTS),
            new TrainingProgramme("TVET-APPR-06", "Electrician apprenticeship, first year (16-24)", "TVET-NORTH", 40, 12,
                    YOUTH),
            new TrainingProgramme("TVET-BRIDGE-07", "Second-chance bridge back to school (16-24)", "TVET-CITY", 20, 15,
                    YOUTH));

    private ProgrammeCatalogue() {
    }

    public static Optional<TrainingProgramme> find(String programmeId) {
        return PROGRAMMES.stream().filter(programme -> programme.programmeId().equals(programmeId)).findFirst();
    }
}
