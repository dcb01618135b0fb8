// The two trigger nodes in a running n8n (`n8n start`), against the sandbox, on each version:
//  - LeadSquared Trigger (the "new lead: post a welcome activity" example) is activated through n8n's REST
//    API: it registers a webhook in the sandbox; a lead created through the sandbox's API starts
//    exactly one execution holding that lead; calls without the secret are refused and start
//    nothing; deactivating deletes the webhook in the sandbox.
//  - LeadSquared Polling Trigger polls every 15 seconds (four cron times a minute, the shortest
//    n8n 2.x accepts) and emits each lead change exactly once over three polls.
//   usage: node scripts/e2e/trigger.mjs [n8n versions...]   (default: 2.41.1 1.123.5)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	DEMO_OWNER,
	PROJECT_ROOT,
	checklist,
	ensureBuilt,
	freePort,
	installN8n,
	packPackage,
	prepareUserFolder,
	setupOwner,
	startN8n,
	startSandbox,
} from '../n8n/n8n.mjs';

const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['2.41.1', '1.123.5'];
const artefacts = join(PROJECT_ROOT, '.e2e-artifacts');
const WEBHOOK_EXAMPLE = join(PROJECT_ROOT, 'examples', 'new-lead-welcome.json');
const POLLING_WORKFLOW = join(PROJECT_ROOT, 'test', 'e2e', 'workflows', 'trigger-polling.json');
const ACTIVITIES_WORKFLOW = join(
	PROJECT_ROOT,
	'test',
	'e2e',
	'workflows',
	'trigger-activities.json',
);
const SECRET_HEADER = 'X-N8N-LeadSquared-Secret';
// n8n 2.x refuses poll times under a minute, but several fixed-second times a minute pass.
const EVERY_15_SECONDS = {
	item: ['0', '15', '30', '45'].map((second) => ({
		mode: 'custom',
		cronExpression: `${second} * * * * *`,
	})),
};

const { check, summary } = checklist();
const short = (value) => JSON.stringify(value)?.slice(0, 400);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function until(condition, timeoutMs, intervalMs = 500) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await condition();
		if (value || Date.now() > deadline) return value;
		await sleep(intervalMs);
	}
}

/** n8n's own REST API, signed in as the owner. */
async function signIn(url) {
	await setupOwner(url, DEMO_OWNER);
	// While n8n is still starting it answers 200 "n8n is starting up" without a session cookie,
	// or 404 before its REST routes are mounted; ask again until it gives one.
	let lastAnswer = '';
	const cookie = await until(
		async () => {
			const login = await fetch(`${url}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					emailOrLdapLoginId: DEMO_OWNER.email,
					email: DEMO_OWNER.email,
					password: DEMO_OWNER.password,
				}),
			});
			lastAnswer = `${login.status}: ${(await login.text()).slice(0, 200)}`;
			return login.ok
				? (login.headers.getSetCookie?.() ?? []).map((value) => value.split(';')[0]).join('; ')
				: undefined;
		},
		60_000,
		1000,
	);
	if (!cookie)
		throw new Error(`login gave no session cookie within a minute (last answer ${lastAnswer})`);
	return async (method, path, body) => {
		const response = await fetch(`${url}/rest${path}`, {
			method,
			headers: { cookie, 'content-type': 'application/json', 'browser-id': 'lsq-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
		try {
			return JSON.parse(text).data;
		} catch {
			throw new Error(
				`${method} ${path} answered ${response.status} with no JSON: ${text.slice(0, 300)}`,
			);
		}
	};
}

/** The "Welcome sent" activities (code 203) the example posted on a lead, as the sandbox stored them. */
async function welcomesOf(sandbox, leadId) {
	const activities = await (await fetch(`${sandbox.url}/_sandbox/activities`)).json();
	return activities.filter(
		(activity) => activity.RelatedProspectId === leadId && activity.EventCode === 203,
	);
}

async function postActivity(sandbox, body) {
	const response = await fetch(`${sandbox.url}/v2/ProspectActivity.svc/Create`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-LSQ-AccessKey': sandbox.options.accessKey,
			'x-LSQ-SecretKey': sandbox.options.secretKey,
		},
		body: JSON.stringify(body),
	});
	if (!response.ok)
		throw new Error(
			`ProspectActivity.svc/Create answered ${response.status}: ${await response.text()}`,
		);
}

/** The sandbox's own API, as a LeadSquared user would call it. */
function leadSquaredApi(sandbox) {
	return async (path, body, query = '') => {
		const response = await fetch(`${sandbox.url}/v2/LeadManagement.svc/${path}${query}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-LSQ-AccessKey': sandbox.options.accessKey,
				'x-LSQ-SecretKey': sandbox.options.secretKey,
			},
			body: JSON.stringify(
				Object.entries(body).map(([Attribute, Value]) => ({ Attribute, Value })),
			),
		});
		const answer = await response.json();
		if (!response.ok) throw new Error(`${path} answered ${response.status}: ${short(answer)}`);
		return answer.Message?.Id;
	};
}

async function checkVersion(version, tarball) {
	console.log(`\n== n8n ${version}: triggers`);
	const install = installN8n(version);
	const flatted = createRequire(install.n8n)('flatted');
	const userFolder = mkdtempSync(join(tmpdir(), `lsq-trigger-${version}-`));
	const sandbox = await startSandbox({ webhookBatchMs: 1000, webhookRetryDelayMs: 200 });
	const lsq = leadSquaredApi(sandbox);
	const pollingFile = join(userFolder, 'trigger-polling.json');
	const polling = JSON.parse(readFileSync(POLLING_WORKFLOW, 'utf8'));
	polling.nodes[0].parameters.pollTimes = EVERY_15_SECONDS;
	writeFileSync(pollingFile, JSON.stringify(polling));
	const example = JSON.parse(readFileSync(WEBHOOK_EXAMPLE, 'utf8'));
	const activities = JSON.parse(readFileSync(ACTIVITIES_WORKFLOW, 'utf8'));
	const port = await freePort();
	const logFile = join(artefacts, `n8n-trigger-${version}.log`);
	// The running n8n and a REST client signed in to it; restart() stops and starts it again.
	const session = {
		n8n: undefined,
		rest: undefined,
		async start() {
			session.n8n = await startN8n(install, userFolder, { port, logFile });
			session.rest = await signIn(session.n8n.url);
		},
		async stop() {
			if (session.n8n) writeFileSync(logFile, session.n8n.log());
			await session.n8n?.stop();
			session.n8n = undefined;
		},
	};
	try {
		await prepareUserFolder(install, userFolder, {
			tarball,
			sandbox,
			workflowFiles: [WEBHOOK_EXAMPLE, ACTIVITIES_WORKFLOW, pollingFile],
		});
		await session.start();
		const rest = (...args) => session.rest(...args);
		// As the editor does: save (which records the version activation points at), then activate.
		// Imported workflows have no saved version yet.
		const activate = async (id) => {
			const workflow = await rest('GET', `/workflows/${id}`);
			const saved = await rest('PATCH', `/workflows/${id}`, {
				name: workflow.name,
				versionId: workflow.versionId,
			});
			return await rest('POST', `/workflows/${id}/activate`, { versionId: saved.versionId });
		};
		const executionsOf = async (workflowId) => {
			const list = await rest(
				'GET',
				`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
			);
			return (list.results ?? list).filter((execution) => execution.workflowId === workflowId);
		};
		/** The items a node sent out in one stored execution. */
		const itemsOf = async (executionId, nodeName) => {
			const execution = await rest('GET', `/executions/${executionId}`);
			const data =
				typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
			return (data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? []).map(
				(item) => item.json,
			);
		};

		await checkWebhookTrigger({
			version,
			sandbox,
			lsq,
			rest,
			session,
			activate,
			executionsOf,
			itemsOf,
			example,
			activities,
		});
		await checkPollingTrigger({ sandbox, lsq, activate, executionsOf, itemsOf, polling });
	} catch (error) {
		check(
			`n8n ${version} trigger checks`,
			false,
			error instanceof Error ? error.stack : String(error),
		);
	} finally {
		await session.stop();
		await sandbox.close();
		rmSync(userFolder, { recursive: true, force: true });
	}
}

async function checkWebhookTrigger({
	version,
	sandbox,
	lsq,
	rest,
	session,
	activate,
	executionsOf,
	itemsOf,
	example,
	activities,
}) {
	const [triggerNode, welcomeNode] = example.nodes;
	const registered = async () => await (await fetch(`${sandbox.url}/_sandbox/webhooks`)).json();
	await activate(example.id);
	// n8n 2.x finishes activating (and registering) after answering the activation request.
	const webhooks =
		(await until(
			async () => ((await registered()).length > 0 ? await registered() : undefined),
			20_000,
		)) ?? [];
	const [webhook] = webhooks;
	const secret = webhook?.CustomHeaders?.find((header) => header.Key === SECRET_HEADER)?.Value;
	check(
		'activating the example registers one Lead Created webhook in LeadSquared, with a secret header',
		webhooks.length === 1 &&
			webhook.WebhookEvent === 3 &&
			webhook.URL.includes(`/webhook/${triggerNode.webhookId}/`) &&
			/^[A-Za-z0-9]{40}$/.test(secret ?? ''),
		short(webhooks),
	);

	const head = await fetch(webhook.URL, { method: 'HEAD' });
	check(
		"the webhook URL answers LeadSquared's HEAD check with 200",
		head.status === 200,
		`${head.status}`,
	);

	const leadId = await lsq('Lead.Create', {
		FirstName: 'Tara',
		LastName: 'Webhook',
		EmailAddress: 'tara.webhook@example.com',
	});
	const executions = await until(async () => {
		const found = await executionsOf(example.id);
		return found.length > 0 &&
			found.every((execution) => execution.finished || execution.status === 'success')
			? found
			: undefined;
	}, 30_000);
	await sleep(2000);
	const settled = await executionsOf(example.id);
	const items = settled.length === 1 ? await itemsOf(settled[0].id, triggerNode.name) : [];
	check(
		'a lead created in LeadSquared starts exactly one execution, holding that lead as a flat item with ISO dates',
		executions &&
			settled.length === 1 &&
			items.length === 1 &&
			items[0].ProspectID === leadId &&
			items[0].FirstName === 'Tara' &&
			/Z$/.test(items[0].CreatedOn ?? ''),
		`${settled.length} executions; ${short(items)}`,
	);
	const welcome = await until(async () => (await welcomesOf(sandbox, leadId))[0], 10_000);
	check(
		`the example's "${welcomeNode.name}" step posted a "Welcome sent" activity on that lead`,
		welcome?.ActivityNote === 'Welcome, Tara! Sent by n8n when the lead was created.' &&
			welcome?.Fields?.mx_Custom_1 === 'Email',
		short(welcome),
	);
	const [afterDelivery] = await registered();
	check(
		'n8n accepted the delivery at the first attempt',
		afterDelivery?.stats?.delivered === 1 &&
			afterDelivery.stats.attempts === 1 &&
			afterDelivery.StatusCode === 0,
		short(afterDelivery?.stats),
	);

	for (const [label, headers] of [
		['without the secret', {}],
		['with a wrong secret', { [SECRET_HEADER]: 'x'.repeat(40) }],
	]) {
		const forged = await fetch(webhook.URL, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify({ ProspectID: leadId, FirstName: 'Mallory' }),
		});
		check(`a call ${label} gets 401`, forged.status === 401, `${forged.status}`);
	}
	await sleep(2000);
	const afterForgery = await executionsOf(example.id);
	check(
		'calls without the secret start no execution',
		afterForgery.length === 1,
		`${afterForgery.length} executions`,
	);

	// A plan out of webhooks: LeadSquared refuses the second one and activation says why. n8n 1.x
	// answers the activation request with the error; n8n 2.x publishes in the background and
	// reports it in the workflow's publication status (and to the editor).
	sandbox.configure({ webhookLimit: 1 });
	let refusal = '';
	try {
		await activate(activities.id);
	} catch (error) {
		refusal = error.message;
	}
	if (!refusal.includes('maximum number of webhooks')) {
		refusal =
			(await until(async () => {
				const recorded = JSON.stringify([
					await rest('GET', `/active-workflows/error/${activities.id}`).catch(
						(error) => error.message,
					),
					await rest('GET', `/workflows/${activities.id}/publication-status`).catch(
						(error) => error.message,
					),
				]);
				return recorded?.includes('maximum number of webhooks') ? recorded : undefined;
			}, 20_000)) ?? refusal;
	}
	check(
		"with the plan's webhooks used up, activation fails with LeadSquared's refusal and the plan limits",
		refusal.includes(
			'LeadSquared refused to create the webhook: You have reached the maximum number of webhooks (1) allowed for your plan',
		) && refusal.includes('3 on Pro, 30 on Super'),
		refusal.slice(0, 500),
	);
	await rest('POST', `/workflows/${activities.id}/deactivate`, {}).catch(() => undefined);
	sandbox.configure({ webhookLimit: 30 });

	// Activities posted within LeadSquared's batching window arrive as one call holding a list:
	// one execution, one item per activity of the chosen type (203), the other type dropped.
	await activate(activities.id);
	await until(async () => (await registered()).some((hook) => hook.WebhookEvent === 2), 20_000);
	for (const note of ['first', 'second', 'third'])
		await postActivity(sandbox, {
			RelatedProspectId: leadId,
			ActivityEvent: 203,
			ActivityNote: note,
		});
	await postActivity(sandbox, {
		RelatedProspectId: leadId,
		ActivityEvent: 201,
		ActivityNote: 'other type',
		Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Intro' }],
	});
	await until(async () => {
		const found = await executionsOf(activities.id);
		return (
			found.length > 0 &&
			found.every((execution) => execution.finished || execution.status === 'success')
		);
	}, 20_000);
	await sleep(2000);
	const batchRuns = await executionsOf(activities.id);
	const batchItems =
		batchRuns.length === 1 ? await itemsOf(batchRuns[0].id, activities.nodes[0].name) : [];
	check(
		'a batch of activities starts one execution with one item per activity of the chosen type',
		batchRuns.length === 1 &&
			short(batchItems.map((item) => item.ActivityEvent_Note)) ===
				short(['first', 'second', 'third']) &&
			batchItems.every((item) => item.RelatedProspectId === leadId),
		`${batchRuns.length} executions; ${short(batchItems)}`,
	);
	await rest('POST', `/workflows/${activities.id}/deactivate`, {});
	await until(async () => !(await registered()).some((hook) => hook.WebhookEvent === 2), 20_000);

	// LeadSquared disables a webhook whose deliveries keep failing; n8n's check when it starts
	// again finds it disabled and has the trigger replace it.
	await session.stop();
	for (const name of ['Uma', 'Vik', 'Wes'])
		await lsq('Lead.Create', {
			FirstName: name,
			EmailAddress: `${name.toLowerCase()}.missed@example.com`,
		});
	const disabled = await until(
		async () => ((await registered())[0]?.StatusCode === 2 ? await registered() : undefined),
		30_000,
	);
	check(
		'while n8n is down, LeadSquared disables the webhook after failed deliveries (status 2)',
		Boolean(disabled),
		short(await registered()),
	);
	await session.start();
	// n8n 1.x runs the trigger's existence check when it starts. n8n 2.x keeps its webhooks
	// registered across restarts without asking the node; there, activating the workflow again
	// (deactivate, activate) is what replaces the disabled webhook.
	const replacedWebhook = async () => {
		const hooks = await registered();
		return hooks.length === 1 &&
			hooks[0].WebhookId !== webhook.WebhookId &&
			hooks[0].StatusCode === 0
			? hooks
			: undefined;
	};
	const checkedOnStart = version.startsWith('1.');
	if (!checkedOnStart) {
		await rest('POST', `/workflows/${example.id}/deactivate`, {});
		await activate(example.id);
	}
	const replaced = await until(replacedWebhook, 30_000);
	const newSecret = replaced?.[0].CustomHeaders?.find(
		(header) => header.Key === SECRET_HEADER,
	)?.Value;
	check(
		checkedOnStart
			? 'when n8n starts again its existence check has the trigger replace it: the disabled webhook deleted, a new one enabled with a new secret'
			: 'activating the workflow again replaces it: the disabled webhook deleted, a new one enabled with a new secret',
		Boolean(replaced) && newSecret !== secret && /^[A-Za-z0-9]{40}$/.test(newSecret ?? ''),
		short(await registered()),
	);
	const countBefore = (await executionsOf(example.id)).length;
	const laterLead = await lsq('Lead.Create', {
		FirstName: 'Xena',
		EmailAddress: 'xena.after-restart@example.com',
	});
	const resumed = await until(
		async () => ((await executionsOf(example.id)).length > countBefore ? true : undefined),
		30_000,
	);
	await sleep(2000);
	const laterLeadWelcomed = (await welcomesOf(sandbox, laterLead)).length === 1;
	check(
		'the new webhook delivers: the next lead starts one execution',
		Boolean(resumed) &&
			(await executionsOf(example.id)).length === countBefore + 1 &&
			laterLeadWelcomed,
	);

	await rest('POST', `/workflows/${example.id}/deactivate`, {});
	const left =
		(await until(async () => ((await registered()).length === 0 ? [] : undefined), 20_000)) ??
		(await registered());
	check(
		'deactivating the workflow deletes the webhook in LeadSquared',
		left.length === 0,
		short(left),
	);
}

async function checkPollingTrigger({ sandbox, lsq, activate, executionsOf, itemsOf, polling }) {
	const nodeName = polling.nodes[0].name;
	const before = await lsq('Lead.Create', {
		FirstName: 'Old',
		EmailAddress: 'old.lead@example.com',
	});
	// LeadSquared reads dates to the second: a lead from the second of activation would count.
	await sleep(1100);
	await activate(polling.id);
	// The poll at activation only notes the time (and calls nothing); the first call to
	// Leads.RecentlyModified shows a later poll has run, so activation is surely complete.
	const pollCalls = () =>
		sandbox.stats().callsByPath['/v2/LeadManagement.svc/Leads.RecentlyModified'] ?? 0;
	check(
		'polling: activation reads nothing from before it; the next poll calls Leads.RecentlyModified',
		Boolean(await until(() => pollCalls() > 0, 40_000)),
	);
	check(
		'polling: nothing emitted for leads from before activation',
		(await executionsOf(polling.id)).length === 0,
	);
	const changes = [];
	const pollOnce = async (label, act) => {
		const countBefore = (await executionsOf(polling.id)).length;
		await act();
		const executions = await until(async () => {
			const found = await executionsOf(polling.id);
			return found.length > countBefore &&
				found.every((execution) => execution.finished || execution.status === 'success')
				? found
				: undefined;
		}, 40_000);
		if (!executions) return check(`polling: ${label} starts an execution within 40 s`, false);
		const newest = executions.sort((a, b) => Number(b.id) - Number(a.id))[0];
		changes.push(
			...(await itemsOf(newest.id, nodeName)).map((item) => `${item.FirstName}:${item.ChangeType}`),
		);
	};

	let first;
	let second;
	await pollOnce('a new lead', async () => {
		first = await lsq('Lead.Create', { FirstName: 'Pia', EmailAddress: 'pia.poll@example.com' });
	});
	await pollOnce('a changed lead and a new one', async () => {
		await lsq('Lead.Update', { mx_City: 'Pune' }, `?leadId=${first}`);
		second = await lsq('Lead.Create', { FirstName: 'Ravi', EmailAddress: 'ravi.poll@example.com' });
	});
	await pollOnce('a lead from before activation, changed', async () => {
		await lsq('Lead.Update', { mx_City: 'Goa' }, `?leadId=${before}`);
	});
	// One more poll period with no changes: the 5-minute overlap re-reads them all.
	await sleep(16_000);
	const executions = await executionsOf(polling.id);
	check(
		'polling: each change is emitted exactly once over three polls, new and changed leads told apart',
		short(changes) === short(['Pia:created', 'Pia:updated', 'Ravi:created', 'Old:updated']) &&
			executions.length === 3 &&
			Boolean(second),
		`${executions.length} executions; ${short(changes)}`,
	);
}

ensureBuilt();
mkdirSync(artefacts, { recursive: true });
const packFolder = mkdtempSync(join(tmpdir(), 'lsq-pack-'));
const started = Date.now();
try {
	const tarball = packPackage(packFolder);
	for (const version of versions) await checkVersion(version, tarball);
} finally {
	rmSync(packFolder, { recursive: true, force: true });
}
process.exit(summary('triggers', ` (${((Date.now() - started) / 1000).toFixed(0)} s)`) ? 0 : 1);
