#!/usr/bin/env bash
# Runs the whole suite with node's test runner. Node 20 does not expand globs itself,
# so the shell lists the files. TEST_DATABASE_URL switches the suite to a PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit
# The formatter's check: lines at 120, one style over the whole tree (npm run format fixes it).
npx prettier --check --log-level warn .
mapfile -t files < <(find src test -name '*.test.ts' -o -name '*.test.tsx' | sort)
exec node --import tsx --test --test-concurrency=1 "$@" "${files[@]}"
