#!/usr/bin/env bash
# Runs the benchmark: Pactum, Narayana and Atomikos one after another, one fresh JVM per cell,
# then prints the Markdown tables. Options: see benchmarks/README.md or `run.sh --help`.
#   bash benchmarks/run.sh --quick     # smoke run, about a minute
#   bash benchmarks/run.sh             # full run: 3 reps x 36 cells x (5 s + 10 s)
#   bash benchmarks/run.sh --suite durable    # durable logs on the disk, syncs counted (needs strace)
#   bash benchmarks/run.sh --suite space      # 1 million transactions: does the file journal stay bounded?
set -euo pipefail
cd "$(dirname "$0")/.."

command -v java >/dev/null || { echo "run.sh: java not found: install a JDK 17 or newer" >&2; exit 1; }

classes=benchmarks/target/classes
stamp=benchmarks/target/classpath.txt

# Builds when a class or the run classpath is missing, or a source or pom is newer than the last build.
needs_build() {
  [[ ! -f $stamp || ! -d $classes ]] && return 0
  [[ -n $(find pom.xml tm-core/pom.xml benchmarks/pom.xml tm-core/src/main benchmarks/src/main \
            -newer "$stamp" -type f 2>/dev/null | head -1) ]]
}

if needs_build; then
  command -v mvn >/dev/null || { echo "run.sh: mvn not found: install Apache Maven 3.8 or newer" >&2; exit 1; }
  echo "run.sh: building tm-core and benchmarks" >&2
  # Offline first; online only when a dependency is not in the local repository yet. Maven's
  # output goes to stderr, without the colour codes it prints even when quiet.
  build() { mvn -B -q "$@" -pl benchmarks -am package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2; }
  rm -f "$stamp" # a failed build must not look finished next time
  build -o || build
  touch "$stamp" # Maven may leave an unchanged classpath file alone
fi

# The launcher itself mostly waits for the cells' JVMs: keep it small.
exec java -Xmx128m -XX:+UseSerialGC -cp "$classes:$(cat "$stamp")" io.pactum.bench.BenchMain \
  --out benchmarks/results --disk-dir benchmarks/work "$@"
