#!/usr/bin/env bash
# Makes PostgreSQL and MariaDB ready for Pactum's integration tests on this machine:
# installs them from Debian packages when they are missing, starts them, sets PostgreSQL's
# max_prepared_transactions (0 by default, which disables XA) and restarts it, and creates the
# database pactum_it and the user pactum (password pactum) in both.
# Needs root (or sudo) the first time. Safe to run again: it changes only what is not ready.
set -euo pipefail

DB=pactum_it
USER_NAME=pactum
PASSWORD=pactum
PG_PORT=${PACTUM_PG_PORT:-5432}
MY_PORT=${PACTUM_MYSQL_PORT:-3306}
MIN_PREPARED=64

say() { echo "databases: $*" >&2; }
die() { say "$*"; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

install_missing() {
  local pkgs=()
  command -v pg_ctlcluster >/dev/null || pkgs+=(postgresql)
  [ -x /usr/sbin/mariadbd ] || [ -x /usr/sbin/mysqld ] || pkgs+=(mariadb-server)
  [ ${#pkgs[@]} -eq 0 ] && return
  command -v apt-get >/dev/null || die "missing ${pkgs[*]} and no apt-get: install PostgreSQL 15+ and MariaDB 10.11+ (or MySQL 8) yourself, listening on 127.0.0.1:$PG_PORT and :$MY_PORT"
  say "installing ${pkgs[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
}

pg_cluster() { ls /etc/postgresql | sort -V | tail -n 1; }
pg_admin() { as_root runuser -u postgres -- psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@"; }
pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

wait_for() {
  local what=$1; shift
  for _ in $(seq 1 60); do "$@" && return 0; sleep 1; done
  die "$what did not come up within 60 s"
}

start_postgres() {
  if ! pg_ready; then
    say "starting PostgreSQL $(pg_cluster)"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(pg_cluster)" main start || true
    wait_for PostgreSQL pg_ready
  fi
  local prepared
  prepared=$(pg_admin -c "show max_prepared_transactions")
  if [ "$prepared" -lt "$MIN_PREPARED" ]; then
    say "max_prepared_transactions is $prepared: setting it to 100 and restarting PostgreSQL"
    pg_admin -c "ALTER SYSTEM SET max_prepared_transactions = 100"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(pg_cluster)" main restart
    wait_for PostgreSQL pg_ready
  fi
  pg_admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$USER_NAME') THEN CREATE ROLE $USER_NAME LOGIN PASSWORD '$PASSWORD'; END IF; END \$\$"
  if [ -z "$(pg_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    pg_admin -c "CREATE DATABASE $DB OWNER $USER_NAME"
  fi
}

my_admin() { as_root mariadb -uroot --protocol=socket "$@" 2>/dev/null || as_root mariadb -uroot -h127.0.0.1 -P"$MY_PORT" "$@"; }
my_ready() { mariadb-admin -h127.0.0.1 -P"$MY_PORT" -u"$USER_NAME" -p"$PASSWORD" ping >/dev/null 2>&1 || my_admin -e "select 1" >/dev/null 2>&1; }

start_mariadb() {
  if ! my_ready; then
    say "starting MariaDB"
    as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    wait_for MariaDB my_ready
  fi
  my_admin -e "CREATE DATABASE IF NOT EXISTS $DB;
    CREATE USER IF NOT EXISTS '$USER_NAME'@'localhost' IDENTIFIED BY '$PASSWORD';
    CREATE USER IF NOT EXISTS '$USER_NAME'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
    GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'localhost';
    GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'127.0.0.1';
    FLUSH PRIVILEGES;"
}

install_missing
start_postgres
start_mariadb
say "ready: PostgreSQL 127.0.0.1:$PG_PORT and MariaDB 127.0.0.1:$MY_PORT, database $DB, user $USER_NAME/$PASSWORD"
