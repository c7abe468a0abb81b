#!/usr/bin/env bash
# The JDBC transfer benchmark in one command: per transaction one row updated in PostgreSQL and
# one in MariaDB, at 1, 4 and 16 threads, through Pactum (PactumDataSource, file journal on
# disk; and anchored: PostgreSQL's data source holds the decisions), Narayana + Agroal
# (agroal-narayana, file store on disk) and raw XA driven by hand (the floor), one fresh JVM
# per cell. Needs the servers of scripts/databases.sh (or PACTUM_PG_URL /
# PACTUM_MYSQL_URL ...). Each cell warms up for 30 s, and then on while the JIT compiler is
# still busy (up to 120 s): on 2 cores shared with both database servers and 16 workers, it
# compiles pool, driver and transaction manager code for 30-60 s. Extra options
# go to run.sh (see benchmarks/README.md) and override these, e.g.
#   bash benchmarks/jdbc.sh --quick
#   bash benchmarks/jdbc.sh --reps 1
set -euo pipefail
cd "$(dirname "$0")/.."
defaults=(--reps 3 --warmup 30s --warmup-max 120s --measure 10s) # later options win
for a in "$@"; do
    if [[ $a == --quick ]]; then
        defaults=()
    fi
done
exec bash benchmarks/run.sh --variants transfer --systems pactum-jdbc-anchored,pactum-jdbc,narayana-jdbc,xa-floor --threads 1,4,16 \
    "${defaults[@]}" "$@"
