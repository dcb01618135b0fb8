// Try the package without a LeadSquared account: the local sandbox plus a real n8n with this
// package installed, a ready credential and the example workflows. Run through `npm run demo`,
// which builds first. Ctrl+C stops both. `--smoke` starts everything, checks the editor sign-in
// works, and stops (the end-to-end run uses it to prove this command works).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	DEMO_OWNER,
	PROJECT_ROOT,
	ensureBuilt,
	freePort,
	installN8n,
	packPackage,
	prepareUserFolder,
	setupOwner,
	startN8n,
	startSandbox,
	workflowFilesIn,
} from './n8n/n8n.mjs';

const smoke = process.argv.includes('--smoke');
const version = process.env.DEMO_N8N_VERSION ?? '2.41.1';
// The demo keeps its n8n data and the sandbox's leads between runs; the smoke check does not.
const home = smoke
	? mkdtempSync(join(tmpdir(), 'lsq-demo-'))
	: (process.env.DEMO_HOME ?? join(PROJECT_ROOT, '.demo'));
const n8nPort = smoke ? await freePort() : Number(process.env.N8N_PORT ?? 5678);
const sandboxPort = smoke ? 0 : Number(process.env.LSQ_SANDBOX_PORT ?? 8787);

ensureBuilt();
const started = Date.now();
console.log(`Installing or reusing n8n ${version} (first time: about 3 minutes)...`);
const install = installN8n(version);
mkdirSync(home, { recursive: true });
const sandbox = await startSandbox({
	port: sandboxPort,
	dataFile: join(home, 'sandbox-leads.json'),
});
const packFolder = mkdtempSync(join(tmpdir(), 'lsq-pack-'));
let n8n;
const stop = async () => {
	await n8n?.stop();
	await sandbox.close();
	rmSync(packFolder, { recursive: true, force: true });
	if (smoke) rmSync(home, { recursive: true, force: true });
};

try {
	console.log(
		'Installing the package into n8n, with a sandbox credential and the example workflows...',
	);
	await prepareUserFolder(install, join(home, 'n8n'), {
		tarball: packPackage(packFolder),
		sandbox,
		workflowFiles: workflowFilesIn(join(PROJECT_ROOT, 'examples')),
	});
	console.log('Starting n8n...');
	n8n = await startN8n(install, join(home, 'n8n'), {
		port: n8nPort,
		logFile: join(home, 'n8n.log'),
	});
	await setupOwner(n8n.url, DEMO_OWNER);
} catch (error) {
	await stop();
	throw error;
}

if (smoke) {
	const login = await fetch(`${n8n.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		// n8n has called this field `email` and later `emailOrLdapLoginId`; send both.
		body: JSON.stringify({
			emailOrLdapLoginId: DEMO_OWNER.email,
			email: DEMO_OWNER.email,
			password: DEMO_OWNER.password,
		}),
	});
	// The editor's node catalogue must list the package's nodes under their real names. n8n can
	// answer before it has added community packages to it, so ask again for a while.
	const cookie = (login.headers.getSetCookie?.() ?? [])
		.map((value) => value.split(';')[0])
		.join('; ');
	const wanted = [
		'n8n-nodes-leadsquared.leadSquared',
		'n8n-nodes-leadsquared.leadSquaredWaitForRequest',
	];
	let loaded = false;
	let catalogue = '';
	for (let attempt = 0; attempt < 30 && !loaded; attempt++) {
		if (attempt > 0) await new Promise((done) => setTimeout(done, 1000));
		catalogue = await (await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie } })).text();
		loaded = wanted.every((type) => catalogue.includes(`"${type}"`));
	}
	await stop();
	// The LeadSquared node is offered to AI agents as a tool; Wait for Request, which can keep
	// checking for 15 minutes, is not.
	const tools =
		catalogue.includes('"n8n-nodes-leadsquared.leadSquaredTool"') &&
		!catalogue.includes('"n8n-nodes-leadsquared.leadSquaredWaitForRequestTool"');
	const ok = login.ok && loaded && tools;
	console.log(
		`demo: sign-in ${login.ok ? 'works' : `answered ${login.status}`}, nodes ${loaded ? 'loaded' : 'missing'} in the editor's catalogue, AI tools ${tools ? 'LeadSquared only' : 'not as expected'} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
	);
	process.exit(ok ? 0 : 1);
}

console.log(`
n8n ${version} with n8n-nodes-leadsquared is running (ready in ${((Date.now() - started) / 1000).toFixed(0)} s).

  Editor     ${n8n.url}
  Sign in    ${DEMO_OWNER.email} / ${DEMO_OWNER.password}
  Sandbox    ${sandbox.url}  (leads: ${sandbox.url}/_sandbox/leads)

  Open a workflow named "LeadSquared: ..." and click "Execute workflow".
  The credential "LeadSquared sandbox" points at the sandbox. n8n's data and the sandbox's
  leads are kept in ${home}. Press Ctrl+C to stop.
`);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, async () => {
		console.log('Stopping n8n and the sandbox...');
		await stop();
		process.exit(0);
	});
}
