package org.esphub.governance.agreements;

import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.esphub.governance.audit.AuditAction;

/**
 * What makes one agreement enforceable. Each problem names its place in the file, so the
 * author can fix it without reading code.
 */
final class AgreementRules {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final Pattern PURPOSE_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern EXCHANGE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern FIELD_PATH = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    /** Releases the whole payload; see {@link AgreementExchange#fields()}. */
    static final String ALL_FIELDS = "*";

    private AgreementRules() {
    }

    static List<String> check(DataSharingAgreement agreement) {
        List<String> problems = new ArrayList<>();
        require(problems, agreement.id() != null && ID.matcher(agreement.id()).matches(),
                "id: required, lower case letters, digits, '.' and '-'");
        require(problems, present(agreement.version()), "version: required");
        require(problems, present(agreement.title()), "title: required");
        require(problems, agreement.legalBasis() != null && present(agreement.legalBasis().reference()),
                "legal_basis.reference: required (the law or agreement that allows the exchanges)");
        require(problems, agreement.validFrom() == null || agreement.validUntil() == null
                || !agreement.validUntil().isBefore(agreement.validFrom()), "valid_until: before valid_from");
        require(problems, positive(agreement.retention()),
                "retention: required, a positive ISO-8601 period such as P5Y");
        require(problems, agreement.consent() == null || positive(agreement.consent().validity()),
                "consent.validity: a positive ISO-8601 period such as P1Y");

        Set<String> parties = checkParties(agreement, problems);
        Set<String> purposes = checkPurposes(agreement, problems);
        for (int i = 0; i < agreement.processes().size(); i++) {
            require(problems, present(agreement.processes().get(i)), "processes[" + i + "]: empty");
        }
        checkExchanges(agreement, parties, purposes, problems);
        checkChanges(agreement, problems);
        return problems;
    }

    /** Each version names its date and change; the last one listed is the agreement's own version. */
    private static void checkChanges(DataSharingAgreement agreement, List<String> problems) {
        List<AgreementChange> changes = agreement.changes();
        for (int i = 0; i < changes.size(); i++) {
            AgreementChange change = changes.get(i);
            require(problems, change != null && present(change.version()) && change.date() != null
                    && present(change.change()), "changes[" + i + "]: version, date and change are required");
        }
        require(problems, changes.isEmpty() || changes.get(changes.size() - 1) == null
                || agreement.version() == null || agreement.version().equals(changes.get(changes.size() - 1).version()),
                "changes: the last change must be of version " + agreement.version());
    }

    private static Set<String> checkParties(DataSharingAgreement agreement, List<String> problems) {
        Set<String> ids = new HashSet<>();
        require(problems, agreement.parties().size() >= 2, "parties: at least two");
        for (int i = 0; i < agreement.parties().size(); i++) {
            Party party = agreement.parties().get(i);
            String at = "parties[" + i + "]";
            if (party == null || !present(party.id())) {
                problems.add(at + ".id: required");
                continue;
            }
            require(problems, present(party.name()), at + ".name: required");
            require(problems, ids.add(party.id()), at + ".id: '" + party.id() + "' is listed twice");
        }
        return ids;
    }

    private static Set<String> checkPurposes(DataSharingAgreement agreement, List<String> problems) {
        Set<String> codes = new HashSet<>();
        require(problems, !agreement.purposes().isEmpty(), "purposes: at least one");
        for (int i = 0; i < agreement.purposes().size(); i++) {
            Purpose purpose = agreement.purposes().get(i);
            String at = "purposes[" + i + "]";
            if (purpose == null || purpose.code() == null || !PURPOSE_CODE.matcher(purpose.code()).matches()) {
                problems.add(at + ".code: required, upper case letters, digits and '_'");
                continue;
            }
            require(problems, present(purpose.description()), at + ".description: required");
            require(problems, codes.add(purpose.code()), at + ".code: '" + purpose.code() + "' is listed twice");
        }
        return codes;
    }

    private static void checkExchanges(DataSharingAgreement agreement, Set<String> parties, Set<String> purposes,
            List<String> problems) {
        require(problems, !agreement.exchanges().isEmpty(), "exchanges: at least one");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < agreement.exchanges().size(); i++) {
            AgreementExchange exchange = agreement.exchanges().get(i);
            String at = "exchanges[" + i + "]";
            if (exchange == null || exchange.name() == null || !EXCHANGE_NAME.matcher(exchange.name()).matches()) {
                problems.add(at + ".name: required, the route id, webhook.<event> or api.<operation>");
                continue;
            }
            at = at + " (" + exchange.name() + ")";
            require(problems, names.add(exchange.name()), at + ": listed twice; give it several purposes instead");
            require(problems, exchange.channel() != null, at + ".channel: required, one of HTTP, JMS, WEBHOOK, API");
            require(problems, exchange.receiver() != null && parties.contains(exchange.receiver()),
                    at + ".receiver: must be one of the parties " + parties);
            require(problems, exchange.action() != null,
                    at + ".action: required, one of CREATE, READ, UPDATE, DELETE, SEARCH");
            require(problems, present(exchange.resourceType()), at + ".resource_type: required");
            require(problems, exchange.consentRequired() != null, at + ".consent_required: required, true or false");
            require(problems, !exchange.purposes().isEmpty(), at + ".purposes: at least one");
            for (String purpose : exchange.purposes()) {
                require(problems, purposes.contains(purpose),
                        at + ".purposes: '" + purpose + "' is not one of the agreement's purposes " + purposes);
            }
            // a read of what an agency offers everyone (a programme catalogue, a job board) sends nothing
            // about anyone: it names what it keeps of the answer instead
            boolean sendsNothing = exchange.action() == AuditAction.READ && !exchange.responseFields().isEmpty();
            require(problems, !exchange.fields().isEmpty() || sendsNothing,
                    at + ".fields: at least one (a READ that sends nothing lists its response_fields instead)");
            checkFields(exchange.fields(), at + ".fields", problems);
            checkFields(exchange.responseFields(), at + ".response_fields", problems);
            // the partner is read from what leaves: a field the gate removed could name nobody
            require(problems, exchange.partnerField() == null || exchange.fields().contains(exchange.partnerField()),
                    at + ".partner_field: '" + exchange.partnerField() + "' must be one of the exchange's fields");
        }
    }

    private static void checkFields(List<String> fields, String at, List<String> problems) {
        for (String field : fields) {
            boolean valid = field != null && (FIELD_PATH.matcher(field).matches() || ALL_FIELDS.equals(field));
            require(problems, valid, at + ": '" + field + "' is not a field path such as birth_date or"
                    + " employment_details.employer_name");
        }
        if (fields.contains(ALL_FIELDS) && fields.size() > 1) {
            problems.add(at + ": '*' releases everything; list it alone or list the fields");
        }
    }

    private static boolean positive(Period period) {
        return period != null && !period.isNegative() && !period.isZero();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static void require(List<String> problems, boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }
}
