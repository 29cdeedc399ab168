#!/usr/bin/env bash
# Checks the Docker stack without a Docker engine; exits non-zero on any problem.
#
#   npm ci                # once: brings js-yaml (root package.json devDependencies)
#   bash docker/check.sh
#
# 1. compose.yaml, the hub's application*.yaml (YAML) and broker.xml, the POMs (XML) parse; where a
#    compose client is installed ("docker compose", or Debian's docker-compose v1), its "config"
#    validates compose.yaml and cluster.yaml with .env.example (no engine needed).
# 2. docker/check/check-config.js: compose.yaml and cluster.yaml <-> .env.example, cluster.yaml's
#    nodes, database and broker <-> compose.yaml's, the load balancer <-> the hub nodes, production
#    profile variables set for the hub, docker/Dockerfile (stage build, targets hub and agency-link)
#    <-> Maven build (modules, one package, jar names, main classes, ports, health probes), the hub's
#    class-data sharing archive <-> its training run, compose services <-> targets, the agency-link
#    services <-> the hub's settings, broker.xml <-> application.yaml (queues, DLQ, redelivery,
#    acceptor, hub role), .dockerignore. docker/check/check-grafana.js: the monitoring profile's
#    Prometheus and Grafana files parse, and the KPI dashboard draws only metrics and KPIs the hub exports.
# 3. docker/artemis/entrypoint.sh: syntax, and its behaviour against a stand-in of the image.
# 4. The Artemis image is the release of the client the hub ships (Spring Boot's artemis.version),
#    and broker.xml is valid against that release's schema. Needs the Maven repository that
#    ./mvnw filled; skipped with a notice before the first build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
    echo "FAIL $*"
    failed=1
}

for tool in node python3; do
    command -v "$tool" > /dev/null || { echo "FAIL $tool is not installed"; exit 1; }
done
if [ ! -f node_modules/js-yaml/package.json ]; then
    echo "FAIL js-yaml is not installed: run 'npm ci' in $root"
    exit 1
fi

# ---- 1 + 2: parse and compare -------------------------------------------------------------------
echo "== configuration consistency"
if python3 docker/check/xml_facts.py "$root" > "$tmp/facts.json"; then
    node docker/check/check-config.js "$root" "$tmp/facts.json" || failed=1
else
    fail "XML files do not parse (see above)"
fi

# Monitoring profile: Prometheus and Grafana provisioning parse, the KPI dashboard draws exported series
node docker/check/check-grafana.js "$root" || failed=1

# Compose's own model check, where a compose client is installed (it needs no engine).
for file in docker/compose.yaml docker/cluster.yaml; do
    if docker compose version > /dev/null 2>&1; then
        docker compose -f "$file" --env-file "$root/docker/.env.example" config -q \
            || fail "docker compose config rejects $file"
        echo "docker compose config $file: ok"
    elif command -v docker-compose > /dev/null \
        && [[ "$(docker-compose version --short 2> /dev/null || true)" == 1.* ]]; then
        # the legacy v1 client does not know the top-level "name" of the Compose Specification
        sed '/^name:/d' "$file" > "$tmp/$(basename "$file")"
        docker-compose --project-directory "$root/docker" -f "$tmp/$(basename "$file")" \
            --env-file "$root/docker/.env.example" config -q \
            || fail "docker-compose config rejects $file"
        echo "docker-compose (v1) config $file: ok"
    else
        echo "SKIP no compose client: $file checked as YAML only"
    fi
done

# ---- 3: the Artemis entrypoint ----------------------------------------------------------------
echo "== artemis entrypoint"
for script in docker/artemis/entrypoint.sh docker/postgres/init-roles.sh docker/check.sh; do
    bash -n "$script" || fail "$script has a syntax error"
done

instance="$tmp/artemis-instance"
mkdir -p "$instance/etc-override"
cp docker/artemis/broker.xml "$instance/etc-override/broker.xml"
# stand-in for the image's /docker-run.sh: creates the instance once, copies etc-override/*
cat > "$tmp/docker-run.sh" <<'EOF'
#!/usr/bin/env bash
set -e
if [ ! -f ./etc/broker.xml ]; then
    mkdir -p etc
    echo '<configuration/>' > etc/broker.xml
    printf '## users\n%s = ENC(admin-hash)\n' "$ARTEMIS_USER" > etc/artemis-users.properties
    printf '## roles\namq = %s\n' "$ARTEMIS_USER" > etc/artemis-roles.properties
    cp ./etc-override/* ./etc/
fi
echo "$*" >> ran.txt
EOF
chmod +x "$tmp/docker-run.sh"

run_entrypoint() {
    env -i PATH="$PATH" ARTEMIS_INSTANCE_DIR="$instance" ARTEMIS_DOCKER_RUN="$tmp/docker-run.sh" \
        ARTEMIS_USER=broker-admin ARTEMIS_PASSWORD=admin-secret "$@" \
        bash docker/artemis/entrypoint.sh run > "$tmp/entrypoint.log" 2>&1
}

if ! run_entrypoint ESP_ARTEMIS_USER=esp-hub ESP_ARTEMIS_PASSWORD=first; then
    cat "$tmp/entrypoint.log"
    fail "entrypoint.sh failed on a fresh instance"
fi
# a later start: new password, changed broker.xml must both take effect
echo '<!-- changed -->' >> "$instance/etc-override/broker.xml"
if ! run_entrypoint ESP_ARTEMIS_USER=esp-hub 'ESP_ARTEMIS_PASSWORD=sec=ret\2'; then
    cat "$tmp/entrypoint.log"
    fail "entrypoint.sh failed on an existing instance"
fi
users="$instance/etc/artemis-users.properties"
roles="$instance/etc/artemis-roles.properties"
cmp -s "$instance/etc-override/broker.xml" "$instance/etc/broker.xml" \
    || fail "entrypoint.sh did not copy etc-override/broker.xml into etc/ on a restart"
[ "$(grep -c '^esp-hub = ' "$users" || true)" = 1 ] && grep -qxF 'esp-hub = sec=ret\\2' "$users" \
    || fail "entrypoint.sh did not leave exactly one hub user with the current password in artemis-users.properties"
grep -qxF 'broker-admin = ENC(admin-hash)' "$users" || fail "entrypoint.sh damaged the administrator in artemis-users.properties"
[ "$(grep -c '^esp-hub = ' "$roles" || true)" = 1 ] && grep -qxF 'esp-hub = esp-hub' "$roles" \
    || fail "entrypoint.sh did not put the hub user in role esp-hub exactly once"
grep -qxF 'amq = broker-admin' "$roles" || fail "entrypoint.sh damaged role amq in artemis-roles.properties"
[ "$(cat "$instance/ran.txt")" = "$(printf 'version\nrun\nrun')" ] \
    || fail "entrypoint.sh must create the instance once ('version') and then exec the image's script with 'run'"
if run_entrypoint ESP_ARTEMIS_USER=broker-admin ESP_ARTEMIS_PASSWORD=x; then
    fail "entrypoint.sh must refuse ESP_ARTEMIS_USER equal to ARTEMIS_USER"
fi
# the TLS acceptor: added when a keystore is given, refused without its file or with unsafe characters
touch "$tmp/broker.p12"
if ! run_entrypoint ESP_ARTEMIS_USER=esp-hub ESP_ARTEMIS_PASSWORD=x ESP_BROKER_TLS_KEYSTORE="$tmp/broker.p12" \
    ESP_BROKER_TLS_KEYSTORE_PASSWORD=ks-secret; then
    cat "$tmp/entrypoint.log"
    fail "entrypoint.sh failed with a TLS keystore"
fi
grep -qF "<acceptor name=\"agencies-tls\">tcp://0.0.0.0:61617?protocols=CORE,AMQP,STOMP;sslEnabled=true;enabledProtocols=TLSv1.2,TLSv1.3;keyStorePath=$tmp/broker.p12;keyStorePassword=ks-secret</acceptor>" \
    "$instance/etc/broker.xml" || fail "entrypoint.sh did not add the TLS acceptor to etc/broker.xml"
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$instance/etc/broker.xml" \
    || fail "etc/broker.xml with the TLS acceptor is not well-formed XML"
if run_entrypoint ESP_ARTEMIS_USER=esp-hub ESP_ARTEMIS_PASSWORD=x ESP_BROKER_TLS_KEYSTORE="$tmp/missing.p12" \
    ESP_BROKER_TLS_KEYSTORE_PASSWORD=ks-secret; then
    fail "entrypoint.sh must refuse a TLS keystore that is not there"
fi
if run_entrypoint ESP_ARTEMIS_USER=esp-hub ESP_ARTEMIS_PASSWORD=x ESP_BROKER_TLS_KEYSTORE="$tmp/broker.p12" \
    'ESP_BROKER_TLS_KEYSTORE_PASSWORD=a;b<c'; then
    fail "entrypoint.sh must refuse a keystore password that would break the acceptor URL"
fi
[ "$failed" = 0 ] && echo "artemis entrypoint: ok"

# ---- 4: Artemis release and schema ----------------------------------------------------------------
echo "== artemis release and schema"
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
boot_version="$(node -p "require('$tmp/facts.json').pom.springBootVersion")"
boot_pom="$repo/org/springframework/boot/spring-boot-dependencies/$boot_version/spring-boot-dependencies-$boot_version.pom"
image="$(node -e "
  const y = require('js-yaml');
  console.log(y.load(require('fs').readFileSync('docker/compose.yaml', 'utf8')).services.artemis.image);")"
image_version="${image##*:}"
if [ ! -f "$boot_pom" ]; then
    echo "SKIP no $boot_pom yet: run ./mvnw once, then this check compares the broker image with the client"
else
    client_version="$(sed -n '/<artemis.version>/{s:.*<artemis.version>\([^<]*\)</artemis.version>.*:\1:p;q;}' "$boot_pom")"
    if [ "$image_version" != "$client_version" ]; then
        fail "compose artemis image $image: use the release of the hub's Artemis client ($client_version, Spring Boot $boot_version)"
    fi
    server_jar="$repo/org/apache/activemq/artemis-server/$client_version/artemis-server-$client_version.jar"
    if [ ! -f "$server_jar" ]; then
        echo "SKIP no $server_jar yet: run ./mvnw once to validate broker.xml against the schema"
    elif ! command -v java > /dev/null; then
        echo "SKIP no java on PATH to validate broker.xml against the schema"
    elif java -XX:TieredStopAtLevel=1 -Xshare:auto docker/check/ValidateBrokerXml.java "$server_jar" docker/artemis/broker.xml; then
        echo "broker.xml: valid against artemis-configuration.xsd $client_version; image $image"
    else
        fail "docker/artemis/broker.xml is not valid for Artemis $client_version"
    fi
fi

if [ "$failed" != 0 ]; then
    echo "docker/check.sh: FAILED"
    exit 1
fi
echo "docker/check.sh: all checks passed"
