#!/usr/bin/env bash
# The integration tests against the embedded PostgreSQL and, when DATABASE_URL is set, a second
# time against that external server. Vitest runs one file at a time on a 2-core machine (one
# worker per core but one), and the files spend most of their time waiting on PostgreSQL: the two
# runs go side by side, each with its own database, which takes the whole suite from about 8 to
# about 4 minutes there. Each run's lines carry its name.
set -uo pipefail
if [ -z "${DATABASE_URL:-}" ]; then
  echo "DATABASE_URL is not set: integration tests against an external PostgreSQL skipped."
  exec npx vitest run --project integration
fi
(npx vitest run --project integration 2>&1 | sed -u 's/^/[embedded] /') &
embedded=$!
(PARAPLY_TEST_TARGET=external npx vitest run --project integration 2>&1 | sed -u 's/^/[external] /') &
external=$!
status=0
wait "$embedded" || status=1
wait "$external" || status=1
exit "$status"
