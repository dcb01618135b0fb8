// Drives a real n8n (installed by install.sh into the npm cache) for the end-to-end checks, the
// browser check and the demo: installs this package under its real name into an n8n user
// folder, imports a sandbox credential and workflows, executes workflows and starts the editor.
import { execFileSync, spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGE = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));

/** The editor login the demo and the browser check create on a fresh user folder (loopback only). */
export const DEMO_OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Sandbox-demo-1',
};

/** The id and name every example workflow refers to, so imported examples run without edits. */
export const SANDBOX_CREDENTIAL = { id: 'lsqSandboxCred01', name: 'LeadSquared sandbox' };

/** The environment every n8n process gets: isolated in its user folder, quiet, offline. */
export function n8nEnvironment(userFolder, extra = {}) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'warn',
		...extra,
	};
}

/** A free loopback port, so n8n's task-runner broker never collides with another n8n here. */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** Installs (or reuses) a pinned n8n; returns the node binary and n8n entry script to run it with. */
export function installN8n(version) {
	const output = execFileSync('bash', [join(PROJECT_ROOT, 'scripts/n8n/install.sh'), version], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [node, n8n] = output.trim().split('\n').slice(-2);
	return { version, node, n8n };
}

/** `npm pack` of the built package: exactly what a user installs from the registry. */
export function packPackage(destination) {
	mkdirSync(destination, { recursive: true });
	const output = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
	});
	return join(destination, output.trim().split('\n').pop());
}

/**
 * Installs the packed package where n8n's community-package loader looks for it
 * (`<user folder>/.n8n/nodes/node_modules/<name>`, listed in that folder's package.json), so its
 * nodes load as `n8n-nodes-leadsquared.*` exactly as after an install from the editor.
 */
export function installPackageInto(userFolder, tarball) {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesFolder, 'node_modules', PACKAGE.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const unpacked = mkdtempSync(join(tmpdir(), 'lsq-pack-'));
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
	cpSync(join(unpacked, 'package'), target, { recursive: true });
	rmSync(unpacked, { recursive: true, force: true });
	writeFileSync(
		join(nodesFolder, 'package.json'),
		JSON.stringify(
			{ name: 'installed-nodes', private: true, dependencies: { [PACKAGE.name]: PACKAGE.version } },
			null,
			2,
		),
	);
}

/** A LeadSquared credential pointing both API hosts at the sandbox. */
export function sandboxCredential(sandbox) {
	const { url, options } = sandbox;
	return {
		...SANDBOX_CREDENTIAL,
		type: 'leadSquaredApi',
		data: {
			accessKey: options.accessKey,
			secretKey: options.secretKey,
			apiHost: 'custom',
			customApiHost: url,
			asyncApiKey: options.apiKey,
			asyncApiHost: 'custom',
			customAsyncApiHost: url,
			callsPer5Seconds: 25,
			requestTimeoutSeconds: 60,
			maxRetrySeconds: 120,
		},
	};
}

/** Runs an n8n CLI command to completion; returns stdout and stderr, throws with both on failure. */
export async function runN8nCommand(
	install,
	userFolder,
	args,
	{ allowFailure = false, logLevel = 'warn' } = {},
) {
	const brokerPort = await freePort();
	return new Promise((resolvePromise, reject) => {
		const child = spawn(install.node, [install.n8n, ...args], {
			env: n8nEnvironment(userFolder, {
				N8N_LOG_LEVEL: logLevel,
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0 && !allowFailure) {
				reject(
					new Error(
						`n8n ${args.join(' ')} exited with ${code}\n${stderr.slice(-3000)}\n${stdout.slice(-3000)}`,
					),
				);
			} else {
				resolvePromise({ code, stdout, stderr });
			}
		});
	});
}

/**
 * Prepares a user folder: the package, the sandbox credential and the given workflow files.
 * Importing runs the database migrations, so later commands start quickly.
 */
export async function prepareUserFolder(install, userFolder, { tarball, sandbox, workflowFiles }) {
	mkdirSync(userFolder, { recursive: true });
	installPackageInto(userFolder, tarball);
	const credentialFile = join(userFolder, 'sandbox-credential.json');
	// An unencrypted `data` object is encrypted with the folder's key on import.
	writeFileSync(credentialFile, JSON.stringify([sandboxCredential(sandbox)]));
	const transcript = [
		await runN8nCommand(install, userFolder, ['import:credentials', `--input=${credentialFile}`]),
	];
	rmSync(credentialFile);
	for (const file of workflowFiles) {
		transcript.push(
			await runN8nCommand(install, userFolder, ['import:workflow', `--input=${file}`]),
		);
	}
	return transcript;
}

/** The paths of the workflow JSON files in a folder. */
export function workflowFilesIn(folder) {
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.map((file) => join(folder, file));
}

/**
 * `n8n execute --rawOutput` of a stored workflow. Returns the run data, and the whole console
 * output so callers can search it (for secrets, say). n8n prints start-up lines before the JSON.
 */
export async function executeWorkflow(install, userFolder, workflowId) {
	const result = await runN8nCommand(
		install,
		userFolder,
		['execute', `--id=${workflowId}`, '--rawOutput'],
		{
			allowFailure: true,
			// --rawOutput prints the run data through the logger at level info.
			logLevel: 'info',
		},
	);
	const execution = runDataIn(result.stdout);
	// Kept for a look when a run's data cannot be read (the check that fails says only that).
	if (!execution) {
		mkdirSync(join(PROJECT_ROOT, '.e2e-artifacts'), { recursive: true });
		writeFileSync(
			join(PROJECT_ROOT, '.e2e-artifacts', `execute-${workflowId}.txt`),
			`${result.stdout}\n--- stderr\n${result.stderr}`,
		);
	}
	return { ...result, execution };
}

/**
 * The run data JSON in `n8n execute` output: from a line that is just "{" to the last line that
 * is just "}". n8n 2.x sometimes logs a line (task runner shutdown) after the JSON.
 */
function runDataIn(stdout) {
	const start = stdout.search(/^\{$/m);
	if (start < 0) return undefined;
	const tail = stdout.slice(start);
	for (const candidate of [tail, tail.slice(0, tail.lastIndexOf('\n}') + 2)]) {
		try {
			return JSON.parse(candidate);
		} catch {
			// try the next candidate
		}
	}
	return undefined;
}

/** Starts `n8n start` and resolves once the editor answers; `stop()` ends it. */
export async function startN8n(install, userFolder, { port, logFile }) {
	const brokerPort = await freePort();
	const child = spawn(install.node, [install.n8n, 'start'], {
		env: n8nEnvironment(userFolder, {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	const keep = (chunk) => {
		log += chunk;
		if (logFile) writeFileSync(logFile, log);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 180_000;
	let ready = false;
	while (!ready && Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n start exited with ${child.exitCode}:\n${log.slice(-3000)}`);
		try {
			// /healthz answers before the REST API is mounted; the settings route comes last.
			ready = (await fetch(`${url}/rest/settings`)).ok;
		} catch {
			// not listening yet
		}
		if (!ready) await new Promise((done) => setTimeout(done, 500));
	}
	if (!ready) {
		child.kill('SIGKILL');
		throw new Error(`n8n did not answer on ${url} within 3 minutes:\n${log.slice(-3000)}`);
	}
	return {
		url,
		log: () => log,
		stop: () =>
			new Promise((done) => {
				if (child.exitCode !== null) return done();
				child.once('close', done);
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
			}),
	};
}

/** Creates the instance owner on a fresh user folder (no-op when one exists). */
export async function setupOwner(url, owner) {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok && response.status !== 400) {
		throw new Error(`owner setup answered ${response.status}: ${await response.text()}`);
	}
}

export function ensureBuilt() {
	if (!existsSync(join(PROJECT_ROOT, 'dist', 'nodes', 'LeadSquared', 'LeadSquared.node.js'))) {
		throw new Error('Build the package first: npm run build');
	}
	if (!existsSync(join(PROJECT_ROOT, 'sandbox', 'dist', 'server.js'))) {
		throw new Error('Build the sandbox first: npx tsc -p sandbox');
	}
}

/** The sandbox, started in this process so its state can be checked directly. */
export async function startSandbox(options = {}) {
	const { startSandbox: start } = await import(join(PROJECT_ROOT, 'sandbox', 'dist', 'server.js'));
	return start({ port: 0, ...options });
}

/** Named pass/fail checks that print as they go; `summary(label)` prints the count line. */
export function checklist() {
	let passed = 0;
	let failed = 0;
	return {
		check(name, condition, detail = '') {
			if (condition) {
				passed += 1;
				console.log(`  ✓ ${name}`);
			} else {
				failed += 1;
				console.log(`  ✗ ${name}${detail ? `: ${detail}` : ''}`);
			}
		},
		/** Prints "<label>: N passed, M failed" and returns whether all passed (and any ran). */
		summary(label, suffix = '') {
			console.log(`\n${label}: ${passed} passed, ${failed} failed${suffix}`);
			return failed === 0 && passed > 0;
		},
	};
}
