#!/usr/bin/env bash
# Agency API benchmark, one command:   bash bench/run.sh [referrals] [concurrent callers] [status seconds]
#
#   (a) GET /status with 32 callers: latency and throughput, first live, then from the projection
#   (b) POST /referrals through the DCI API: ACK latency, ACK rate, sustained rate to the inbox
#   (c) the same load started through the engine's Java API, as the ceiling
#
# Both run the real hub (demo profile: simulators, in-JVM workers, embedded Artemis) on the
# machine's PostgreSQL (127.0.0.1:5432, a fresh database esphub_bench). Numbers are printed;
# nothing is asserted beyond every referral arriving.
set -euo pipefail
cd "$(dirname "$0")/.."
referrals=${1:-1000}
concurrency=${2:-16}
status_seconds=${3:-30}
port=18080
db_url=jdbc:postgresql://127.0.0.1:5432/esphub_bench

fresh_database() {
    psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q \
        -c 'DROP DATABASE IF EXISTS esphub_bench' -c 'CREATE DATABASE esphub_bench'
}

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
./mvnw -q -B -DskipTests install

fresh_database
work=$(mktemp -d)
java -Xmx2g -jar hub/target/esp-hub.jar --server.port=$port \
    "--esp.messaging.acceptor-url=tcp://127.0.0.1:61716?protocols=CORE,AMQP,STOMP" \
    --spring.datasource.url=$db_url --spring.datasource.username=postgres --spring.datasource.password= \
    --spring.artemis.embedded.data-directory="$work/artemis" --logging.level.root=WARN \
    > "$work/hub.log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/actuator/health" > /dev/null && break
    sleep 1
done
echo "== (a) GET /status: 32 callers, $status_seconds s"
java bench/ApiLoad.java status --base "http://localhost:$port" --persons 2000 --concurrency 32 --seconds "$status_seconds"
echo "== (b) DCI API: $referrals referrals, $concurrency callers"
java bench/ApiLoad.java referrals --base "http://localhost:$port" --referrals "$referrals" --concurrency "$concurrency"
kill $hub
wait $hub 2>/dev/null || true

echo "== (c) ceiling, engine Java API: $referrals referrals, $concurrency starters"
fresh_database
ESP_TEST_DATABASE_URL=$db_url ESP_TEST_DATABASE_USER=postgres ./mvnw -q -B -pl hub test \
    -Dsurefire.excludedGroups=none -Dgroups=benchmark -Dtest=EngineCeilingBenchmark \
    -Dbench.referrals="$referrals" -Dbench.concurrency="$concurrency" -Dserver.port=$port \
    "-Desp.messaging.acceptor-url=tcp://127.0.0.1:61716?protocols=CORE,AMQP,STOMP" \
    | grep -E "ceiling|Tests run|FAIL" || true
