#!/usr/bin/env bash
# The integration tests run a second time against an external PostgreSQL when DATABASE_URL is set.
set -euo pipefail
if [ -z "${DATABASE_URL:-}" ]; then
  echo "DATABASE_URL is not set: integration tests against an external PostgreSQL skipped."
  exit 0
fi
PARAPLY_TEST_TARGET=external npx vitest run --project integration
