package org.esphub.simulators.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Stands in for the hub: a bare Boot application that gets the simulators only through their
 * auto-configuration. It lives in its own package so its component scan cannot pick up
 * simulator classes, which keeps the tests honest about the auto-configuration registration.
 */
@SpringBootApplication
public class SimulatorsTestApplication {
}
