package org.esphub.hub.subsidies;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.esphub.processes.EmploymentSubsidy;
import org.springframework.stereotype.Component;

/**
 * The subsidy programmes the hub runs: the codes the latest deployed {@code subsidy-eligibility}
 * decision names in its programme column. The DMN is where programmes are configured (bands, cut-off,
 * rates), so an employer's application is checked against it rather than against a second list that
 * could drift from it; a programme added to the table is open to applications once deployed.
 */
@Component
public class SubsidyProgrammes {

    /** A quoted code in a rule's input entry, e.g. {@code "SEJ"} or {@code "SEJ","SMT"}. */
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

    private final RepositoryService repository;

    public SubsidyProgrammes(RepositoryService repository) {
        this.repository = repository;
    }

    /** The programme codes the latest decision table knows, sorted; read each time, so a redeployment counts. */
    public Set<String> codes() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(EmploymentSubsidy.DECISION_ELIGIBILITY).latestVersion().singleResult();
        if (latest == null) {
            return Set.of();
        }
        DmnModelInstance model = repository.getDmnModelInstance(latest.getId());
        Set<String> codes = new TreeSet<>();
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Input> inputs = List.copyOf(table.getInputs());
            int column = programmeColumn(inputs);
            if (column < 0) {
                continue;
            }
            for (Rule rule : table.getRules()) {
                List<InputEntry> entries = List.copyOf(rule.getInputEntries());
                collect(entries.get(column).getTextContent(), codes);
            }
        }
        return codes;
    }

    private static int programmeColumn(List<Input> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            if (EmploymentSubsidy.VAR_PROGRAMME_CODE.equals(inputs.get(i).getInputExpression().getTextContent().strip())) {
                return i;
            }
        }
        return -1;
    }

    private static void collect(String entry, Collection<String> codes) {
        String text = entry == null ? "" : entry.strip();
        if (text.startsWith("not(")) {
            // "any programme but these" names no programme of its own
            return;
        }
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
    }
}
