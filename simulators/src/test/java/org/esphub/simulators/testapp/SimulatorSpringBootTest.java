package org.esphub.simulators.testapp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** A full simulator context on embedded Artemis, with MockMvc; shared by the tests through the context cache. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(classes = SimulatorsTestApplication.class)
@AutoConfigureMockMvc
public @interface SimulatorSpringBootTest {
}
