// The monitoring files of compose.yaml's monitoring profile: the Prometheus and Grafana provisioning
// parse, and every series the KPI dashboard draws is one the hub exports: the metric names of
// KpiGauges (esp.kpi.* becomes esp_kpi_*) and the KPI ids of the Kpi enum.
// Usage: node docker/check/check-grafana.js <repository root>
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require(path.join(process.argv[2], 'node_modules', 'js-yaml'));

const root = process.argv[2];
let failed = 0;
const check = (ok, message) => { if (!ok) { console.log(`FAIL ${message}`); failed++; } };
const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');

for (const rel of ['docker/prometheus/prometheus.yml', 'docker/grafana/provisioning/datasources/prometheus.yaml',
  'docker/grafana/provisioning/dashboards/esp-hub.yaml']) {
  try { yaml.load(read(rel)); } catch (e) { check(false, `${rel} does not parse: ${e.message}`); }
}
const kpiDir = 'hub/src/main/java/org/esphub/hub/kpi';
const gauges = read(`${kpiDir}/KpiGauges.java`);
const metrics = [...gauges.matchAll(/static final String \w+ = "(esp\.kpi\.[a-z_.]+)"/g)].map((m) => m[1].replace(/\./g, '_'));
const kpiIds = new Set([...read(`${kpiDir}/Kpi.java`).matchAll(/^ {4}[A-Z_0-9]+\("([a-z_0-9]+)"/gm)].map((m) => m[1]));
check(metrics.length > 0 && kpiIds.size > 0, `${kpiDir}: no metric names or KPI ids found`);
const datasource = yaml.load(read('docker/grafana/provisioning/datasources/prometheus.yaml')).datasources[0];
for (const file of fs.readdirSync(path.join(root, 'docker/grafana/dashboards'))) {
  const rel = `docker/grafana/dashboards/${file}`;
  let dashboard;
  try { dashboard = JSON.parse(read(rel)); } catch (e) { check(false, `${rel} does not parse: ${e.message}`); continue; }
  const drawn = new Set();
  for (const panel of dashboard.panels || []) {
    check((panel.datasource || {}).uid === datasource.uid, `${rel}: panel "${panel.title}" must use data source ${datasource.uid}`);
    for (const target of panel.targets || []) {
      const metric = (target.expr.match(/^([a-z_:]+)/) || [])[1];
      check(metrics.includes(metric), `${rel}: "${target.expr}" draws ${metric}, which the hub does not export (${metrics})`);
      const kpi = (target.expr.match(/kpi="([^"]+)"/) || [])[1];
      check(kpiIds.has(kpi), `${rel}: "${target.expr}" names KPI ${kpi}, not one of the Kpi enum`);
      drawn.add(kpi);
    }
  }
  for (const id of kpiIds) check(drawn.has(id), `${rel}: KPI ${id} has no panel`);
}
console.log(`grafana and prometheus checks: ${failed === 0 ? 'ok' : failed + ' failed'}`);
process.exit(failed === 0 ? 0 : 1);
