#!/usr/bin/env bash
# End to end in real n8n: `n8n execute` of the examples and an every-operation workflow on
# n8n 2.41.1 and 1.123.5 against the local sandbox, the trigger nodes in a running n8n
# (webhook deliveries and polls), then the editor in headless Chromium.
# Installs what it needs on first use: n8n into the npm cache (scripts/n8n/install.sh) and
# Debian's chromium package. Ends with a smoke run of `npm run demo`. Expects `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/../.."

versions=(${E2E_N8N_VERSIONS:-2.41.1 1.123.5})

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
	echo "Installing Debian's chromium package for the browser check"
	as_root=()
	[ "$(id -u)" -ne 0 ] && as_root=(sudo)
	export DEBIAN_FRONTEND=noninteractive
	"${as_root[@]}" apt-get install -y -q chromium >/dev/null 2>&1 ||
		{ "${as_root[@]}" apt-get update -q >/dev/null && "${as_root[@]}" apt-get install -y -q chromium >/dev/null; }
fi

npx tsc -p sandbox

status=0
node scripts/e2e/execute.mjs "${versions[@]}" || status=1
node scripts/e2e/trigger.mjs "${versions[@]}" || status=1
node scripts/e2e/browser.mjs "${versions[0]}" || status=1
# The README's try-it command, started and signed in to, then stopped.
DEMO_N8N_VERSION="${versions[0]}" node scripts/demo.mjs --smoke || status=1
exit $status
