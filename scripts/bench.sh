#!/usr/bin/env bash
# Runs the jmh suite side by side with DynamoDB Local and prints a Markdown summary (also written
# to jmh/target/bench-summary.md): p50, p99, p99.9, mean ± error, two-thread throughput, the ratio
# of each dynamo4j target to the matching DynamoDB Local target, the mappers, heap per item, and
# the servers' start-up time and resident memory.
#
#   scripts/bench.sh quick   # under 5 minutes on 2 cores: 20,000 ONE_KB items, latency only
#   scripts/bench.sh full    # under 30 minutes on a quiet 2-core machine (estimated): 100,000 items of both shapes, latency
#                            # and two-thread throughput, 1M items for heap per item
#
# Needs the build first (mvn -B verify, or mvn -B -q -pl jmh -am package -DskipTests): it runs
# jmh/target/benchmarks.jar and starts server/target/dynamo4j-server.jar. Needs only java.
#
# Each (target, shape) runs in a JVM of its own with every workload (JMH -f 0 through SharedRun,
# which keeps the loaded table from one benchmark to the next), so each target loads its table
# once: loading DynamoDB Local takes longer than measuring it. See jmh/RESULTS.md.
set -euo pipefail

mode=${1:-}
case "$mode" in
  quick|full) ;;
  *) echo "usage: scripts/bench.sh quick|full" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."
jar=jmh/target/benchmarks.jar
for f in "$jar" server/target/dynamo4j-server.jar; do
  if [ ! -f "$f" ]; then
    echo "bench.sh: $f is missing; build first: mvn -B verify (or mvn -B -q -pl jmh -am package -DskipTests)" >&2
    exit 2
  fi
done

out=jmh/target/bench
rm -rf "$out"
mkdir -p "$out"
started=$(date +%s)

workloads='io\.dynamo4j\.jmh\.(GetItem|PutItem|UpdateItem|ConditionalPut|Query|GsiQuery|Scan|BatchWriteItem|TransactWriteItems)Benchmark\.'
engine_targets="DYNAMO4J_MEMORY DYNAMO4J_SERVER DYNAMODB_LOCAL DYNAMODB_LOCAL_SERVER"
# engine-disk's journal (Chronicle Queue) needs these JVM flags (DiskEngine.JVM_FLAGS).
chronicle_flags=(--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED
  -Dchronicle.analytics.disable=true)
if [ "$mode" = quick ]; then
  groups=""
  for t in $engine_targets; do groups="$groups $t:ONE_KB:20000"; done
  iterations=(-wi 1 -w 500ms -i 2 -r 1s)
  exclude=(-e '\.throughput$')
  mapper=()
  mapped=('Mapped(Get|Put)ItemBenchmark' -p items=1000 -f 1 -wi 1 -w 1s -i 2 -r 1s)
  heap=(-Xmx2g 50000)
  reopen=(100000 TINY)
  startup_runs=2
else
  groups=""
  for t in $engine_targets; do
    for s in ONE_KB TINY; do groups="$groups $t:$s:100000"; done
  done
  # DynamoDB Local's file mode loads at about 4 ms an item (SQLite with a journal; 7 minutes for
  # 100,000), so it runs on 20,000 ONE_KB items only.
  # dynamo4j's disk engine runs beside it on the same 20,000 items.
  groups="$groups DYNAMODB_LOCAL_FILE:ONE_KB:20000 DYNAMO4J_DISK:ONE_KB:20000"
  disk_throughput=('DiskWriteThroughputBenchmark' -f 1 -wi 1 -w 2s -i 3 -r 2s)
  iterations=(-wi 2 -w 1s -i 3 -r 1s)
  exclude=()
  mapper=('MapperBenchmark\.(objectToItem|itemToObject|schemaBuild)$' -p shape=ONE_KB -f 1 -wi 2 -w 1s -i 3 -r 1s)
  mapped=('Mapped(Get|Put)ItemBenchmark' -p items=10000 -f 1 -wi 2 -w 1s -i 3 -r 1s)
  first_schema=('MapperBenchmark\.firstSchema$' -p shape=ONE_KB -f 3)
  heap=(-Xmx8g 1000000)
  reopen=(1000000 TINY)
  startup_runs=5
fi

elapsed() { echo "$(( $(date +%s) - started )) s"; }

for group in $groups; do
  IFS=: read -r target shape items <<< "$group"
  name="$target-$shape"
  echo "bench.sh: $target, $shape, $items items ($(elapsed))" >&2
  if ! java -Xms2g -Xmx2g "${chronicle_flags[@]}" -cp "$jar" io.dynamo4j.jmh.SharedRun "$workloads" ${exclude[@]+"${exclude[@]}"} \
      -f 0 -p target="$target" -p shape="$shape" -p items="$items" "${iterations[@]}" \
      -rf json -rff "$out/$name.json" > "$out/$name.log" 2>&1; then
    echo "bench.sh: $name failed; the end of $out/$name.log:" >&2
    tail -n 30 "$out/$name.log" >&2
    exit 1
  fi
done

echo "bench.sh: mapped GetItem and PutItem ($(elapsed))" >&2
java -jar "$jar" "${mapped[@]}" -rf json -rff "$out/mapped.json" > "$out/mapped.log" 2>&1 \
  || { tail -n 30 "$out/mapped.log" >&2; exit 1; }
if [ "$mode" = full ]; then
  echo "bench.sh: mappers ($(elapsed))" >&2
  java -jar "$jar" "${mapper[@]}" -rf json -rff "$out/mapper.json" > "$out/mapper.log" 2>&1 \
    || { tail -n 30 "$out/mapper.log" >&2; exit 1; }
  java -jar "$jar" "${first_schema[@]}" -rf json -rff "$out/mapper-first.json" > "$out/mapper-first.log" 2>&1 \
    || { tail -n 30 "$out/mapper-first.log" >&2; exit 1; }
fi

if [ "$mode" = full ]; then
  echo "bench.sh: disk write throughput, 16 threads ($(elapsed))" >&2
  java -jar "$jar" "${disk_throughput[@]}" -rf json -rff "$out/disk-throughput.json" > "$out/disk-throughput.log" 2>&1 \
    || { tail -n 30 "$out/disk-throughput.log" >&2; exit 1; }
fi

echo "bench.sh: disk engine reopen after ${reopen[0]} items ($(elapsed))" >&2
java -Xmx2g "${chronicle_flags[@]}" -cp "$jar" io.dynamo4j.jmh.DiskReopen "${reopen[@]}" "$out/reopen.properties" \
  > "$out/reopen.log" 2>&1 || { cat "$out/reopen.log" >&2; exit 1; }

echo "bench.sh: heap per item, ${heap[1]} items ($(elapsed))" >&2
java "${heap[0]}" -XX:+UseSerialGC -cp "$jar" io.dynamo4j.jmh.HeapPerItem "${heap[1]}" ONE_KB "$out/heap.properties" \
  > "$out/heap.log" 2>&1 || { cat "$out/heap.log" >&2; exit 1; }

echo "bench.sh: server start-up, $startup_runs runs each ($(elapsed))" >&2
java -cp "$jar" io.dynamo4j.jmh.ServerStartup "$startup_runs" "$out/startup.properties" \
  > "$out/startup.log" 2>&1 || { cat "$out/startup.log" >&2; exit 1; }

echo "bench.sh: done in $(elapsed)" >&2
java -cp "$jar" io.dynamo4j.jmh.Summary --title "dynamo4j benchmarks ($mode run, $(elapsed))" \
  --out jmh/target/bench-summary.md --footprint "$out/heap.properties" --footprint "$out/startup.properties" --footprint "$out/reopen.properties" \
  "$out"/*.json
