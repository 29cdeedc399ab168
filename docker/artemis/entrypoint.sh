#!/usr/bin/env bash
# Entry point of the "artemis" service in docker/compose.yaml, wrapped around the official
# image's own /docker-run.sh (apache/activemq-artemis).
#
# The image creates the broker instance on the first start only: it copies etc-override/* into
# etc/ and writes the administrator ARTEMIS_USER (role "amq") at that moment and never again.
# The hub needs two things on every start, so that a changed broker.xml or .env takes effect:
#   1. etc-override/broker.xml (docker/artemis/broker.xml) copied into etc/,
#   2. its own user ESP_ARTEMIS_USER with the role "esp-hub" in the broker's JAAS property files.
#
# ARTEMIS_INSTANCE_DIR and ARTEMIS_DOCKER_RUN exist so docker/check.sh can run this script
# against a throw-away folder; in the container they keep their defaults.
set -euo pipefail

instance="${ARTEMIS_INSTANCE_DIR:-/var/lib/artemis-instance}"
docker_run="${ARTEMIS_DOCKER_RUN:-/docker-run.sh}"
hub_role="esp-hub"

die() {
    echo "artemis entrypoint: $*" >&2
    exit 1
}

: "${ARTEMIS_USER:?set ARTEMIS_USER (broker administrator) in docker/.env}"
: "${ESP_ARTEMIS_USER:?set ESP_ARTEMIS_USER (the broker user of the hub) in docker/.env}"
: "${ESP_ARTEMIS_PASSWORD:?set ESP_ARTEMIS_PASSWORD in docker/.env}"
[ "$ESP_ARTEMIS_USER" != "$ARTEMIS_USER" ] \
    || die "ESP_ARTEMIS_USER must differ from ARTEMIS_USER: the hub gets its own user and role"
case "$ESP_ARTEMIS_USER" in
    *[!A-Za-z0-9._-]*) die "ESP_ARTEMIS_USER may hold letters, digits, '.', '_' and '-' only" ;;
esac

cd "$instance"
[ -f etc-override/broker.xml ] || die "$instance/etc-override/broker.xml is not mounted"

if [ ! -f etc/broker.xml ]; then
    # First start: the image's script creates the instance (users, roles, login config, and a
    # copy of etc-override/*), then runs "artemis version", which returns at once.
    "$docker_run" version > /dev/null
fi
for file in broker.xml artemis-users.properties artemis-roles.properties; do
    [ -f "etc/$file" ] || die "instance creation left no etc/$file"
done

cp etc-override/broker.xml etc/broker.xml

# TLS for agencies, when a keystore is given: a second acceptor (61617) speaking the same protocols
# over TLS 1.2/1.3. Written here rather than in broker.xml so that a stack without a keystore still
# starts; agencies outside the host's network should only be offered this one.
if [ -n "${ESP_BROKER_TLS_KEYSTORE:-}" ]; then
    [ -f "$ESP_BROKER_TLS_KEYSTORE" ] \
        || die "ESP_BROKER_TLS_KEYSTORE=$ESP_BROKER_TLS_KEYSTORE is no file in the container (mount docker/artemis/tls)"
    : "${ESP_BROKER_TLS_KEYSTORE_PASSWORD:?set ESP_BROKER_TLS_KEYSTORE_PASSWORD with ESP_BROKER_TLS_KEYSTORE}"
    # both go into an acceptor URL inside XML: nothing that would end the option or the element
    case "$ESP_BROKER_TLS_KEYSTORE$ESP_BROKER_TLS_KEYSTORE_PASSWORD" in
        *[\;\&\<\>\"\'\ ]*) die "ESP_BROKER_TLS_KEYSTORE and its password may not hold ; & < > quotes or spaces" ;;
    esac
    tls="tcp://0.0.0.0:61617?protocols=CORE,AMQP,STOMP;sslEnabled=true;enabledProtocols=TLSv1.2,TLSv1.3"
    tls="$tls;keyStorePath=$ESP_BROKER_TLS_KEYSTORE;keyStorePassword=$ESP_BROKER_TLS_KEYSTORE_PASSWORD"
    awk -v acceptor="         <acceptor name=\"agencies-tls\">$tls</acceptor>" '
        /<\/acceptors>/ && !done { print acceptor; done = 1 }
        { print }
    ' etc/broker.xml > etc/broker.xml.tls
    mv etc/broker.xml.tls etc/broker.xml
    echo "artemis entrypoint: TLS acceptor on 61617 with keystore $ESP_BROKER_TLS_KEYSTORE"
fi

# Sets "key = value" in a Java properties file: drops every line for that key, appends one.
set_property() {
    local file="$1" key="$2" value="$3" tmp
    tmp="$(mktemp "$file.XXXXXX")"
    awk -v key="$key" '
        { line = $0; sub(/^[ \t]+/, "", line); k = line; sub(/[ \t]*[=:].*$/, "", k) }
        k != key { print }
    ' "$file" > "$tmp"
    # a backslash is an escape character in properties files
    printf '%s = %s\n' "$key" "${value//\\/\\\\}" >> "$tmp"
    cat "$tmp" > "$file"
    rm -f "$tmp"
}

set_property etc/artemis-users.properties "$ESP_ARTEMIS_USER" "$ESP_ARTEMIS_PASSWORD"
set_property etc/artemis-roles.properties "$hub_role" "$ESP_ARTEMIS_USER"
echo "artemis entrypoint: broker.xml from etc-override, user '$ESP_ARTEMIS_USER' in role '$hub_role'"

exec "$docker_run" "$@"
