package org.esphub.hub.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnH2;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.processes.ReferralToPes;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The oversight dashboard in Debian's headless Chromium: after two referrals (one with its intake
 * done), the demo user {@code oversight} logs in on {@code /kpi}; the funnel and a chart per KPI are
 * drawn (Chart.js from the hub's jar), those with a case this month with data, and the table lists
 * every KPI. Leaves {@code target/browser-screenshots/kpi-dashboard.png}.
 */
@HubOnH2
@Tag("browser")
class OversightDashboardBrowserTest {

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ExternalTaskClient workers;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void oversight_logs_in_and_sees_the_funnel_a_chart_per_kpi_and_the_table() {
        HubClient hub = new HubClient(port);
        EngineClock clock = new EngineClock(engine.getManagementService(), workers);
        EligiblePeople people = new EligiblePeople(population, register, jdbc);
        LifecycleDriver done = new LifecycleDriver(hub, new SimulatedAgencies(hub),
                AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        LifecycleDriver open = new LifecycleDriver(hub, new SimulatedAgencies(hub),
                AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        try (HeadlessChromium browser = new HeadlessChromium()) {
            done.referOnQueue(people.next());
            open.referOnQueue(people.next());
            done.assessWorkReady(ReferralToPes.PATHWAY_JOB_SEARCH, "Ready to start");
            done.saNotice(ReferralToPes.OUTCOME_SERVICES_COMMENCED);
            done.tree().awaitPassedThrough(ReferralToPes.ACTIVATION_PLAN_AGREED, 1);
            open.awaitTask(PES_CASEWORKER, ReferralToPes.INTAKE);

            browser.driver().get("http://localhost:" + port + "/kpi");
            browser.until("login-form", d -> d.findElement(By.id("username")).isDisplayed());
            browser.driver().findElement(By.id("username")).sendKeys("oversight");
            browser.driver().findElement(By.id("password")).sendKeys(HubClient.DEMO_PASSWORD);
            browser.click("log-in", By.id("login-submit"));
            browser.until("dashboard-loaded", d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));

            assertThat(Integer.parseInt(browser.driver().findElement(By.id("funnel")).getAttribute("data-points")))
                    .as("funnel stages with referrals").isGreaterThanOrEqualTo(5);
            List<WebElement> charts = browser.driver().findElements(By.cssSelector("canvas[data-kpi]"));
            assertThat(charts).as("a chart per KPI").hasSize(18);
            for (String withCases : List.of("referral_acceptance_rate", "intake_completion_rate",
                    "first_contact_within_5_working_days", "referral_to_first_service_hours", "consent_coverage")) {
                WebElement chart = browser.driver().findElement(By.cssSelector("canvas[data-kpi='" + withCases + "']"));
                assertThat(Integer.parseInt(chart.getAttribute("data-points"))).as(withCases).isPositive();
                assertThat(chart.getSize().getHeight()).as("%s is drawn", withCases).isPositive();
            }
            assertThat(browser.driver().findElements(By.cssSelector("#kpi-table tbody tr"))).hasSize(18);

            browser.driver().manage().window().setSize(new Dimension(1400, 2400));
            Path shot = browser.screenshot("kpi-dashboard");
            System.out.println("browser screenshot: " + shot.toAbsolutePath());
        } finally {
            done.endIfRunning();
            open.endIfRunning();
            clock.reset();
        }
    }
}
