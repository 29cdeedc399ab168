package org.esphub.processes;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads a field of the entry a form's select chose from a catalogue variable, e.g.
 * {@code ${catalogueChoice.text(execution, 'vacancyCatalogue', 'vacancyId', 'employerName')}}: the
 * catalogues are Json variables keyed by the option's value, filled by a lookup before the task
 * (ADR 0027). Every field is null when nothing was chosen, the choice is not in the catalogue or
 * the entry lacks the field, because the output mappings that use it also run when an instance is
 * deleted with nothing chosen. Plain class: the hub registers it as the bean {@code catalogueChoice};
 * process tests register it with {@code Mocks}.
 */
public class CatalogueChoice {

    /** Bean name in the models' expressions. */
    public static final String BEAN_NAME = "catalogueChoice";

    /** The field as text, or null. */
    public String text(VariableScope scope, String catalogueVariable, String choiceVariable, String field) {
        SpinJsonNode value = field(scope, catalogueVariable, choiceVariable, field);
        return value == null || !value.isString() ? null : value.stringValue();
    }

    /** The field as the number the catalogue holds (an integer stays one), or null. */
    public Number number(VariableScope scope, String catalogueVariable, String choiceVariable, String field) {
        SpinJsonNode value = field(scope, catalogueVariable, choiceVariable, field);
        return value == null || !value.isNumber() ? null : value.numberValue();
    }

    /** The field as a whole number (a count of weeks, months), or null. */
    public Long wholeNumber(VariableScope scope, String catalogueVariable, String choiceVariable, String field) {
        Number number = number(scope, catalogueVariable, choiceVariable, field);
        return number == null ? null : number.longValue();
    }

    private static SpinJsonNode field(VariableScope scope, String catalogueVariable, String choiceVariable,
            String field) {
        Object choice = scope.getVariable(choiceVariable);
        Object catalogue = scope.getVariable(catalogueVariable);
        if (!(choice instanceof String chosen) || !(catalogue instanceof SpinJsonNode entries)
                || !entries.hasProp(chosen)) {
            return null;
        }
        SpinJsonNode entry = entries.prop(chosen);
        return entry.isObject() && entry.hasProp(field) ? entry.prop(field) : null;
    }
}
