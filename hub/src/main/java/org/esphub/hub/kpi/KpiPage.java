package org.esphub.hub.kpi;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The oversight dashboard's page. It holds no figure: after the login form it reads {@code /api/kpis}
 * with the user's hub login, so the page itself is open and the API decides who sees what.
 */
@RestController
public class KpiPage {

    private static final Resource PAGE = new ClassPathResource("kpi/dashboard.html");

    @GetMapping("/kpi")
    public ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }
}
