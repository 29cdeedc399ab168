package org.esphub.processes.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The plain words of the DMN rules, read from the tables the engine runs: each rule's annotation
 * (its {@code description}) and the labels of the table's inputs. The annotations are the one
 * place a rule is explained, so a notice cannot say something other than the rule.
 */
public final class DecisionRules {

    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    /** One table: the labels of its inputs and its rules. */
    public record Table(String key, List<String> inputLabels, List<Rule> rules) {

        /** The rule with this id, or, for a table whose rules are told apart by their output, the one giving it. */
        public Optional<Rule> rule(String idOrOutput) {
            return rules.stream().filter(rule -> rule.id().equals(idOrOutput)).findFirst()
                    .or(() -> rules.stream().filter(rule -> rule.outputs().contains(idOrOutput)).findFirst());
        }
    }

    /** One rule: its id, annotation and the literal outputs it gives (quotes removed). */
    public record Rule(String id, String text, List<String> outputs) {
    }

    private final Map<String, Table> tables = new HashMap<>();

    /** Reads the named tables ({@code processes/<key>.dmn}, where the processes module packs them). */
    public static DecisionRules load(List<String> keys) {
        DecisionRules rules = new DecisionRules();
        for (String key : keys) {
            rules.tables.put(key, read(key));
        }
        return rules;
    }

    /** The tables the notices of automated proposals name. */
    public static DecisionRules ofNotices() {
        return load(DecisionNotices.ALL.stream().map(DecisionNotice::decisionTable)
                .filter(java.util.Objects::nonNull).distinct().toList());
    }

    public Optional<Table> table(String key) {
        return Optional.ofNullable(tables.get(key));
    }

    private static Table read(String key) {
        try (InputStream in = DecisionRules.class.getResourceAsStream("/processes/" + key + ".dmn")) {
            if (in == null) {
                throw new IllegalStateException("decision table " + key + ".dmn is not on the classpath");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(in);
            List<String> inputs = new ArrayList<>();
            NodeList inputNodes = document.getElementsByTagNameNS(DMN, "input");
            for (int i = 0; i < inputNodes.getLength(); i++) {
                inputs.add(((Element) inputNodes.item(i)).getAttribute("label"));
            }
            List<Rule> rules = new ArrayList<>();
            NodeList ruleNodes = document.getElementsByTagNameNS(DMN, "rule");
            for (int i = 0; i < ruleNodes.getLength(); i++) {
                Element rule = (Element) ruleNodes.item(i);
                rules.add(new Rule(rule.getAttribute("id"), childText(rule, "description"), outputs(rule)));
            }
            return new Table(key, List.copyOf(inputs), List.copyOf(rules));
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("decision table " + key + ".dmn cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<String> outputs(Element rule) {
        List<String> outputs = new ArrayList<>();
        NodeList entries = rule.getElementsByTagNameNS(DMN, "outputEntry");
        for (int i = 0; i < entries.getLength(); i++) {
            outputs.add(childText((Element) entries.item(i), "text").replace("\"", "").trim());
        }
        return outputs;
    }

    private static String childText(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(DMN, name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
