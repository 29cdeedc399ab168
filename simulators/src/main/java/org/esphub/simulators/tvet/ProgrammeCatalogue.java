package org.esphub.simulators.tvet;

import java.util.List;
import java.util.Optional;

/**
 * The programmes the simulated providers run: a small fixed catalogue, which the hub reads before a
 * counsellor chooses (the form's options), and one that is always full shows the "no capacity" path.
 */
public final class ProgrammeCatalogue {

    public static final List<TrainingProgramme> PROGRAMMES = List.of(
            new TrainingProgramme("TVET-WELD-01", "Welding fundamentals", "TVET-NORTH", 12, 12),
            new TrainingProgramme("TVET-CARE-02", "Care assistant certificate", "TVET-NORTH", 16, 20),
            new TrainingProgramme("TVET-ICT-03", "IT support technician", "TVET-CITY", 24, 15),
            new TrainingProgramme("TVET-LOG-04", "Warehouse and logistics", "TVET-CITY", 8, 10),
            new TrainingProgramme("TVET-SOLAR-05", "Solar panel installation (fully booked)", "TVET-CITY", 10, 0));

    private ProgrammeCatalogue() {
    }

    public static Optional<TrainingProgramme> find(String programmeId) {
        return PROGRAMMES.stream().filter(programme -> programme.programmeId().equals(programmeId)).findFirst();
    }
}
