#!/usr/bin/env bash
# The first referral after a boot against the ones after it:   bash bench/first-referral.sh [referrals=4]
#
# Starts the hub jar (demo profile: H2, embedded Artemis, simulators, in-JVM workers) in a fresh
# data directory, sends the first referral as soon as the hub reports ready, then the others one
# by one, each over STOMP as the README's walkthrough does, and prints for each how long it took
# from the queue to the referral's start and to its intake task in the PES inbox
# (bench/FirstReferral.java). Builds the jar first if it is missing.
# Ports: BENCH_HTTP_PORT (18090) and BENCH_BROKER_PORT (61736), so a running hub is left alone.
# BENCH_JAVA_OPTS goes to the hub's JVM (e.g. -XX:StartFlightRecording or -Xlog:class+load).
set -euo pipefail
cd "$(dirname "$0")/.."
referrals=${1:-4}
port=${BENCH_HTTP_PORT:-18090}
broker=${BENCH_BROKER_PORT:-61736}

[ -f hub/target/esp-hub.jar ] || ./mvnw -q -B -DskipTests package
work=$(mktemp -d)
javac -d "$work/classes" scripts/SendReferral.java bench/FirstReferral.java
booted=$(date +%s%3N)
(cd "$work" && exec java ${BENCH_JAVA_OPTS:-} -jar "${BENCH_HUB_JAR:-$OLDPWD/hub/target/esp-hub.jar}" --server.port="$port" \
    "--esp.messaging.acceptor-url=tcp://127.0.0.1:$broker?protocols=CORE,AMQP,STOMP" > hub.log 2>&1) &
hub=$!
# the hub's log stays for a look at what the referrals did (grep their reference)
trap 'kill $hub 2>/dev/null || true; wait $hub 2>/dev/null || true; rm -rf "$work/data" "$work/classes"; echo "hub log: $work/hub.log"' EXIT
until curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null; do
    kill -0 $hub 2>/dev/null || { echo "the hub stopped; its log:"; tail -50 "$work/hub.log"; exit 1; }
    sleep 0.2
done
echo "hub ready $(( ($(date +%s%3N) - booted) / 1000 )) s after the start; $referrals referrals, one after the other"
sleep "${BENCH_FIRST_DELAY:-0}"
java -cp "$work/classes" FirstReferral --base "http://localhost:$port" --broker-port "$broker" --referrals "$referrals"
