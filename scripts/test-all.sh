#!/usr/bin/env bash
# The one command that installs everything this project needs and runs every check:
# build, type check, n8n's lint rules, the jest suites (nodes through n8n's engine, the
# sandbox) and the end-to-end run in real n8n. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Installing dependencies (npm ci)"
npm ci --no-audit --no-fund

step "Building the package (n8n-node build)"
npm run build

step "Type-checking nodes, tests, sandbox and scripts"
npm run typecheck

step "Linting: n8n-node lint (strict) on the shipped code, the project's rules on the rest"
npm run lint

step "Unit and engine tests (jest)"
report="$(mktemp)"
# The verdict comes from jest's JSON report, so a crash that runs no test cannot pass.
npx jest --ci --json --outputFile="$report" || true
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
process.exit(r.success && r.numTotalTests > 0 ? 0 : 1);
' "$report"

if [ -f scripts/e2e/run.sh ]; then
	step "End-to-end in real n8n (2.x and 1.x) and its editor"
	npm run e2e
fi
