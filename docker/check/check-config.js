#!/usr/bin/env node
// Consistency checks of the Docker stack against the build and the hub's configuration, run by
// docker/check.sh (which also validates broker.xml and tests the Artemis entrypoint).
//
//   node docker/check/check-config.js <repo-root> <xml-facts.json>
//
// xml-facts.json comes from docker/check/xml_facts.py (broker.xml and the POMs). cluster.yaml (several
// hub nodes) is held to compose.yaml: its nodes, database and broker must be compose.yaml's.
// Prints "ok" / "FAIL" lines; exits 1 when any check fails.
'use strict';

const fs = require('fs');
const path = require('path');

let yaml;
try {
  yaml = require('js-yaml');
} catch (e) {
  console.error('FAIL js-yaml is not installed: run "npm ci" in the repository root');
  process.exit(1);
}

const root = path.resolve(process.argv[2] || '.');
const facts = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const failures = [];
let passed = 0;

function check(condition, message) {
  if (condition) {
    passed += 1;
  } else {
    failures.push(message);
  }
  return condition;
}

function read(rel) {
  return fs.readFileSync(path.join(root, rel), 'utf8');
}

function loadYaml(rel) {
  try {
    return yaml.load(read(rel), { filename: rel });
  } catch (e) {
    failures.push(`${rel} does not parse as YAML: ${e.message}`);
    return null;
  }
}

function get(object, dotted) {
  return dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), object);
}

/** "${NAME:default}" (Spring) or "${NAME:-default}" (compose) resolved to its default. */
function withDefaults(value) {
  return String(value).replace(/\$\{[A-Za-z0-9_.-]+:-?([^}]*)\}/g, '$1');
}

/**
 * A Dockerfile's stages: FROM's image and stage name, then its instructions (continuation lines
 * joined, comments dropped).
 */
function dockerStages(text) {
  const instructions = text
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = l.match(/^(\S+)\s+(.*)$/);
      return { op: m[1].toUpperCase(), args: m[2] };
    });
  const found = [];
  for (const ins of instructions) {
    if (ins.op === 'FROM') {
      const m = ins.args.match(/^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i);
      found.push({ from: ins.args, image: m && m[1], name: m && m[2], ins: [] });
    }
    else if (found.length) found[found.length - 1].ins.push(ins);
  }
  return found;
}

const setsEqual = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const list = (set) => [...set].sort().join(', ');

// ---- load everything -------------------------------------------------------------------------
const composeRel = 'docker/compose.yaml';
const compose = loadYaml(composeRel);
const app = loadYaml('hub/src/main/resources/application.yaml');
// the queue names of the routes, imported by the hub and the agency-link node alike
const queuesRel = 'camel-routes/src/main/resources/esp-queues.yaml';
const sharedQueues = loadYaml(queuesRel);
const prodRel = 'hub/src/main/resources/application-production.yaml';
const prod = loadYaml(prodRel);
// full-line comments may quote "${VAR:?...}" as an example; only the YAML itself counts
const composeText = read(composeRel).split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
const envExampleText = read('docker/.env.example');
const dockerfileRel = 'docker/Dockerfile';
const dockerfileText = read(dockerfileRel);
const broker = facts.broker;
const pom = facts.pom;

if (!compose || !app || !prod) {
  failures.forEach((f) => console.log(`FAIL ${f}`));
  process.exit(1);
}

const services = compose.services || {};
const postgres = services.postgres;
const artemis = services.artemis;
const hub = services.hub;
check(postgres && artemis && hub, `${composeRel}: services postgres, artemis and hub must all exist`);
if (!(postgres && artemis && hub)) {
  failures.forEach((f) => console.log(`FAIL ${f}`));
  process.exit(1);
}

function envOf(service) {
  const env = service.environment || {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => {
      const i = e.indexOf('=');
      return i < 0 ? [e, undefined] : [e.slice(0, i), e.slice(i + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? v : String(v)]));
}
const hubEnv = envOf(hub);
const artemisEnv = envOf(artemis);
const postgresEnv = envOf(postgres);

// ---- 1. compose variables <-> docker/.env.example ---------------------------------------------
const envLines = new Map(); // name -> {commented, value}
for (const line of envExampleText.split('\n')) {
  const m = line.match(/^(#\s*)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/);
  if (m) envLines.set(m[2], { commented: Boolean(m[1]), value: m[3].trim() });
}
/** The ${VAR} a compose file reads, each in docker/.env.example; secrets required, never defaulted. */
function checkVariables(rel, text) {
  const vars = new Map(); // name -> 'required' | 'default'
  for (const m of text.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[?-])?([^}]*)\}/g)) {
    const kind = m[2] && m[2].endsWith('?') ? 'required' : 'default';
    if (vars.get(m[1]) !== 'required') vars.set(m[1], kind);
    if (m[2] === undefined) failures.push(`${rel}: \${${m[1]}} has neither ":?" (secret, required) nor ":-" (default)`);
  }
  for (const [name, kind] of vars) {
    const line = envLines.get(name);
    if (!check(line, `docker/.env.example does not mention ${name}, which ${rel} uses`)) continue;
    if (kind === 'required') {
      check(!line.commented && line.value !== '',
        `docker/.env.example must set ${name} (${rel} requires it with ":?")`);
    }
    if (/PASSWORD|SECRET/.test(name)) {
      check(kind === 'required', `${rel}: secret ${name} must be "\${${name}:?...}", never defaulted`);
      check(/^change-me/.test(line.value), `docker/.env.example: ${name} must be a clearly marked demo value (change-me...)`);
    }
  }
  return vars;
}
const composeVars = checkVariables(composeRel, composeText);

// ---- 2. every variable of the production profile is set for the hub ----------------------------
const prodText = read(prodRel);
const prodVars = new Set([...prodText.matchAll(/\$\{(ESP_[A-Z0-9_]+)/g)].map((m) => m[1]));
check(prodVars.size > 0, `${prodRel}: found no \${ESP_...} variables`);
for (const name of prodVars) {
  check(hubEnv[name] !== undefined, `hub service does not set ${name}, which ${prodRel} reads`);
}
const appText = read('hub/src/main/resources/application.yaml');
check(/\$\{ESP_HTTP_PORT:8080\}/.test(appText) && hubEnv.ESP_HTTP_PORT === '8080',
  'hub service must set ESP_HTTP_PORT=8080, the port application.yaml serves on by default');
check(hubEnv.SPRING_PROFILES_ACTIVE === 'production', 'hub service must run SPRING_PROFILES_ACTIVE=production');
for (const [name, value] of Object.entries(hubEnv)) {
  check(value !== undefined && value !== '' || name === 'ESP_PUBLIC_HOLIDAYS',
    `hub service: ${name} has no value`);
}

// the hub's addresses point at the other services
const acceptorUrls = Object.values(broker.acceptors);
const acceptorPort = (() => {
  const m = (acceptorUrls[0] || '').match(/^tcp:\/\/[^:]+:(\d+)/);
  return m ? m[1] : null;
})();
check(hubEnv.ESP_ARTEMIS_URL === `tcp://artemis:${acceptorPort}`,
  `hub ESP_ARTEMIS_URL is ${hubEnv.ESP_ARTEMIS_URL}; expected tcp://artemis:${acceptorPort} (service artemis, broker.xml acceptor)`);
check(hubEnv.ESP_DB_URL === `jdbc:postgresql://postgres:5432/${postgresEnv.POSTGRES_DB}`,
  `hub ESP_DB_URL is ${hubEnv.ESP_DB_URL}; expected jdbc:postgresql://postgres:5432/${postgresEnv.POSTGRES_DB}`);
// three database roles: the superuser is never the hub's; init-roles.sh creates the other two from
// the same variables the hub reads
for (const name of ['ESP_DB_USER', 'ESP_DB_PASSWORD', 'ESP_DB_MIGRATION_USER', 'ESP_DB_MIGRATION_PASSWORD']) {
  check(hubEnv[name] !== undefined && hubEnv[name] === postgresEnv[name],
    `hub and postgres services must take ${name} from the same variable (init-roles.sh creates the role)`);
}
for (const name of ['ESP_DB_USER', 'ESP_DB_MIGRATION_USER']) {
  check(hubEnv[name] !== postgresEnv.POSTGRES_USER,
    `hub ${name} must not be the PostgreSQL superuser POSTGRES_USER`);
}
check(hubEnv.ESP_DB_USER !== hubEnv.ESP_DB_MIGRATION_USER,
  'hub ESP_DB_USER (runs the hub) and ESP_DB_MIGRATION_USER (owns the tables) must be different variables');
check(mounts(postgres).some((m) => m.source === './postgres/init-roles.sh'
  && /^\/docker-entrypoint-initdb\.d\/[^/]+\.sh$/.test(m.target)),
  'postgres must mount ./postgres/init-roles.sh into /docker-entrypoint-initdb.d/');
check(get(prod, 'spring.flyway.user') === '${ESP_DB_MIGRATION_USER}'
  && get(prod, 'spring.datasource.username') === '${ESP_DB_USER}'
  && get(prod, 'spring.flyway.placeholders.applicationRole') === '${ESP_DB_USER}',
  `${prodRel}: Flyway must migrate as ESP_DB_MIGRATION_USER and grant ESP_DB_USER, who runs the hub`);
check(get(prod, 'camunda.bpm.database.schema-update') === false,
  `${prodRel}: camunda.bpm.database.schema-update must be false (the owner creates the engine's schema)`);
check(hubEnv.ESP_ARTEMIS_USER === artemisEnv.ESP_ARTEMIS_USER
  && hubEnv.ESP_ARTEMIS_PASSWORD === artemisEnv.ESP_ARTEMIS_PASSWORD,
  'hub and artemis services must take ESP_ARTEMIS_USER/ESP_ARTEMIS_PASSWORD from the same variables');
check(artemisEnv.ARTEMIS_USER && artemisEnv.ARTEMIS_PASSWORD,
  'artemis service must set ARTEMIS_USER and ARTEMIS_PASSWORD (the image creates its administrator from them)');
for (const name of ['ESP_SA_BASE_URL', 'ESP_PES_BASE_URL', 'ESP_TAX_BASE_URL', 'ESP_TVET_BASE_URL',
  'ESP_EMPLOYER_BASE_URL']) {
  check(/\.invalid\b/.test(withDefaults(hubEnv[name] || '')),
    `hub ${name} must default to a documented placeholder host (*.invalid), there are no simulators in production`);
}
check(get(prod, 'esp.simulators.enabled') === false && get(prod, 'esp.demo.identities') === false,
  `${prodRel} must switch simulators and demo identities off`);

// ---- 3. compose wiring ------------------------------------------------------------------------
const composeDir = path.dirname(path.join(root, composeRel));
const context = path.resolve(composeDir, (hub.build || {}).context || '.');
check(context === root, `hub build.context must be the repository root (is ${context})`);
check(fs.existsSync(path.join(context, (hub.build || {}).dockerfile || 'Dockerfile'))
  && (hub.build || {}).dockerfile === dockerfileRel,
  `hub build.dockerfile must be ${dockerfileRel}, relative to the context`);
for (const dep of ['postgres', 'artemis']) {
  check(get(hub, `depends_on.${dep}.condition`) === 'service_healthy',
    `hub must depend on ${dep} with condition service_healthy`);
  check(services[dep].healthcheck && services[dep].healthcheck.test,
    `${dep} needs a healthcheck, the hub waits for it`);
}
check(/pg_isready/.test(JSON.stringify(postgres.healthcheck || {})), 'postgres healthcheck must use pg_isready');

function mounts(service) {
  return (service.volumes || []).map((v) => {
    if (typeof v !== 'string') return { source: v.source, target: v.target };
    const [source, target] = v.split(':');
    return { source, target };
  });
}
for (const service of Object.keys(services)) {
  for (const m of mounts(services[service])) {
    if (m.source && m.source.startsWith('.')) {
      check(fs.existsSync(path.resolve(composeDir, m.source)),
        `${service}: bind mount ${m.source} does not exist next to ${composeRel}`);
    }
  }
}
const artemisMounts = mounts(artemis);
const brokerMount = artemisMounts.find((m) => m.source === './artemis/broker.xml');
check(brokerMount && brokerMount.target === '/var/lib/artemis-instance/etc-override/broker.xml',
  'artemis must mount ./artemis/broker.xml at /var/lib/artemis-instance/etc-override/broker.xml');
const entrypoint = artemis.entrypoint || [];
const scriptMount = artemisMounts.find((m) => m.source === './artemis/entrypoint.sh');
check(scriptMount && entrypoint.includes(scriptMount.target),
  'artemis entrypoint must run the mounted ./artemis/entrypoint.sh');
check(artemisMounts.some((m) => m.target === '/var/lib/artemis-instance' && !m.source.startsWith('.')),
  'artemis must keep /var/lib/artemis-instance (etc/ and the data/ journal) in a named volume');
check(/^apache\/activemq-artemis:\d+\.\d+\.\d+$/.test(artemis.image || ''),
  `artemis image must be apache/activemq-artemis pinned to a release (is ${artemis.image})`);
const publishedTargets = (service) => (service.ports || []).map((p) => String(p).split(':').pop());
check(publishedTargets(artemis).includes(acceptorPort) && publishedTargets(artemis).includes('8161'),
  `artemis must publish the acceptor port ${acceptorPort} and the console port 8161`);
for (const name of Object.keys(compose.volumes || {})) {
  check(Object.values(services).some((s) => mounts(s).some((m) => m.source === name)),
    `volume ${name} is declared but not used`);
}

// ---- 4. docker/Dockerfile against the build: one build stage, a runtime stage per image ---------
// Stages by name; a stage built FROM another inherits its instructions (USER, WORKDIR, RUN, ...).
const stages = dockerStages(dockerfileText);
const stageByName = new Map(stages.filter((s) => s.name).map((s) => [s.name, s]));
check(stages.every((s) => s.name) && stageByName.size === stages.length,
  `${dockerfileRel}: every stage needs a name of its own (FROM ... AS <name>); has ${stages.map((s) => s.name).join(', ')}`);
/** The stage and the stages it is built FROM, the base image's first. */
function lineage(stage) {
  const chain = [];
  for (let s = stage; s && !chain.includes(s); s = stageByName.get(s.image)) chain.unshift(s);
  return chain;
}
const inherited = (stage) => lineage(stage).flatMap((s) => s.ins);
const lastArgs = (ins, op) => (ins.filter((i) => i.op === op).pop() || {}).args;
const copyArgs = (ins) => ins.args.split(/\s+/).filter((a) => !a.startsWith('--'));

for (const old of ['docker/hub/Dockerfile', 'docker/agency-link/Dockerfile']) {
  check(!fs.existsSync(path.join(root, old)), `${old} must not exist: both images are targets of ${dockerfileRel}`);
}
const buildStage = stageByName.get('build') || { ins: [] };
check(/^eclipse-temurin:17-jdk\S*$/.test(buildStage.image || ''),
  `${dockerfileRel}: stage build must be FROM eclipse-temurin:17-jdk... AS build (is ${buildStage.image})`);
const buildWorkdir = lastArgs(buildStage.ins, 'WORKDIR');

const buildCopies = buildStage.ins.filter((i) => i.op === 'COPY').map(copyArgs);
const copiedSources = new Set(buildCopies.flatMap((a) => a.slice(0, -1)));
for (const source of copiedSources) {
  check(fs.existsSync(path.join(root, source)), `${dockerfileRel} copies ${source}, which is not in the repository`);
}
for (const needed of ['mvnw', '.mvn/', 'pom.xml']) {
  check(copiedSources.has(needed), `${dockerfileRel}: build stage must copy ${needed}`);
}
for (const module of pom.modules) {
  check(copiedSources.has(`${module}/pom.xml`), `${dockerfileRel} must copy ${module}/pom.xml before the dependency download`);
  check(copiedSources.has(`${module}/`), `${dockerfileRel} must copy module ${module}/ (root pom.xml lists it)`);
  // folders outside the module that its POM reads (e.g. processes -> ../forms)
  const modulePom = read(`${module}/pom.xml`);
  for (const m of modulePom.matchAll(/\$\{project\.basedir\}\/\.\.\/([A-Za-z0-9_.-]+)/g)) {
    check(copiedSources.has(`${m[1]}/`), `${dockerfileRel} must copy ${m[1]}/, which ${module}/pom.xml packages`);
  }
}
// one Maven build for both images: every module, in stage build, nowhere else
const mavenRuns = stages.flatMap((s) => s.ins.filter((i) => i.op === 'RUN' && /\.\/mvnw\b/.test(i.args))
  .map((i) => ({ stage: s.name, args: i.args })));
const packageRuns = mavenRuns.filter((r) => /\bpackage\b/.test(r.args));
check(packageRuns.length === 1 && /\.\/mvnw -B -DskipTests package\b/.test(packageRuns[0].args)
  && !/\s-(pl|-projects)\b/.test(packageRuns[0].args),
  `${dockerfileRel}: exactly one ./mvnw -B -DskipTests package, of every module (found ${JSON.stringify(packageRuns.map((r) => r.args))})`);
check(mavenRuns.every((r) => r.stage === 'build'), `${dockerfileRel}: Maven runs in stage build only`);
const goOfflineIndex = buildStage.ins.findIndex((i) => i.op === 'RUN' && /dependency:go-offline/.test(i.args));
const firstSourceCopy = buildStage.ins.findIndex((i) => i.op === 'COPY'
  && copyArgs(i).slice(0, -1).some((s) => s.endsWith('/') && s !== '.mvn/'));
check(goOfflineIndex >= 0 && goOfflineIndex < firstSourceCopy,
  `${dockerfileRel}: build stage must download dependencies (POMs only) before copying the sources`);
const packageIndex = buildStage.ins.findIndex((i) => i.op === 'RUN' && /\.\/mvnw\b.*\bpackage\b/.test(i.args));

const httpPort = (appText.match(/\$\{ESP_HTTP_PORT:(\d+)\}/) || [])[1];
const linkAppRel = 'agency-link/src/main/resources/agency-link.yaml';
const linkApp = loadYaml(linkAppRel) || {};
const linkAppText = read(linkAppRel);
const linkPort = (linkAppText.match(/\$\{ESP_HTTP_PORT:(\d+)\}/) || [])[1];

/** The runtime stage of one image (one target): what both share, then its jar, port, probe, archive. */
function checkImage(target, { module, finalName, port, settingsRel, settings }) {
  const where = `${dockerfileRel} target ${target}`;
  const stage = stageByName.get(target);
  if (!check(stage, `${dockerfileRel} must have a stage ${target} (the ${module} image)`)) return {};
  const chain = lineage(stage);
  const all = inherited(stage);
  check(chain.every((s) => s !== buildStage) && /^eclipse-temurin:17-jre\S*$/.test(chain[0].image),
    `${where}: must be built on eclipse-temurin:17-jre... (not on the build stage); is ${chain.map((s) => s.image).join(' <- ')}`);
  const user = lastArgs(all, 'USER') || 'root';
  check(!/^(root|0)(:|$)/.test(user), `${where}: must run as a non-root USER (is ${user})`);
  const workdir = lastArgs(all, 'WORKDIR');
  check(workdir === '/app', `${where}: WORKDIR must be /app (is ${workdir})`);

  // the module's jar from the build stage: the jar itself, or the folder Spring Boot's tools
  // extracted it into (java -Djarmode=tools -jar <jar> extract --destination <folder>)
  const jarName = `${finalName}.jar`;
  const built = `${buildWorkdir}/${module}/target/`;
  const copies = stage.ins.filter((i) => i.op === 'COPY' && /--from=build\b/.test(i.args)).map(copyArgs);
  check(copies.length === 1 && copies[0].length === 2,
    `${where}: must copy one thing from the build stage, its jar (copies ${JSON.stringify(copies)})`);
  const [source, destination] = copies[0] || [];
  const inStage = (p) => path.posix.resolve(workdir || '/', p || '');
  let jarInImage;
  const extracted = source !== `${built}${jarName}`;
  if (!extracted) {
    jarInImage = destination.endsWith('/') ? inStage(`${destination}${jarName}`) : inStage(destination);
  } else {
    const folder = path.posix.resolve(buildWorkdir || '/', source || '.');
    const extract = buildStage.ins.findIndex((i) => {
      const m = i.op === 'RUN' && i.args.match(/\bjava -Djarmode=tools -jar (\S+) extract --destination (\S+)/);
      return m && path.posix.resolve(buildWorkdir, m[1]) === `${built}${jarName}`
        && path.posix.resolve(buildWorkdir, m[2]) === folder;
    });
    check(folder.startsWith(built) && extract > packageIndex,
      `${where}: must copy ${built}${jarName} (${module}/pom.xml finalName ${finalName}), or the folder stage build extracts it into after the package; copies ${source}`);
    jarInImage = inStage(`${(destination || '').replace(/\/?$/, '/')}${jarName}`);
  }

  let entry = [];
  try {
    entry = JSON.parse(lastArgs(stage.ins, 'ENTRYPOINT'));
  } catch (e) {
    failures.push(`${where}: ENTRYPOINT must be an exec-form JSON array`);
  }
  const entryJar = entry.indexOf('-jar') > 0 ? inStage(entry[entry.indexOf('-jar') + 1]) : undefined;
  check(entry[0] === 'java' && entryJar === jarInImage,
    `${where}: ENTRYPOINT must be java ... -jar ${jarInImage}, the jar it copies (is ${JSON.stringify(entry)})`);
  check(entry.some((a) => /^-XX:MaxRAMPercentage=/.test(a)), `${where}: ENTRYPOINT must size the heap with -XX:MaxRAMPercentage`);
  check(entry.includes('-XX:+ExitOnOutOfMemoryError'), `${where}: ENTRYPOINT must exit on OutOfMemoryError`);

  const env = stage.ins.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
  check(port && new RegExp(`\\bESP_HTTP_PORT=${port}\\b`).test(env),
    `${where}: must set ENV ESP_HTTP_PORT=${port}, the port of ${settingsRel}`);
  const exposed = all.filter((i) => i.op === 'EXPOSE').flatMap((i) => i.args.split(/\s+/));
  check(port && exposed.includes(port), `${where}: must EXPOSE ${port}, the port of ${settingsRel}`);
  const health = lastArgs(stage.ins, 'HEALTHCHECK') || '';
  check(/CMD\s+curl\b.*\/actuator\/health\/readiness\b/.test(health)
    && get(settings, 'management.endpoint.health.probes.enabled') === true,
    `${where}: HEALTHCHECK must curl /actuator/health/readiness, which ${settingsRel} must enable (management.endpoint.health.probes.enabled)`);
  check(String(get(settings, 'management.endpoints.web.exposure.include') || '').split(',').map((s) => s.trim()).includes('health'),
    `${settingsRel} must expose the health endpoint over HTTP`);
  check(all.some((i) => i.op === 'RUN' && /command -v curl/.test(i.args) && /install[^&]*curl/.test(i.args)),
    `${where}: the HEALTHCHECK's curl must be made sure of in the runtime stage`);

  // class-data sharing: the archive the ENTRYPOINT maps is the one a training run of this stage
  // wrote, with the same jar at the same absolute path (the JVM ignores an archive of another class path)
  const archive = (entry.find((a) => a.startsWith('-XX:SharedArchiveFile=')) || '').split('=')[1];
  if (archive) {
    check(extracted, `${where}: an archive needs the jar extracted by Spring Boot's tools (the JVM does not archive classes of nested jars)`);
    check(!entry.includes('-Xshare:on'), `${where}: no -Xshare:on: a JVM that cannot map the archive must start without it`);
    const trainingIndex = all.findIndex((i) => i.op === 'RUN' && /-XX:ArchiveClassesAtExit=/.test(i.args));
    const training = trainingIndex >= 0 ? all[trainingIndex].args : '';
    const written = (training.match(/-XX:ArchiveClassesAtExit=(\S+)/) || [])[1];
    check(stage.ins.includes(all[trainingIndex]) && path.posix.isAbsolute(archive) && written === archive,
      `${where}: the ENTRYPOINT's -XX:SharedArchiveFile=${archive} must be an absolute path that a training run of this stage writes (-XX:ArchiveClassesAtExit=${written})`);
    check(stage.ins.indexOf(all[trainingIndex]) > stage.ins.findIndex((i) => i.op === 'COPY' && /--from=build\b/.test(i.args)),
      `${where}: the training run must come after the jar is copied`);
    const trainingJar = (training.match(/ -jar (\S+)/) || [])[1];
    check(trainingJar && path.posix.isAbsolute(trainingJar) && trainingJar === entryJar
      && path.posix.isAbsolute(entry[entry.indexOf('-jar') + 1]),
      `${where}: the training run and the ENTRYPOINT must run the same jar by the same absolute path (${trainingJar}, ${entry[entry.indexOf('-jar') + 1]})`);
    check(training.includes(`test -s ${archive}`),
      `${where}: the training run must fail the build when it wrote no archive (test -s ${archive})`);
    check(/-Dspring\.context\.exit=onRefresh\b/.test(training),
      `${where}: the training run must stop by itself after the context refresh (-Dspring.context.exit=onRefresh)`);
    // it runs in a temporary folder, deleted in the same RUN: no data, key or database in a layer
    const tmp = (training.match(/\b([A-Za-z_]\w*)="\$\(mktemp -d\)"/) || [])[1];
    const at = (pattern) => training.search(pattern);
    check(tmp && at(new RegExp(`cd "\\$${tmp}"`)) >= 0 && at(new RegExp(`cd "\\$${tmp}"`)) < at(/\bjava /)
      && at(new RegExp(`-Djava\\.io\\.tmpdir="\\$${tmp}"`)) > at(/\bjava /)
      && at(new RegExp(`rm -rf "\\$${tmp}"`)) > at(/ -jar /),
      `${where}: the training run must work in a "$(mktemp -d)" folder (cd into it, java.io.tmpdir) and delete it in the same RUN`);
    // never the production profile: it needs a database and would not start in a build
    const envBefore = all.slice(0, trainingIndex).filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    const profile = (training.match(/(?:--|-D)spring\.profiles\.active=(\S+)/) || [])[1]
      || (envBefore.match(/\bSPRING_PROFILES_ACTIVE=(\S+)/) || [])[1] || get(settings, 'spring.profiles.default');
    check(profile && profile !== 'production'
      && fs.existsSync(path.join(root, path.dirname(settingsRel), `application-${profile}.yaml`)),
      `${where}: the training run must use the embedded defaults (a profile of ${path.dirname(settingsRel)}, not production); uses ${profile}`);
  }
  return { stage, entry, archive };
}

const hubImage = checkImage('hub', { module: 'hub', finalName: pom.hubFinalName, port: httpPort,
  settingsRel: 'hub/src/main/resources/application.yaml', settings: app });
check(hubImage.archive, `${dockerfileRel} target hub: the ENTRYPOINT must map a class-data sharing archive (-XX:SharedArchiveFile)`);
if (hubImage.stage) {
  const env = hubImage.stage.ins.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
  const profile = (env.match(/SPRING_PROFILES_ACTIVE=(\S+)/) || [])[1];
  check(profile === 'production' && fs.existsSync(path.join(root, `hub/src/main/resources/application-${profile}.yaml`)),
    `${dockerfileRel} target hub must set SPRING_PROFILES_ACTIVE=production and hub/src/main/resources/application-production.yaml must exist`);
}
check(publishedTargets(hub).includes(httpPort), `hub service must publish container port ${httpPort}`);
if (pom.hubMainClass) {
  check(fs.existsSync(path.join(root, 'hub/src/main/java', `${pom.hubMainClass.replace(/\./g, '/')}.java`)),
    `hub/pom.xml mainClass ${pom.hubMainClass} has no source file`);
}

// ---- 4b. the agency-link node's image and compose service against its build ---------------------
check(pom.modules.includes('agency-link'), 'root pom.xml must list module agency-link');
checkImage('agency-link', { module: 'agency-link', finalName: pom.linkFinalName, port: linkPort,
  settingsRel: linkAppRel, settings: linkApp });
check(pom.linkMainClass
  && fs.existsSync(path.join(root, 'agency-link/src/main/java', `${pom.linkMainClass.replace(/\./g, '/')}.java`)),
  `agency-link/pom.xml mainClass ${pom.linkMainClass} has no source file`);
check(get(linkApp, 'spring.flyway.enabled') === false, `${linkAppRel}: spring.flyway.enabled must be false (the hub owns the schema)`);
check(String(get(linkApp, 'spring.config.import') || '').includes('classpath:esp-queues.yaml'),
  `${linkAppRel} must import classpath:esp-queues.yaml (${queuesRel})`);

// every service built here is built from docker/Dockerfile with the repository root as context,
// the target its name says (hub, hub-N: hub; agency-link, agency-link-N: agency-link), and one image
// name per target: two targets under one name would overwrite each other's image
const imageOfTarget = new Map();
function checkBuilds(rel, serviceMap) {
  for (const [name, service] of Object.entries(serviceMap || {})) {
    if (!service.build) continue;
    const target = (name.match(/^(hub|agency-link)(-\d+)?$/) || [])[1];
    check(target && get(service, 'build.dockerfile') === dockerfileRel && get(service, 'build.target') === target
      && path.resolve(composeDir, get(service, 'build.context') || '.') === root,
      `${rel}: ${name} must be built from ${dockerfileRel}, target ${target || 'hub or agency-link'}, with the repository root as context`);
    if (!imageOfTarget.has(target)) imageOfTarget.set(target, service.image);
    check(service.image && imageOfTarget.get(target) === service.image,
      `${rel}: ${name} must name the image of target ${target} ${imageOfTarget.get(target)} (is ${service.image})`);
  }
}
checkBuilds(composeRel, services);

// the compose service, where there is one: every variable the node reads, from the hub's sources
const link = services['agency-link'];
if (link) {
  const linkEnv = envOf(link);
  check((link.profiles || []).includes('agency-link'),
    'agency-link service must run only with its compose profile (profiles: [agency-link])');
  for (const name of new Set([...linkAppText.matchAll(/\$\{(ESP_[A-Z0-9_]+)\}/g)].map((m) => m[1]))) {
    check(linkEnv[name] !== undefined && linkEnv[name] !== '', `agency-link service does not set ${name}, which ${linkAppRel} requires`);
  }
  check(linkEnv.ESP_HTTP_PORT === linkPort, `agency-link service must set ESP_HTTP_PORT=${linkPort}`);
  check(linkEnv.ESP_ENGINE_REST_URL === `http://hub:${httpPort}/engine-rest`,
    `agency-link ESP_ENGINE_REST_URL must be http://hub:${httpPort}/engine-rest (is ${linkEnv.ESP_ENGINE_REST_URL})`);
  check(linkEnv.ESP_ENGINE_USER === hubEnv.ESP_LINK_USER && linkEnv.ESP_ENGINE_PASSWORD === hubEnv.ESP_LINK_PASSWORD,
    'agency-link ESP_ENGINE_USER/ESP_ENGINE_PASSWORD must come from the variables of the hub\'s ESP_LINK_USER/ESP_LINK_PASSWORD');
  for (const name of ['ESP_ARTEMIS_URL', 'ESP_ARTEMIS_USER', 'ESP_ARTEMIS_PASSWORD', 'ESP_DB_URL', 'ESP_DB_USER',
    'ESP_DB_PASSWORD', 'ESP_AUDIT_CHAIN_KEY', 'ESP_SA_BASE_URL', 'ESP_SA_RECEIVER_ID', 'ESP_PES_BASE_URL',
    'ESP_PES_RECEIVER_ID', 'ESP_TAX_BASE_URL', 'ESP_TVET_BASE_URL', 'ESP_EMPLOYER_BASE_URL']) {
    check(linkEnv[name] === hubEnv[name], `agency-link ${name} must be the hub's (${hubEnv[name]}), is ${linkEnv[name]}`);
  }
  check(get(link, 'depends_on.hub.condition') === 'service_healthy', 'agency-link must depend on hub with condition service_healthy');
}

// ---- 5. broker.xml against application.yaml ----------------------------------------------------
check(String(get(app, 'spring.config.import') || '').includes('classpath:esp-queues.yaml'),
  `hub application.yaml must import classpath:esp-queues.yaml (${queuesRel})`);
const queues = get(sharedQueues, 'esp.queues') || {};
const contractQueues = new Set(Object.values(queues));
const brokerQueues = new Set(broker.queues.map((q) => q.queue));
check(setsEqual(brokerQueues, new Set([...contractQueues, 'ExpiryQueue'])),
  `broker.xml queues {${list(brokerQueues)}} must be application.yaml esp.queues {${list(contractQueues)}} plus ExpiryQueue`);
for (const q of broker.queues) {
  check(q.routing === 'anycast' && q.address === q.queue, `broker.xml queue ${q.queue} must be anycast on its own address`);
}
const embedded = new Set(String(get(app, 'spring.artemis.embedded.queues') || '').split(',').map((s) => s.trim()).filter(Boolean));
check(setsEqual(embedded, contractQueues),
  `application.yaml spring.artemis.embedded.queues {${list(embedded)}} must equal esp.queues {${list(contractQueues)}}`);

const all = broker.addressSettings['#'] || {};
const messaging = get(app, 'esp.messaging') || {};
check(all['dead-letter-address'] === queues['dead-letter'],
  `broker.xml "#" dead-letter-address ${all['dead-letter-address']} must be esp.queues.dead-letter ${queues['dead-letter']}`);
check(all['expiry-address'] === 'ExpiryQueue', 'broker.xml "#" expiry-address must be ExpiryQueue');
for (const [xmlName, appName] of [['redelivery-delay', 'redelivery-delay-ms'],
  ['redelivery-delay-multiplier', 'redelivery-multiplier'],
  ['max-redelivery-delay', 'max-redelivery-delay-ms'],
  ['max-delivery-attempts', 'max-delivery-attempts']]) {
  check(Number(all[xmlName]) === Number(messaging[appName]),
    `broker.xml "#" ${xmlName}=${all[xmlName]} must equal application.yaml esp.messaging.${appName}=${messaging[appName]}`);
}
check(Number(messaging['correlation-attempts']) < Number(all['max-delivery-attempts']),
  'esp.messaging.correlation-attempts must stay below max-delivery-attempts, or early events reach DLQ without a reason');
check(all['default-address-routing-type'] === 'ANYCAST' && all['default-queue-routing-type'] === 'ANYCAST',
  'broker.xml "#" must default addresses and queues to ANYCAST');
const appAcceptor = withDefaults(messaging['acceptor-url']);
check(acceptorUrls.includes(appAcceptor),
  `broker.xml acceptors ${JSON.stringify(acceptorUrls)} must include the embedded broker's ${appAcceptor}`);
check(broker.simple['persistence-enabled'] === 'true', 'broker.xml must enable persistence');
check(broker.simple['security-enabled'] === 'true', 'broker.xml must enable security');
for (const dir of ['paging-directory', 'bindings-directory', 'journal-directory', 'large-messages-directory']) {
  check(String(broker.simple[dir] || '').startsWith('/var/lib/artemis-instance/data/'),
    `broker.xml ${dir} must lie under /var/lib/artemis-instance/data (the volume)`);
}
const entrypointText = read('docker/artemis/entrypoint.sh');
const hubRole = (entrypointText.match(/^hub_role="([^"]+)"/m) || [])[1];
check(hubRole, 'docker/artemis/entrypoint.sh must define hub_role');
for (const q of contractQueues) {
  const setting = broker.security[q] || broker.security['#'] || {};
  for (const permission of ['send', 'consume', 'browse']) {
    check((setting[permission] || []).includes(hubRole),
      `broker.xml: role ${hubRole} needs ${permission} on ${q}`);
  }
}

// the hub binds each message's sender_id to the broker user the broker stamped on it
check(broker.simple['populate-validated-user'] === 'true',
  'broker.xml must set populate-validated-user: the hub binds header.sender_id to the validated user');
// the demo agency users (application-demo.yaml esp.broker.users) have the same rights in broker.xml
const demo = loadYaml('hub/src/main/resources/application-demo.yaml');
const resolveQueue = (name) => String(name).replace(/^\$\{esp\.queues\.([A-Za-z0-9-]+)\}$/, (m, key) => queues[key]);
for (const [user, rights] of Object.entries(get(demo, 'esp.broker.users') || {})) {
  for (const [kind, permissions] of [['send', ['send']], ['consume', ['consume', 'browse']]]) {
    for (const q of (rights[kind] || []).map(resolveQueue)) {
      const setting = broker.security[q] || {};
      for (const permission of permissions) {
        check((setting[permission] || []).includes(user),
          `broker.xml: demo broker user ${user} (esp.broker.users) needs ${permission} on ${q}`);
      }
    }
  }
}

// queue names the routes use exist in application.yaml
for (const file of fs.readdirSync(path.join(root, 'camel-routes')).filter((f) => f.endsWith('.yaml'))) {
  const text = read(`camel-routes/${file}`);
  for (const key of new Set([...text.matchAll(/\{\{esp\.queues\.([A-Za-z0-9-]+)\}\}/g)].map((m) => m[1]))) {
    check(queues[key] !== undefined, `camel-routes/${file} uses {{esp.queues.${key}}}, not defined in ${queuesRel}`);
  }
  for (const name of new Set([...text.matchAll(/jms:queue:([A-Za-z0-9._-]+)/g)].map((m) => m[1]))) {
    check(brokerQueues.has(name), `camel-routes/${file} uses queue ${name}, which broker.xml does not declare`);
  }
}

// ---- 6. docker/cluster.yaml: the same stack with more than one hub node -------------------------
const clusterRel = 'docker/cluster.yaml';
const cluster = loadYaml(clusterRel);
const clusterText = read(clusterRel).split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
const clusterVars = checkVariables(clusterRel, clusterText);
for (const name of envLines.keys()) {
  check(composeVars.has(name) || clusterVars.has(name),
    `docker/.env.example sets ${name}, which neither ${composeRel} nor ${clusterRel} uses`);
}
if (cluster) {
  checkCluster(cluster.services || {});
}

function checkCluster(nodes) {
  checkBuilds(clusterRel, nodes);
  const hubNames = Object.keys(nodes).filter((name) => /^hub-\d+$/.test(name));
  const linkNames = Object.keys(nodes).filter((name) => /^agency-link-\d+$/.test(name));
  check(hubNames.length >= 2, `${clusterRel}: at least two hub nodes (services hub-1, hub-2, ...)`);
  check(linkNames.length >= 1, `${clusterRel}: at least one agency-link node (agency-link-1)`);
  // database and broker exactly as compose.yaml runs them
  for (const name of ['postgres', 'artemis']) {
    check(JSON.stringify(nodes[name]) === JSON.stringify(services[name]),
      `${clusterRel}: service ${name} must be the same as in ${composeRel}`);
  }
  // every node is compose.yaml's hub, but for what a node behind a load balancer needs
  const clusterOnly = { ESP_WORKERS_ENABLED: 'false', SERVER_FORWARD_HEADERS_STRATEGY: 'native' };
  const linkUser = ['ESP_LINK_USER', 'ESP_LINK_PASSWORD'];
  for (const name of hubNames) {
    const node = nodes[name];
    const env = envOf(node);
    check(JSON.stringify(node.build) === JSON.stringify(hub.build) && node.image === hub.image,
      `${clusterRel}: ${name} must be built like ${composeRel}'s hub (${dockerfileRel} target hub, image ${hub.image})`);
    for (const dep of ['postgres', 'artemis']) {
      check(get(node, `depends_on.${dep}.condition`) === 'service_healthy',
        `${clusterRel}: ${name} must depend on ${dep} with condition service_healthy`);
    }
    for (const [key, value] of Object.entries(clusterOnly)) {
      check(env[key] === value, `${clusterRel}: ${name} must set ${key}=${value}`);
    }
    for (const key of linkUser) {
      check(new RegExp(`^\\$\\{${key}:[?-]`).test(env[key] || ''), `${clusterRel}: ${name} must take ${key} from docker/.env`);
    }
    const differing = [...new Set([...Object.keys(env), ...Object.keys(hubEnv)])]
      .filter((key) => !(key in clusterOnly) && !linkUser.includes(key) && env[key] !== hubEnv[key]);
    check(differing.length === 0,
      `${clusterRel}: ${name} must set what ${composeRel}'s hub sets; differs in ${differing.join(', ')}`);
    check(!(node.ports || []).length, `${clusterRel}: ${name} is reached through the load balancer, it publishes no port`);
  }
  const balancer = nodes['load-balancer'];
  if (check(balancer, `${clusterRel}: a load-balancer service in front of the hub nodes`)) {
    const conf = mounts(balancer).find((m) => m.source === './cluster/nginx.conf');
    check(conf && fs.existsSync(path.resolve(composeDir, conf.source)),
      `${clusterRel}: load-balancer must mount ./cluster/nginx.conf`);
    const nginx = conf && fs.existsSync(path.resolve(composeDir, conf.source))
      ? fs.readFileSync(path.resolve(composeDir, conf.source), 'utf8') : '';
    const upstream = new Set([...nginx.matchAll(/^\s*server\s+([A-Za-z0-9_-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`));
    check(setsEqual(upstream, new Set(hubNames.map((name) => `${name}:8080`))),
      `docker/cluster/nginx.conf must send to every hub node {${hubNames.join(', ')}} on 8080 (sends to {${list(upstream)}})`);
    check(/^\s*ip_hash;/m.test(nginx), 'docker/cluster/nginx.conf: the webapps keep a session per node, keep clients on one (ip_hash)');
    check(publishedTargets(balancer).includes('8080'), `${clusterRel}: load-balancer must publish container port 8080`);
    check(/^nginx:\d+\.\d+\.\d+/.test(balancer.image || ''), `${clusterRel}: load-balancer image must be nginx pinned to a release`);
  }
  for (const name of linkNames) {
    const link = nodes[name];
    const env = envOf(link);
    for (const key of ['ESP_ENGINE_REST_URL', 'ESP_ENGINE_USER', 'ESP_ENGINE_PASSWORD', 'ESP_ARTEMIS_URL',
      'ESP_ARTEMIS_USER', 'ESP_ARTEMIS_PASSWORD', 'ESP_DB_URL', 'ESP_DB_USER', 'ESP_DB_PASSWORD',
      'ESP_AUDIT_CHAIN_KEY', 'ESP_SA_BASE_URL', 'ESP_PES_BASE_URL', 'ESP_TAX_BASE_URL', 'ESP_TVET_BASE_URL',
      'ESP_EMPLOYER_BASE_URL', 'ESP_SA_RECEIVER_ID', 'ESP_PES_RECEIVER_ID', 'ESP_HUB_SIGNING_PRIVATE_KEY',
      'ESP_WORKER_ID']) {
      check(env[key] !== undefined && env[key] !== '', `${clusterRel}: ${name} must set ${key}`);
    }
    // the link node acts for the hub: same database, broker, agencies and keys as every hub node
    const nodeEnv = hubNames.length ? envOf(nodes[hubNames[0]]) : {};
    for (const key of ['ESP_ARTEMIS_URL', 'ESP_ARTEMIS_USER', 'ESP_ARTEMIS_PASSWORD', 'ESP_DB_URL', 'ESP_DB_USER',
      'ESP_DB_PASSWORD', 'ESP_AUDIT_CHAIN_KEY', 'ESP_HUB_SIGNING_PRIVATE_KEY', 'ESP_SA_BASE_URL', 'ESP_PES_BASE_URL',
      'ESP_TAX_BASE_URL', 'ESP_TVET_BASE_URL', 'ESP_EMPLOYER_BASE_URL', 'ESP_SA_RECEIVER_ID', 'ESP_PES_RECEIVER_ID']) {
      check(env[key] === nodeEnv[key], `${clusterRel}: ${name} must take ${key} as the hub nodes do`);
    }
    check(env.ESP_ENGINE_USER === nodeEnv.ESP_LINK_USER && env.ESP_ENGINE_PASSWORD === nodeEnv.ESP_LINK_PASSWORD,
      `${clusterRel}: ${name}'s ESP_ENGINE_USER/_PASSWORD must be the hub nodes' ESP_LINK_USER/_PASSWORD`);
    check(/^http:\/\/(load-balancer|hub-\d+):8080\/engine-rest$/.test(env.ESP_ENGINE_REST_URL || ''),
      `${clusterRel}: ${name} ESP_ENGINE_REST_URL must be http://load-balancer:8080/engine-rest (or a hub node's)`);
    check(new Set(linkNames.map((n) => envOf(nodes[n]).ESP_WORKER_ID)).size === linkNames.length,
      `${clusterRel}: every agency-link node needs its own ESP_WORKER_ID`);
  }
  for (const name of Object.keys(cluster.volumes || {})) {
    check(Object.values(nodes).some((s) => mounts(s).some((m) => m.source === name)),
      `${clusterRel}: volume ${name} is declared but not used`);
  }
}

// both targets are built by a service, each under an image name of its own
check(imageOfTarget.has('hub') && imageOfTarget.has('agency-link')
  && imageOfTarget.get('hub') !== imageOfTarget.get('agency-link'),
  `${composeRel}/${clusterRel}: targets hub and agency-link must both be built, under different image names (${JSON.stringify([...imageOfTarget])})`);

// ---- 7. the build context -----------------------------------------------------------------------
const ignorePath = path.join(root, '.dockerignore');
if (check(fs.existsSync(ignorePath), '.dockerignore must exist at the repository root (the build context)')) {
  const ignored = fs.readFileSync(ignorePath, 'utf8').split('\n').map((l) => l.trim());
  for (const pattern of ['**/target/', 'data/', 'node_modules/', '.git/', 'docker/.env']) {
    check(ignored.includes(pattern), `.dockerignore must exclude ${pattern}`);
  }
}

// ---- report -----------------------------------------------------------------------------------
failures.forEach((f) => console.log(`FAIL ${f}`));
console.log(`docker config checks: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
