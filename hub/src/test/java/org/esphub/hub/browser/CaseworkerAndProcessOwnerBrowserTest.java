package org.esphub.hub.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The webapps as people use them, in a real browser on the demo hub: a PES caseworker finds a
 * referral in the inbox by the person's name, works the intake form and sees the referral's next
 * task; a process owner reads a running referral's variables in Cockpit but is refused when
 * changing one, where an administrator is not. Each test leaves a screenshot in
 * {@code target/browser-screenshots/}.
 */
// a hub of its own, not the shared one: Tasklist shows the first page of the caseworkers' inbox, which must
// not be filled with the open tasks of other classes' referrals
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
@Tag("browser")
class CaseworkerAndProcessOwnerBrowserTest {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String REFERRALS = "esp.referrals.in";

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private TaskService taskService;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private JdbcTemplate jdbc;

    private EligiblePeople eligible;

    @BeforeEach
    void people() {
        eligible = new EligiblePeople(population, register, jdbc);
    }

    @Test
    void a_pes_caseworker_finds_the_referral_by_name_works_the_intake_form_and_sees_the_next_task() {
        Referral referral = Referrals.forPerson(eligible.next());
        Task intake = sendAndAwait(referral, ReferralToPes.INTAKE);
        String givenName = (String) runtimeService.getVariable(intake.getProcessInstanceId(), ReferralToPes.VAR_GIVEN_NAME);
        String familyName = (String) runtimeService.getVariable(intake.getProcessInstanceId(), ReferralToPes.VAR_FAMILY_NAME);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            new CamundaWebapp(browser, url("/camunda/app/tasklist/default/")).logIn("pes-worker", HubClient.DEMO_PASSWORD);
            // the row shows whom and when due; the reference is in its details (Show more)
            WebElement row = browser.until("inbox-row", driver -> inboxRow(driver, intake.getName(), givenName, familyName));
            assertThat(row.findElement(By.cssSelector(".due-date")).getText()).as("the row says when the intake is due")
                    .startsWith("Due");
            String rowOfReferral = "//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][contains(., '"
                    + referral.referenceId() + "')]";
            browser.click("show-more", By.xpath(rowOfReferral + "//div[contains(@class,'shutter')]"));
            browser.until("inbox-row-reference", driver ->
                    inboxRow(driver, intake.getName(), givenName, familyName, referral.referenceId()));
            Path inbox = browser.screenshot("tasklist-inbox-pes-caseworker");
            System.out.println("browser screenshot: " + inbox.toAbsolutePath());

            browser.click("open-task", By.xpath(rowOfReferral + "//h4[contains(@class,'task')]/a"));
            browser.click("claim", By.cssSelector("button.claim"));
            browser.click("work-ready", By.cssSelector("input[type='checkbox'][id$='-Field_WorkReady']"));
            browser.click("pathway", By.xpath(
                    "//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Job search and training']"));
            browser.click("complete", By.cssSelector("button[ng-click='complete()']"));
            // Tasklist itself says nothing; the hub's notice confirms the completion by the task's name
            String notice = browser.until("completion-notice", driver -> driver
                    .findElements(By.cssSelector("#esp-completion-notice.esp-visible")).stream()
                    .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
            assertThat(notice).isEqualTo("Task completed: " + intake.getName());

            // work-ready with training in the plan: the referral goes on to the choice of a programme
            Task next = await().atMost(FLOW_TIMEOUT).until(() -> taskService.createTaskQuery()
                    .processInstanceBusinessKey(referral.referenceId())
                    .taskDefinitionKey(TrainingEnrolment.CHOOSE_PROGRAMME).singleResult(), Objects::nonNull);
            browser.until("next-task-row", driver -> inboxRow(driver, next.getName(), givenName, familyName));
            browser.until("intake-gone", driver -> inboxRow(driver, intake.getName(), givenName, familyName) == null);
        }
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(intake.getId()).singleResult()
                .getDeleteReason()).isEqualTo("completed");
    }

    @Test
    void a_process_owner_reads_a_referrals_variables_in_cockpit_but_cannot_change_them_and_an_admin_can() {
        Referral referral = Referrals.forPerson(eligible.next());
        String instance = sendAndAwait(referral, ReferralToPes.INTAKE).getProcessInstanceId();
        String givenName = (String) runtimeService.getVariable(instance, ReferralToPes.VAR_GIVEN_NAME);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            WebElement row = variableRow(browser, "process-owner", instance, givenName);
            editValue(browser, row, "Mallory");
            WebElement refusal = browser.until("refusal",
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
            assertThat(refusal.getText()).isNotBlank();
            Path refused = browser.screenshot("cockpit-variable-refused-process-owner");
            System.out.println("browser screenshot: " + refused.toAbsolutePath());
        }
        assertThat(runtimeService.getVariable(instance, ReferralToPes.VAR_GIVEN_NAME)).isEqualTo(givenName);

        try (HeadlessChromium browser = new HeadlessChromium()) {
            WebElement row = variableRow(browser, "admin", instance, givenName);
            editValue(browser, row, givenName + " Jr");
            await().atMost(FLOW_TIMEOUT).until(() -> runtimeService.getVariable(instance, ReferralToPes.VAR_GIVEN_NAME),
                    (givenName + " Jr")::equals);
        }
    }

    /** Logs in to Cockpit, opens the instance's variables and returns the row of the person's given name. */
    private WebElement variableRow(HeadlessChromium browser, String user, String instance, String value) {
        CamundaWebapp cockpit = new CamundaWebapp(browser, url("/camunda/app/cockpit/default/"))
                .logIn(user, HubClient.DEMO_PASSWORD);
        cockpit.open("#/process-instance/" + instance + "/runtime?tab=variables-tab");
        By row = By.xpath("//tbody/tr[.//span[@cam-widget-clipboard='variable.name'][normalize-space(.)='"
                + ReferralToPes.VAR_GIVEN_NAME + "']]");
        WebElement found = browser.until("variable-row", ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(found.getText()).as("the process owner reads the value").contains(value);
        return found;
    }

    private static void editValue(HeadlessChromium browser, WebElement row, String value) {
        row.findElement(By.cssSelector("button[ng-click='enableEditMode(info, true)']")).click();
        WebElement input = browser.until("variable-input", ExpectedConditions.elementToBeClickable(
                row.findElement(By.cssSelector("input[ng-model='variable.value']"))));
        input.clear();
        input.sendKeys(value);
        browser.until("variable-save", ExpectedConditions.elementToBeClickable(
                row.findElement(By.cssSelector("button[ng-click='saveVariable(v)']")))).click();
    }

    /** The inbox row showing this task for this person and reference, or null while there is none. */
    private static WebElement inboxRow(WebDriver driver, String taskName, String... shown) {
        List<WebElement> rows = driver.findElements(By.cssSelector("ol.tasks-list > li.task"));
        return rows.stream().filter(row -> {
            String text = row.getText();
            return text.contains(taskName) && List.of(shown).stream().allMatch(text::contains);
        }).findFirst().orElse(null);
    }

    private Task sendAndAwait(Referral referral, String taskKey) {
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send(REFERRALS, session -> session.createTextMessage(referral.json()));
        return await().atMost(FLOW_TIMEOUT).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(referral.referenceId()).taskDefinitionKey(taskKey).singleResult(),
                Objects::nonNull);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
