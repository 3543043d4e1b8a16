#!/usr/bin/env bash
# The browser journeys, built once and run in two parts side by side, each part with its own
# server, database and mail, so that neither part sees the other's changes. One part alone leaves
# a quarter of a 2-core machine idle (the journeys wait on the browser and the server in turn);
# two parts took the suite from 384 to 331 s there (2026-12-01). Each part's lines carry
# its name.
set -uo pipefail
cd "$(dirname "$0")/.."
NODE_ENV=production npx vite build --logLevel warn || exit 1
export PARAPLY_E2E_BUILT=1
pids=()
for part in 1 2; do
  (PARAPLY_E2E_PART=$part npx vitest run --project e2e --shard="$part/2" "$@" 2>&1 |
    sed -u "s/^/[e2e $part\/2] /") &
  pids+=("$!")
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit "$status"
