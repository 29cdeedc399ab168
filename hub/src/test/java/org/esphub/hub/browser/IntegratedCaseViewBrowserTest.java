package org.esphub.hub.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnH2;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.processes.IntegratedCase;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The integrated case view as caseworkers use it, in a real browser on the demo hub: for a person whose
 * referral opened a case and whose joint plan both agencies agreed, an SA caseworker and a PES
 * caseworker, each logged in to Tasklist, open {@code /cases/<person>} and see the plan and both
 * agencies' tasks; the SA caseworker does not see PES's case notes, the PES caseworker does. Screenshots
 * in {@code target/browser-screenshots/}.
 */
@HubOnH2
@Tag("browser")
class IntegratedCaseViewBrowserTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String GOAL = "Work in logistics with childcare arranged";
    private static final String PES_NOTES = "Low confidence after a long absence; motivated.";

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void sa_and_pes_caseworkers_see_the_joint_plan_and_both_agencies_tasks_and_only_pes_sees_its_notes() {
        String person = new EligiblePeople(population, register, jdbc).next();
        aCaseWithAnAgreedPlan(person);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            new CamundaWebapp(browser, url("/camunda/app/tasklist/default/")).logIn("sa-worker", HubClient.DEMO_PASSWORD);
            caseViewShowsPlanAndBothAgencies(browser, person, "SA");
            assertThat(browser.driver().findElement(By.id("plan-pes-notes")).isDisplayed())
                    .as("the SA caseworker does not see PES's case notes").isFalse();
            assertThat(browser.driver().getPageSource()).doesNotContain(PES_NOTES);
            Path sa = browser.screenshot("case-view-sa-caseworker");
            System.out.println("browser screenshot: " + sa.toAbsolutePath());
        }
        try (HeadlessChromium browser = new HeadlessChromium()) {
            new CamundaWebapp(browser, url("/camunda/app/tasklist/default/")).logIn("pes-worker", HubClient.DEMO_PASSWORD);
            caseViewShowsPlanAndBothAgencies(browser, person, "PES");
            assertThat(browser.driver().findElement(By.id("plan-pes-notes")).getText()).isEqualTo(PES_NOTES);
            Path pes = browser.screenshot("case-view-pes-caseworker");
            System.out.println("browser screenshot: " + pes.toAbsolutePath());
        }
    }

    private void caseViewShowsPlanAndBothAgencies(HeadlessChromium browser, String person, String agency) {
        browser.driver().get(url("/cases/" + person));
        browser.until("case-shown", driver -> driver.findElement(By.id("case")).isDisplayed() ? true : null);
        assertThat(browser.driver().findElement(By.id("case-reference")).getText())
                .isEqualTo(IntegratedCase.REFERENCE_PREFIX + person);
        assertThat(browser.driver().findElement(By.id("viewer-agency")).getText()).isEqualTo(agency);
        assertThat(browser.driver().findElement(By.id("plan-version")).getText()).isEqualTo("version 1");
        assertThat(browser.driver().findElement(By.id("plan-goal")).getText()).isEqualTo(GOAL);
        List<String> agencies = browser.driver().findElements(By.cssSelector("#open-tasks tr")).stream()
                .map(row -> row.getAttribute("data-agency")).toList();
        assertThat(agencies).contains("SA", "PES");
        List<String> tasks = browser.driver().findElements(By.cssSelector("#open-tasks tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(tasks).contains("Carry out SA's action of the joint plan", "Carry out PES's action of the joint plan");
    }

    /** SA refers the person; PES proposes the joint plan and SA agrees to it, as in Tasklist. */
    private void aCaseWithAnAgreedPlan(String person) {
        HubClient hub = new HubClient(port);
        Referral referral = Referrals.forPerson(person);
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send("esp.referrals.in",
                session -> session.createTextMessage(referral.json()));
        String caseReference = IntegratedCase.REFERENCE_PREFIX + person;
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(14).toString();
        assertThat(hub.completeTask("pes-worker", awaitTask(hub, "pes-worker", caseReference, IntegratedCase.PROPOSE_PLAN),
                Map.of(IntegratedCase.VAR_PLAN_GOAL, GOAL, IntegratedCase.VAR_SA_ACTION, "Check the childcare allowance",
                        IntegratedCase.VAR_SA_ACTION_DUE_DATE, due, IntegratedCase.VAR_PES_ACTION, "Arrange two interviews",
                        IntegratedCase.VAR_PES_ACTION_DUE_DATE, due, IntegratedCase.VAR_PES_CASE_NOTES, PES_NOTES)))
                .isEqualTo(204);
        assertThat(hub.completeTask("sa-worker", awaitTask(hub, "sa-worker", caseReference, IntegratedCase.AGREE_PLAN),
                Map.of(IntegratedCase.VAR_SA_PLAN_DECISION, IntegratedCase.PLAN_AGREE))).isEqualTo(204);
        awaitTask(hub, "sa-worker", caseReference, IntegratedCase.SA_ACTION);
    }

    private static String awaitTask(HubClient hub, String user, String caseReference, String taskDefinitionKey) {
        return await().atMost(FLOW_TIMEOUT).until(() -> {
            for (JsonNode task : hub.tasksOf(user, caseReference)) {
                if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                    return task.path("id").asText();
                }
            }
            return null;
        }, Objects::nonNull);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
