package org.esphub.hub.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Camunda webapp (Tasklist, Cockpit) as a person uses it: its own login page, then its pages.
 * Selectors are the webapps' AngularJS bindings (ng-model, ng-click), which stay put across
 * styling and translations.
 */
final class CamundaWebapp {

    private final HeadlessChromium browser;
    private final String appUrl;

    /** @param appUrl e.g. {@code http://localhost:8080/camunda/app/tasklist/default/} */
    CamundaWebapp(HeadlessChromium browser, String appUrl) {
        this.browser = browser;
        this.appUrl = appUrl;
    }

    /** Opens the app and logs in with the demo password; returns once the login form is gone. */
    CamundaWebapp logIn(String user, String password) {
        WebDriver driver = browser.driver();
        driver.get(appUrl);
        WebElement username = browser.until("login-form",
                ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")));
        username.sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type='submit']")).click();
        browser.until("logged-in", ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        return this;
    }

    /** Goes to a route of the app, e.g. {@code #/process-instance/<id>/runtime}. */
    void open(String route) {
        browser.driver().get(appUrl + route);
    }
}
