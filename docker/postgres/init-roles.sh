#!/usr/bin/env bash
# Runs once, on the first start of an empty PostgreSQL volume (the image runs every script in
# /docker-entrypoint-initdb.d as the superuser POSTGRES_USER, against POSTGRES_DB).
#
# Two roles besides the superuser:
#   ESP_DB_MIGRATION_USER  owns database, schema and (through Flyway, at each hub start) every
#                          table, Camunda's included; nobody else may create anything
#   ESP_DB_USER            the hub at run time: connect, and the data rights the hub's Flyway
#                          callback grants it (read and write data; on the audit log read, append
#                          and the retention delete the trigger allows). Owns nothing, so it
#                          cannot alter or drop a table or disable the audit log's trigger.
set -euo pipefail

for name in ESP_DB_MIGRATION_USER ESP_DB_MIGRATION_PASSWORD ESP_DB_USER ESP_DB_PASSWORD; do
    if [ -z "${!name:-}" ]; then
        echo "init-roles.sh: $name is not set" >&2
        exit 1
    fi
done
if [ "$ESP_DB_USER" = "$ESP_DB_MIGRATION_USER" ] || [ "$ESP_DB_USER" = "$POSTGRES_USER" ]; then
    echo "init-roles.sh: ESP_DB_USER must differ from ESP_DB_MIGRATION_USER and POSTGRES_USER" >&2
    exit 1
fi

# values travel as psql variables (:"identifier", :'literal'), never spliced into SQL text
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v db="$POSTGRES_DB" \
    -v migration_user="$ESP_DB_MIGRATION_USER" -v migration_password="$ESP_DB_MIGRATION_PASSWORD" \
    -v app_user="$ESP_DB_USER" -v app_password="$ESP_DB_PASSWORD" <<'SQL'
CREATE ROLE :"migration_user" LOGIN PASSWORD :'migration_password';
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
ALTER DATABASE :"db" OWNER TO :"migration_user";
ALTER SCHEMA public OWNER TO :"migration_user";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"app_user";
GRANT USAGE ON SCHEMA public TO :"app_user";
SQL
echo "init-roles.sh: roles $ESP_DB_MIGRATION_USER (owner) and $ESP_DB_USER (application) created"
