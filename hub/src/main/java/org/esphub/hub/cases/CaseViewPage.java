package org.esphub.hub.cases;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /cases/{personId}}: the case view page (plain HTML, CSS and JavaScript from the jar), which
 * reads the case from {@code /api/cases/{personId}} with the caseworker's Tasklist login. The page itself
 * holds no data; without a login it says where to log in.
 */
@Controller
public class CaseViewPage {

    @GetMapping("/cases/{personId}")
    public String page(@PathVariable String personId) {
        return "forward:/case-view/index.html";
    }
}
