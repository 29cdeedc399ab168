package org.esphub.simulators.pes;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** PES's job board: the open vacancies a counsellor matches a jobseeker to. */
@RestController
@ConditionalOnSimulatorsEnabled
class PesVacancyController {

    @GetMapping("/sim/pes/vacancies")
    List<Vacancy> openVacancies() {
        return VacancyBoard.OPEN;
    }
}
