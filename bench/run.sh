#!/usr/bin/env bash
# Agency API benchmark, one command:   bash bench/run.sh [referrals] [concurrent callers] [status seconds]
#
#   (a) GET /status with 32 callers: latency and throughput, first live, then from the projection
#   (b) POST /referrals through the DCI API: ACK latency, ACK rate, sustained rate to the inbox
#   (c) the bare-engine ceiling: the same models on the same database, every external task
#       completed in-process at once (no HTTP, no workers, no gate), and (b) as a share of it
#   (d) webhook deliveries per second: (b)'s referral_created events held back by a paused
#       subscription, then sent to a local receiver
#
#   (e), (f) with BENCH_CLUSTER=1: bench/cluster.sh after the above, with the same referral and
#       caller counts (two hub nodes, one agency-link node, one standalone Artemis; then a hub
#       node and the link node killed under load). On its own: bash bench/cluster.sh
#
# (a), (b) and (d) run the real hub (demo profile: simulators, in-JVM workers, embedded Artemis),
# (c) the hub's engine alone, all on the machine's PostgreSQL (127.0.0.1:5432, a fresh database
# esphub_bench each). Numbers are printed; nothing is asserted beyond every referral arriving.
set -euo pipefail
cd "$(dirname "$0")/.."
referrals=${1:-1000}
concurrency=${2:-16}
status_seconds=${3:-30}
port=18080
receiver_port=18099
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
    "--esp.outbound.allowed-targets=localhost:$port,127.0.0.1:$port,127.0.0.1:$receiver_port" \
    > "$work/hub.log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/actuator/health" > /dev/null && break
    sleep 1
done
echo "== (a) GET /status: 32 callers, $status_seconds s"
java bench/ApiLoad.java status --base "http://localhost:$port" --persons 2000 --concurrency 32 --seconds "$status_seconds"
echo "== (b) DCI API: $referrals referrals, $concurrency callers; (d) then their webhook backlog"
java bench/ApiLoad.java referrals --base "http://localhost:$port" --referrals "$referrals" --concurrency "$concurrency" \
    --webhook-receiver-port "$receiver_port" --webhook-backlog 2000 --database esphub_bench | tee "$work/b.txt"
kill $hub
wait $hub 2>/dev/null || true

echo "== (c) bare-engine ceiling: $referrals referrals, $concurrency starters"
fresh_database
ESP_TEST_DATABASE_URL=$db_url ESP_TEST_DATABASE_USER=postgres ./mvnw -q -B -pl hub test \
    -Dsurefire.excludedGroups=none -Dgroups=benchmark -Dtest=BareEngineCeilingBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.referrals="$referrals" -Dbench.concurrency="$concurrency" -Dserver.port=$port \
    "-Desp.messaging.acceptor-url=tcp://127.0.0.1:61716?protocols=CORE,AMQP,STOMP" \
    | grep -E "ceiling|Tests run|FAIL" | tee "$work/c.txt" || true
hub_rate=$(sed -n 's/.* = \([0-9.]*\) referrals\/s sustained.*/\1/p' "$work/b.txt" | head -1)
bare_rate=$(sed -n 's/.* = \([0-9.]*\) referrals\/s sustained.*/\1/p' "$work/c.txt" | head -1)
if [ -n "$hub_rate" ] && [ -n "$bare_rate" ]; then
    awk -v h="$hub_rate" -v b="$bare_rate" 'BEGIN { printf "hub / bare engine: %.1f / %.1f referrals/s = %.2f of the ceiling\n", h, b, h / b }'
fi
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_CLUSTER:-0}" = 1 ]; then
    BENCH_SKIP_BUILD=1 bash bench/cluster.sh all "$referrals" "$concurrency"
fi
