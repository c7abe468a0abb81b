#!/usr/bin/env bash
# Runs every test of every module. Needs Java 17+ and Maven 3.8+ on the PATH; prepares
# (and where missing installs) PostgreSQL and MariaDB through scripts/databases.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v java >/dev/null || { echo "run-tests: java not found: install a JDK 17 or newer" >&2; exit 1; }
command -v mvn >/dev/null || { echo "run-tests: mvn not found: install Apache Maven 3.8 or newer" >&2; exit 1; }

# The integration tests run against real PostgreSQL and MariaDB servers.
bash scripts/databases.sh

exec mvn -B -ntp verify "$@"
