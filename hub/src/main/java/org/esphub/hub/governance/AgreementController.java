package org.esphub.hub.governance;

import java.util.List;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.tracker.AgreementSummary;
import org.esphub.governance.tracker.FieldCategories;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data-sharing agreements the hub enforces, as loaded from {@code agreements/}: for anyone
 * logged in (people and agency systems), since what the hub may share, with whom and why is
 * what every party needs to know.
 */
@RestController
@RequestMapping(path = "/api/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
public class AgreementController {

    private final AgreementCatalogue agreements;
    private final FieldCategories categories;

    public AgreementController(AgreementCatalogue agreements, FieldCategories categories) {
        this.agreements = agreements;
        this.categories = categories;
    }

    @GetMapping
    public List<DataSharingAgreement> all() {
        return agreements.all();
    }

    @GetMapping("/{id}")
    public DataSharingAgreement one(@PathVariable String id) {
        return agreements.byId(id).orElseThrow(() -> new NoSuchAgreement(id));
    }

    /**
     * The agreement in plain language for an agency's enrolment notice (right to information): purposes, data
     * categories, receivers, retention, and each version with its date and change.
     */
    @GetMapping("/{id}/summary")
    public AgreementSummary summary(@PathVariable String id) {
        return AgreementSummary.of(one(id), categories);
    }

    /** No agreement has the id; answered 404. */
    static class NoSuchAgreement extends RuntimeException {

        NoSuchAgreement(String id) {
            super("no data-sharing agreement with id '" + id + "'");
        }
    }
}
