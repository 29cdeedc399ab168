package org.esphub.simulators.sa;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SA person registry: full SA records, read by the hub (which minimises them itself). */
@RestController
@RequestMapping("/sim/sa/persons")
@ConditionalOnSimulatorsEnabled
class SaPersonController {

    private final SyntheticPopulation population;

    SaPersonController(SyntheticPopulation population) {
        this.population = population;
    }

    /** All persons, or a page of them with {@code offset} and {@code limit}. */
    @GetMapping
    List<Person> persons(@RequestParam(defaultValue = "0") int offset,
                         @RequestParam(required = false) Integer limit) {
        if (offset < 0 || (limit != null && limit < 0)) {
            throw new InvalidRequestException("request.invalid", "offset and limit must not be negative.");
        }
        List<Person> all = population.all();
        int from = Math.min(offset, all.size());
        int to = limit == null ? all.size() : (int) Math.min((long) from + limit, all.size());
        return all.subList(from, to);
    }

    @GetMapping("/{personId}")
    Person person(@PathVariable String personId) {
        return population.get(personId);
    }
}
