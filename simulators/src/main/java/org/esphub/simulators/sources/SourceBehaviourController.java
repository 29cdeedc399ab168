package org.esphub.simulators.sources;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets how PES, the tax authority or the employers answer about one person: down, stale, or (PES,
 * employers) disagreeing with the insured-employment record. For the demo and the tests only.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class SourceBehaviourController {

    private static final String PATH = "/sim/{source}/persons/{personId}/behaviour";

    private final SourceBehaviours behaviours;

    SourceBehaviourController(SourceBehaviours behaviours) {
        this.behaviours = behaviours;
    }

    @GetMapping(PATH)
    SourceBehaviour get(@PathVariable String source, @PathVariable String personId) {
        return behaviours.of(source, personId);
    }

    @PutMapping(PATH)
    SourceBehaviour set(@PathVariable String source, @PathVariable String personId,
            @RequestBody SourceBehaviour behaviour) {
        behaviours.set(source, personId, behaviour);
        return behaviour;
    }

    @DeleteMapping(PATH)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@PathVariable String source, @PathVariable String personId) {
        behaviours.reset(source, personId);
    }
}
