#!/usr/bin/env bash
# Benchmarks (e) and (f) on a cluster, without Docker:   bash bench/cluster.sh [part] [referrals] [callers]
#
#   part e       (b) on two hub nodes and one agency-link node: referrals through the API of both
#                nodes to the PES inbox (ACK latency, ACK rate, sustained rate to the inbox)
#   part f-hub   2000 referrals (a fifth of them for persons SA knows as not eligible, so SA gets a
#                notification for those), hub-2 killed with SIGKILL a quarter of the way in and
#                restarted at once; then what became of each referral (see bench/README.md)
#   part f-link  the same, the agency-link node killed and restarted
#   part all     (the default) all three, each on a fresh database and a fresh broker
#
# What runs (all on this machine, PostgreSQL on 127.0.0.1:5432):
#   broker  one standalone Artemis (fetched once into bench/target/artemis), configured from
#           docker/artemis/broker.xml: the same queues, redelivery and roles, the demo users
#   hub-1   demo profile, workers off, the broker above; runs the agency simulators, which stand
#           for the agencies outside the hub: the simulators keep their counts in memory, so the
#           node that hosts them is not the one killed
#   hub-2   the same without simulators (its agency addresses point at hub-1's); the node killed
#           in f-hub. The agency-link node works through hub-2's engine REST API, so killing hub-2
#           also cuts the link node off in the middle of its tasks
#   link-1  agency-link/target/esp-agency-link.jar: every external task, through the data-sharing gate
# Callers post to both hub nodes (caller n to node n mod 2, the other when one does not answer).
#
# Settings (environment): BENCH_HUB1_PORT (18181), BENCH_HUB2_PORT (18182), BENCH_LINK_PORT (18183),
# BENCH_BROKER_PORT (61746), BENCH_DATABASE (esphub_bench_cluster), BENCH_INELIGIBLE_EVERY (5),
# BENCH_JOB_LOCK_MS (60000: how long a killed node's acquired jobs stay locked; Camunda's default
# is 5 min, which would only add a 5-minute wait to the end of f-hub), BENCH_HUB_POOL (25: each hub's
# database connections, 30 by default; two hubs and the link node's 10 must fit PostgreSQL's 100),
# BENCH_SKIP_BUILD (unset).
# Numbers are printed; nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
part=${1:-all}
referrals=${2:-2000}
callers=${3:-16}
hub1_port=${BENCH_HUB1_PORT:-18181}
hub2_port=${BENCH_HUB2_PORT:-18182}
link_port=${BENCH_LINK_PORT:-18183}
broker_port=${BENCH_BROKER_PORT:-61746}
database=${BENCH_DATABASE:-esphub_bench_cluster}
ineligible_every=${BENCH_INELIGIBLE_EVERY:-5}
job_lock_ms=${BENCH_JOB_LOCK_MS:-60000}
# two hubs and a link node must fit PostgreSQL's default max_connections (100) with room to spare
hub_pool=${BENCH_HUB_POOL:-25}
artemis_version=2.40.0
artemis_home=bench/target/artemis/apache-artemis-$artemis_version
db_url=jdbc:postgresql://127.0.0.1:5432/$database
# DEMO DEFAULTS of the demo profile (application-demo.yaml), public in this repository
demo_password=demo
demo_chain_key=DEMO-DEFAULT-audit-chain-key-never-use-in-production

work=$(mktemp -d)
declare -A pids=()
stop_all() {
    for name in "${!pids[@]}"; do
        kill "${pids[$name]}" 2>/dev/null || true
    done
    for name in "${!pids[@]}"; do
        wait "${pids[$name]}" 2>/dev/null || true
    done
    pids=()
}
trap stop_all EXIT
trap 'exit 130' INT TERM

fetch_artemis() {
    if [ ! -x "$artemis_home/bin/artemis" ]; then
        ./mvnw -q -B dependency:copy -Dartifact=org.apache.activemq:apache-artemis:$artemis_version:tar.gz:bin \
            -DoutputDirectory=bench/target/artemis
        tar xzf "bench/target/artemis/apache-artemis-$artemis_version-bin.tar.gz" -C bench/target/artemis
    fi
}

# A fresh broker instance: docker/artemis/broker.xml with this instance's paths and port, the hub's
# user (role esp-hub) and one user per demo agency (role of the same name, as broker.xml names them)
start_broker() {
    local instance="$work/broker"
    "$artemis_home/bin/artemis" create "$instance" --silent --force --require-login --no-web --nio \
        --user admin --password "$demo_password" --role amq > /dev/null
    sed -e "s#/var/lib/artemis-instance/data#$instance/data#g" \
        -e "s#tcp://0.0.0.0:61616#tcp://127.0.0.1:$broker_port#" \
        docker/artemis/broker.xml > "$instance/etc/broker.xml"
    sed -i -e 's/-Xms512M -Xmx2G/-Xms256M -Xmx768M/' "$instance/etc/artemis.profile"
    # the created files may end without a newline
    printf '\n' >> "$instance/etc/artemis-users.properties"
    printf '\n' >> "$instance/etc/artemis-roles.properties"
    for user in esp-hub sa-system pes-system tvet-provider employer-system tax-system; do
        printf '%s = %s\n' "$user" "$demo_password" >> "$instance/etc/artemis-users.properties"
    done
    for role in esp-hub sa-system pes-system tvet-provider employer-system; do
        printf '%s = %s\n' "$role" "$role" >> "$instance/etc/artemis-roles.properties"
    done
    "$instance/bin/artemis" run > "$work/broker.log" 2>&1 &
    pids[broker]=$!
    for _ in $(seq 1 120); do
        (exec 3<> "/dev/tcp/127.0.0.1/$broker_port") 2> /dev/null && return
        sleep 1
    done
    echo "the broker did not start: $work/broker.log" >&2
    exit 1
}

fresh_database() {
    psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q \
        -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
}

# hub-1 and hub-2: the demo profile's users, clients and agencies, on PostgreSQL and the shared broker
start_hub() {
    local name=$1 port=$2
    shift 2
    java -Xmx1g -jar hub/target/esp-hub.jar --server.port="$port" \
        --spring.datasource.url="$db_url" --spring.datasource.username=postgres --spring.datasource.password= \
        --spring.artemis.mode=native --spring.artemis.embedded.enabled=false \
        --spring.artemis.broker-url="tcp://127.0.0.1:$broker_port" \
        --esp.workers.enabled=false --camel.main.name="esp-$name" \
        --camunda.bpm.job-execution.lock-time-in-millis="$job_lock_ms" \
        --spring.datasource.hikari.maximum-pool-size="$hub_pool" \
        --esp.hub.signing.generate-into="$work/keys/hub-signing.pem" \
        --logging.level.root=WARN "$@" >> "$work/$name.log" 2>&1 &
    pids[$name]=$!
}

start_hub1() {
    start_hub hub-1 "$hub1_port"
}

start_hub2() {
    local agencies="http://localhost:$hub1_port/sim"
    start_hub hub-2 "$hub2_port" --esp.simulators.enabled=false \
        --esp.sa.base-url="$agencies/sa" --esp.pes.base-url="$agencies/pes" --esp.tax.base-url="$agencies/tax" \
        --esp.tvet.base-url="$agencies/tvet" --esp.employer.base-url="$agencies/employer"
}

start_link() {
    local agencies="http://localhost:$hub1_port/sim"
    ESP_HTTP_PORT=$link_port ESP_WORKER_ID=link-1 \
        ESP_ENGINE_REST_URL="http://localhost:$hub2_port/engine-rest" \
        ESP_ENGINE_USER=esp-link ESP_ENGINE_PASSWORD=$demo_password \
        ESP_ARTEMIS_URL="tcp://127.0.0.1:$broker_port" ESP_ARTEMIS_USER=esp-hub ESP_ARTEMIS_PASSWORD=$demo_password \
        ESP_DB_URL="$db_url" ESP_DB_USER=postgres ESP_DB_PASSWORD= ESP_AUDIT_CHAIN_KEY=$demo_chain_key \
        ESP_SA_BASE_URL="$agencies/sa" ESP_PES_BASE_URL="$agencies/pes" ESP_TAX_BASE_URL="$agencies/tax" \
        ESP_TVET_BASE_URL="$agencies/tvet" ESP_EMPLOYER_BASE_URL="$agencies/employer" \
        ESP_SA_RECEIVER_ID=sa.gov.example ESP_PES_RECEIVER_ID=pes.gov.example \
        java -Xmx512m -jar agency-link/target/esp-agency-link.jar --logging.level.root=WARN \
        >> "$work/link-1.log" 2>&1 &
    pids[link-1]=$!
}

await_healthy() {
    local name=$1 port=$2
    for _ in $(seq 1 300); do
        curl -sf "http://localhost:$port/actuator/health" > /dev/null && return
        kill -0 "${pids[$name]}" 2> /dev/null || break
        sleep 1
    done
    echo "$name did not start: $work/$name.log" >&2
    tail -30 "$work/$name.log" >&2
    exit 1
}

start_cluster() {
    stop_all
    fresh_database
    rm -rf "$work/broker"
    start_broker
    start_hub1
    # hub-2 reads the signing key hub-1 generated (every node signs with one key), then both start
    # together; the start lock (ADR 0031) lets one node at a time build its engine
    for _ in $(seq 1 120); do
        [ -s "$work/keys/hub-signing.pem" ] && break
        sleep 1
    done
    start_hub2
    await_healthy hub-1 "$hub1_port"
    await_healthy hub-2 "$hub2_port"
    start_link
    await_healthy link-1 "$link_port"
}

# Waits until a quarter of the referrals are recorded, then kills the node with SIGKILL and
# starts it again at once.
kill_and_restart() {
    local victim=$1 recorded
    for _ in $(seq 1 600); do
        recorded=$(psql -h 127.0.0.1 -U postgres -d "$database" -tAq -c 'SELECT count(*) FROM esp_referral')
        [ "$recorded" -ge $((referrals / 4)) ] && break
        sleep 1
    done
    kill -9 "${pids[$victim]}"
    wait "${pids[$victim]}" 2> /dev/null || true
    echo "(f) $victim killed (SIGKILL) with $recorded referrals recorded; restarting it"
    case "$victim" in
        hub-2) start_hub2 && await_healthy hub-2 "$hub2_port" ;;
        link-1) start_link && await_healthy link-1 "$link_port" ;;
    esac
    echo "(f) $victim up again"
}

load() {
    java bench/ApiLoad.java referrals --base "http://localhost:$hub1_port,http://localhost:$hub2_port" \
        --referrals "$1" --concurrency "$callers" --database "$database" "${@:2}"
}

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    # package, not install: the jars are taken from target/
    ./mvnw -q -B -DskipTests package -pl hub -am
fi
fetch_artemis

if [ "$part" = e ] || [ "$part" = all ]; then
    echo "== (e) DCI API on two hub nodes and one agency-link node: $referrals referrals, $callers callers"
    start_cluster
    load "$referrals"
    echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
for victim in hub-2 link-1; do
    if [ "$part" = "f-${victim%%-*}" ] || [ "$part" = all ]; then
        echo "== (f) $victim killed under load: $referrals referrals, $callers callers, every" \
            "$ineligible_every. for a person not eligible"
        start_cluster
        load "$referrals" --ineligible-every "$ineligible_every" --account > "$work/f-$victim.txt" 2>&1 &
        loader=$!
        kill_and_restart "$victim"
        wait "$loader" || true
        grep -v '^not ACKed\|^post failed' "$work/f-$victim.txt" || true
        echo "(f) not ACKed answers: $(grep -c '^not ACKed' "$work/f-$victim.txt" || true)"
        echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
    fi
done
echo "logs: $work"
