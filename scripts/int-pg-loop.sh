#!/usr/bin/env bash
# The PostgreSQL integration stage, run again and again (issue 9 point 7: it must pass on a busy
# machine, with another copy of itself running beside it on a second cluster).
#
#   scripts/int-pg-loop.sh PG_PORT MQTT_PORT RUNS TAG [OUT_DIR]
#
# Needs a PostgreSQL cluster on PG_PORT with a database niangjia_test and a Mosquitto on MQTT_PORT
# (see .ci/run for both). Each run's vitest log and JSON report go to OUT_DIR (default
# /tmp/niangjia-int-loop); one line per run (exit code, seconds, load average, test counts) is
# appended to OUT_DIR/summary.txt. Start two of these at once, on two ports, for the parallel proof.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PG=$1 MQ=$2 N=$3 TAG=$4 OUT=${5:-/tmp/niangjia-int-loop}
mkdir -p "$OUT"
for i in $(seq "${START:-1}" "$N"); do
  s=$(date +%s) start=$(date -u +%H:%M:%S)
  CI=true NIANGJIA_TEST_DB=postgres TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG/niangjia_test" \
    TEST_MQTT_URL="mqtt://127.0.0.1:$MQ" \
    node node_modules/vitest/vitest.mjs run --project int --reporter=default --reporter=json \
    --outputFile.json="$OUT/$TAG-run$i.json" >"$OUT/$TAG-run$i.log" 2>&1
  rc=$?
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "$OUT/$TAG-run$i.log" | grep -E '^ +Tests ' | tail -1)
  echo "$TAG run $i start $start rc=$rc seconds=$(($(date +%s) - s)) load=$(cut -d' ' -f1-3 /proc/loadavg) $tests" >>"$OUT/summary.txt"
done
