/* Performance figures for the README (not a test): run with `npm run bench`. */
import '../test/setup-env';
import { startAsFreshProcess } from './freshProcessState';

import { spawn, type ChildProcess } from 'child_process';
import { randomUUID } from 'crypto';
import { join } from 'path';

import { startSandbox, type Sandbox } from '../sandbox/src/server';
import { runNode } from '../test/harness/engine';
import { WINDOW_S, budgetShare } from './budget';
import { searchReturnAll } from './search';

function credentialsFor(url: string, limit: number) {
	return {
		accessKey: 'u$rsandbox0access0key',
		secretKey: 'sandbox-secret-key',
		asyncApiKey: 'sandbox-async-api-key',
		apiHost: 'custom',
		customApiHost: url,
		asyncApiHost: 'custom',
		customAsyncApiHost: url,
		callsPer5Seconds: limit,
		maxRetrySeconds: 120,
	};
}

const updateParameters = {
	resource: 'lead',
	operation: 'update',
	leadId: '={{ $json.id }}',
	fieldsInput: 'list',
	leadFields: { fields: [{ attribute: 'mx_City', value: '={{ "City " + $json.n }}' }] },
};

async function seed(sandbox: Sandbox, count: number): Promise<string[]> {
	const response = await fetch(`${sandbox.url}/_sandbox/seed`, {
		method: 'POST',
		body: JSON.stringify(
			Array.from({ length: count }, (_, n) => ({ EmailAddress: `bench-${n}@example.com` })),
		),
	});
	return ((await response.json()) as { ids: string[] }).ids;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

interface ThroughputRow {
	approach: string;
	'latency ms': number;
	items: number;
	'wall s': string;
	'successful calls/s': string;
	'share of budget': string;
	'429s received': number;
	'failed items': number;
	'max calls in any window': number;
}

async function nodeThroughput(
	sandbox: Sandbox,
	limit: number,
	latencyMs: number,
	items: number,
): Promise<ThroughputRow> {
	sandbox.reset();
	sandbox.configure({ rateLimit: limit, rateWindowMs: WINDOW_S * 1000, faults: { latencyMs } });
	const ids = await seed(sandbox, items);
	startAsFreshProcess();
	const started = Date.now();
	const { output } = await runNode({
		parameters: updateParameters,
		input: ids.map((id, n) => ({ id, n })),
		continueOnFail: true,
		credentials: credentialsFor(sandbox.url, limit),
	});
	const elapsed = Date.now() - started;
	const stats = sandbox.stats();
	const failed = output[0].filter((item) => item.json.error !== undefined).length;
	return {
		approach: 'LeadSquared node',
		'latency ms': latencyMs,
		items,
		'wall s': seconds(elapsed),
		'successful calls/s': ((items - failed) / (elapsed / 1000)).toFixed(1),
		'share of budget': percent(budgetShare(items - failed, limit, elapsed)),
		'429s received': stats.throttled,
		'failed items': failed,
		'max calls in any window': stats.maxCallsInAnyWindow,
	};
}

/** What an HTTP Request node does per item: one call after another, no pacing, no retry. */
async function sequentialThroughput(
	sandbox: Sandbox,
	limit: number,
	latencyMs: number,
	items: number,
	budgetMs: number,
): Promise<ThroughputRow> {
	sandbox.reset();
	sandbox.configure({ rateLimit: limit, rateWindowMs: WINDOW_S * 1000, faults: { latencyMs } });
	const ids = await seed(sandbox, items);
	const started = Date.now();
	let sent = 0;
	let failed = 0;
	for (const [n, id] of ids.entries()) {
		if (Date.now() - started > budgetMs) break;
		const response = await fetch(`${sandbox.url}/v2/LeadManagement.svc/Lead.Update?leadId=${id}`, {
			method: 'POST',
			headers: {
				'x-LSQ-AccessKey': 'u$rsandbox0access0key',
				'x-LSQ-SecretKey': 'sandbox-secret-key',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify([{ Attribute: 'mx_City', Value: `City ${n}` }]),
		});
		await response.text();
		sent++;
		if (!response.ok) failed++;
	}
	const elapsed = Date.now() - started;
	const stats = sandbox.stats();
	const succeeded = sent - failed;
	return {
		approach:
			sent < items ? `sequential loop (stopped after ${seconds(budgetMs)} s)` : 'sequential loop',
		'latency ms': latencyMs,
		items: sent,
		'wall s': seconds(elapsed),
		'successful calls/s': (succeeded / (elapsed / 1000)).toFixed(1),
		'share of budget': percent(budgetShare(succeeded, limit, elapsed)),
		'429s received': stats.throttled,
		'failed items': failed,
		'max calls in any window': stats.maxCallsInAnyWindow,
	};
}

async function bulk(sandbox: Sandbox, limit: number, merged: boolean) {
	sandbox.reset();
	sandbox.configure({ rateLimit: limit, rateWindowMs: WINDOW_S * 1000, faults: { latencyMs: 0 } });
	const ids = Array.from({ length: 10_000 }, () => randomUUID());
	const input = merged ? ids.map((id) => ({ ids: id })) : [{ ids }];
	startAsFreshProcess();
	const started = Date.now();
	const { output, error } = await runNode({
		parameters: {
			resource: 'lead',
			operation: 'bulkUpdate',
			leadIds: '={{ $json.ids }}',
			attribute: 'mx_City',
			value: 'Pune',
			options: merged ? { mergeItems: true } : {},
		},
		input,
		credentials: credentialsFor(sandbox.url, limit),
	});
	const elapsed = Date.now() - started;
	const calls = sandbox.stats().calls;
	const ideal = ((calls - limit) / limit) * WINDOW_S * 1000;
	return {
		input: merged ? '10,000 items of 1 ID, combined' : '1 item of 10,000 IDs',
		calls,
		wall: seconds(elapsed),
		ideal: seconds(ideal),
		overIdeal: percent(elapsed / ideal - 1),
		failed: error
			? 'run failed'
			: String(output[0].filter((item) => item.json.error !== undefined).length),
	};
}

async function startExternalSandbox(port: number): Promise<ChildProcess> {
	const child = spawn(
		process.execPath,
		[join(__dirname, '..', 'sandbox', 'src', 'cli.js'), `--port=${port}`, '--rate-limit=0'],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
	return child;
}

/** CPU this process spends per item, with the server in another process so it is not counted. */
async function cpuPerItem(url: string, items: number) {
	const ids = (await await fetch(`${url}/_sandbox/seed`, {
		method: 'POST',
		body: JSON.stringify(
			Array.from({ length: items }, (_, n) => ({ EmailAddress: `cpu-${n}@example.com` })),
		),
	}).then((response) => response.json())) as { ids: string[] };
	const input = ids.ids.map((id, n) => ({ id, n }));
	await runNode({
		parameters: updateParameters,
		input: input.slice(0, 200),
		credentials: credentialsFor(url, 1_000_000),
	}); // warm-up

	let cpu = process.cpuUsage();
	let started = Date.now();
	await runNode({
		parameters: updateParameters,
		input,
		credentials: credentialsFor(url, 1_000_000),
	});
	const nodeCpu = process.cpuUsage(cpu);
	const nodeWall = Date.now() - started;

	cpu = process.cpuUsage();
	started = Date.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: 25 }, async () => {
			while (next < input.length) {
				const { id, n } = input[next++];
				const response = await fetch(`${url}/v2/LeadManagement.svc/Lead.Update?leadId=${id}`, {
					method: 'POST',
					headers: {
						'x-LSQ-AccessKey': 'u$rsandbox0access0key',
						'x-LSQ-SecretKey': 'sandbox-secret-key',
						'Content-Type': 'application/json',
					},
					body: JSON.stringify([{ Attribute: 'mx_City', Value: `City ${n}` }]),
				});
				await response.text();
			}
		}),
	);
	const rawCpu = process.cpuUsage(cpu);
	const rawWall = Date.now() - started;
	const perItem = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / items / 1000;
	return {
		items,
		nodeMs: perItem(nodeCpu),
		rawMs: perItem(rawCpu),
		nodeWall: seconds(nodeWall),
		rawWall: seconds(rawWall),
	};
}

async function peakMemory(url: string, items: number) {
	global.gc?.();
	const before = process.memoryUsage();
	let peakRss = before.rss;
	let peakHeap = before.heapUsed;
	const sampler = setInterval(() => {
		const now = process.memoryUsage();
		peakRss = Math.max(peakRss, now.rss);
		peakHeap = Math.max(peakHeap, now.heapUsed);
	}, 20);
	const started = Date.now();
	const { output } = await runNode({
		parameters: {
			resource: 'lead',
			operation: 'bulkUpdate',
			leadIds: '={{ $json.id }}',
			attribute: 'mx_City',
			value: 'Pune',
			options: { mergeItems: true },
		},
		input: Array.from({ length: items }, () => ({ id: randomUUID() })),
		credentials: credentialsFor(url, 1_000_000),
	});
	clearInterval(sampler);
	const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
	return {
		items,
		outputs: output[0].length,
		wall: seconds(Date.now() - started),
		rssBefore: mb(before.rss),
		peakRss: mb(peakRss),
		peakHeap: mb(peakHeap),
		bytesPerItem: Math.round((peakHeap - before.heapUsed) / items),
	};
}

function table(rows: Array<Record<string, unknown>>): string {
	const headers = Object.keys(rows[0]);
	const line = (cells: unknown[]) => `| ${cells.map(String).join(' | ')} |`;
	return [
		line(headers),
		line(headers.map(() => '---')),
		...rows.map((row) => line(headers.map((header) => row[header]))),
	].join('\n');
}

async function main(): Promise<void> {
	const throughputLimit = 100;
	const bulkLimit = 50;
	const sandbox = await startSandbox({ port: 0 });
	try {
		console.log(
			`\n## Throughput: 500 Lead Update items, limit ${throughputLimit} calls per ${WINDOW_S} s (sandbox-enforced)\n`,
		);
		const rows: ThroughputRow[] = [];
		for (const latency of [0, 300]) {
			rows.push(await nodeThroughput(sandbox, throughputLimit, latency, 500));
			rows.push(await sequentialThroughput(sandbox, throughputLimit, latency, 500, 15_000));
		}
		console.log(table(rows as unknown as Array<Record<string, unknown>>));

		console.log(
			`\n## Bulk Update of 10,000 lead IDs, limit ${bulkLimit} calls per ${WINDOW_S} s\n`,
		);
		console.log(
			table([await bulk(sandbox, bulkLimit, false), await bulk(sandbox, bulkLimit, true)]),
		);

		const searchLimit = 5;
		console.log(
			`\n## Search with Return All over 10,000 leads, limit ${searchLimit} calls per ${WINDOW_S} s\n`,
		);
		console.log(
			table([
				await searchReturnAll(
					sandbox,
					credentialsFor(sandbox.url, searchLimit),
					10_000,
					searchLimit,
				),
			]),
		);
	} finally {
		await sandbox.close();
	}

	const port = 18000 + Math.floor(Math.random() * 1000);
	const external = await startExternalSandbox(port);
	try {
		const url = `http://127.0.0.1:${port}`;
		console.log(
			'\n## CPU per item through the real engine (no limit, no latency; server in another process)\n',
		);
		const cpu = await cpuPerItem(url, 2000);
		console.log(
			table([
				{
					approach: 'LeadSquared node (Update)',
					items: cpu.items,
					'CPU ms per item': cpu.nodeMs.toFixed(3),
					wall: cpu.nodeWall,
				},
				{
					approach: 'bare fetch, 25 at a time',
					items: cpu.items,
					'CPU ms per item': cpu.rawMs.toFixed(3),
					wall: cpu.rawWall,
				},
				{
					approach: 'overhead of node + engine',
					items: cpu.items,
					'CPU ms per item': (cpu.nodeMs - cpu.rawMs).toFixed(3),
					wall: '',
				},
			]),
		);

		console.log('\n## Peak memory, 100,000 input items (Bulk Update, combined into 2,000 calls)\n');
		console.log(table([await peakMemory(url, 100_000)]));
	} finally {
		external.kill();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
