#!/usr/bin/env bash
# `npm run demo`: installs this project's dependencies, builds the package and the sandbox,
# then runs scripts/demo.mjs (sandbox + real n8n with the package, a credential and examples).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/n8n-workflow ] || npm ci --no-audit --no-fund
npm run --silent build
npx tsc -p sandbox
exec node scripts/demo.mjs "$@"
