// Queue mode in a real n8n 2.41.1 (`npm run bench:queue`; a benchmark, not part of CI): Redis on
// loopback, one n8n main and 2, then 3, `n8n worker`s sharing one user folder and encryption
// key, all against one LeadSquared account (the strict stand-in). A webhook workflow makes 300
// Create or Update items per execution; one POST per worker starts the executions concurrently.
// Each execution tags its leads' emails ("run1-", "run2-", ...), so the sandbox's call log says
// per execution when its calls were accepted or refused.
//   usage: node benchmarks/queue.mjs           (BENCH_QUEUE_WORKERS=2,3 by default)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	freePort,
	installN8n,
	n8nEnvironment,
	packPackage,
	prepareUserFolder,
	runN8nCommand,
	startN8n,
} from '../scripts/n8n/n8n.mjs';
import {
	ITEMS,
	LIMIT,
	N8N_VERSION,
	STAND_IN_DESCRIPTION,
	WEBHOOK_PATH,
	WINDOW_S,
	budgetShare,
	buildEverything,
	callsByTag,
	percent,
	seconds,
	startStandIn,
	storedLeadsWithPrefix,
	summariseCalls,
	table,
	webhookWorkflow,
} from './n8nBench.mjs';

const WORKER_COUNTS = (process.env.BENCH_QUEUE_WORKERS ?? '2,3').split(',').map(Number);
/** Every case ends by then, finished or not, so the benchmark's time is bounded. */
const CASE_DEADLINE_MS = 8 * 60_000;
const QUIET_MS = 60_000;

/** Everything started here, so that every process is stopped at the end, whatever happens. */
const children = new Set();

function ensureRedis() {
	try {
		return execFileSync('bash', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
	} catch {
		console.log('Installing redis-server with apt-get (not found on PATH)');
		execFileSync(
			'bash',
			[
				'-c',
				'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server',
			],
			{ stdio: 'inherit' },
		);
		return execFileSync('bash', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
	}
}

/** Starts a child and resolves once its output shows `readyText`. */
async function startChild(name, command, args, env, readyText, timeoutMs = 180_000) {
	const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(child);
	child.on('exit', () => children.delete(child));
	let log = '';
	await new Promise((resolve, reject) => {
		const timer = setTimeout(
			() =>
				reject(new Error(`${name} not ready within ${timeoutMs / 1000} s:\n${log.slice(-3000)}`)),
			timeoutMs,
		);
		const onData = (chunk) => {
			log += chunk;
			if (log.includes(readyText)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${name} exited with ${code}:\n${log.slice(-3000)}`));
		});
	});
	return { child, log: () => log };
}

async function stop(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise((resolve) => {
		const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		child.once('exit', () => {
			clearTimeout(killer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

async function stopAll() {
	await Promise.all([...children].map(stop));
}

async function runCase(install, userFolder, sandbox, workers) {
	const port = await freePort();
	const main = await startN8n(install, userFolder, { port });
	const started = [];
	try {
		for (let index = 0; index < workers; index++) {
			const env = n8nEnvironment(userFolder, {
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_LOG_LEVEL: 'info',
			});
			started.push(
				await startChild(
					`worker ${index + 1}`,
					install.node,
					[install.n8n, 'worker', '--concurrency=1'],
					env,
					'n8n worker is now ready',
				),
			);
		}
		sandbox.reset();
		const url = `${main.url}/webhook/${WEBHOOK_PATH}`;
		const answers = await Promise.all(
			Array.from({ length: workers }, async (_, index) => {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ run: index + 1 }),
				});
				return `${response.status} ${(await response.text()).slice(0, 200)}`;
			}),
		);
		if (answers.some((answer) => !answer.startsWith('200')))
			throw new Error(`webhook answered: ${answers.join(' / ')}`);

		const runs = Array.from({ length: workers }, (_, index) => `run${index + 1}`);
		const deadline = Date.now() + CASE_DEADLINE_MS;
		let lastProgressAt = Date.now();
		let lastCalls = -1;
		for (;;) {
			await new Promise((resolve) => setTimeout(resolve, 2000));
			const done = runs.every((run) => storedLeadsWithPrefix(sandbox, run) === ITEMS);
			const callCount = sandbox.calls().length;
			if (callCount !== lastCalls) {
				lastCalls = callCount;
				lastProgressAt = Date.now();
			}
			if (done || Date.now() > deadline || Date.now() - lastProgressAt > QUIET_MS) break;
		}
		return measure(sandbox, runs, workers);
	} finally {
		await Promise.all(started.map(({ child }) => stop(child)));
		await main.stop();
	}
}

/** Per execution and combined, from the sandbox's log. */
function measure(sandbox, runs, workers) {
	const byTag = callsByTag(sandbox);
	const windowMs = WINDOW_S * 1000;
	const perRun = runs.map((run) => {
		const calls = byTag.get(run) ?? [];
		const acceptedAt = calls
			.filter((call) => call.status === 200)
			.map((call) => call.countedAt)
			.sort((a, b) => a - b);
		// From the execution's first call (accepted or not) to its last accepted one.
		const firstArrival = Math.min(...calls.map((call) => call.arrivedAt));
		let longestWait =
			acceptedAt.length > 0 ? acceptedAt[0] - firstArrival : Number.POSITIVE_INFINITY;
		for (let index = 1; index < acceptedAt.length; index++)
			longestWait = Math.max(longestWait, acceptedAt[index] - acceptedAt[index - 1]);
		const summary = summariseCalls(calls);
		return {
			execution: run,
			'calls accepted': summary.accepted,
			'429s': summary.throttled,
			'failed items': ITEMS - storedLeadsWithPrefix(sandbox, run),
			'longest wait for an accepted call s': seconds(longestWait),
			'... in windows': (longestWait / windowMs).toFixed(2),
		};
	});
	const all = [...byTag.values()].flat();
	const combined = summariseCalls(all);
	const totalCalls = combined.accepted + combined.throttled;
	return {
		workers,
		perRun,
		combined: {
			workers,
			executions: runs.length,
			'calls accepted': combined.accepted,
			'429s': combined.throttled,
			'429s of calls': percent(totalCalls > 0 ? combined.throttled / totalCalls : 0),
			'failed items': perRun.reduce((sum, row) => sum + row['failed items'], 0),
			'first to last call s': seconds(combined.elapsedMs),
			'combined share of budget': percent(
				budgetShare(combined.accepted, LIMIT, combined.elapsedMs),
			),
			'longest wait in windows': Math.max(
				...perRun.map((row) => Number(row['... in windows'])),
			).toFixed(2),
			'max calls in any 5 s': sandbox.stats().maxCallsInAnyWindow,
		},
	};
}

async function main() {
	buildEverything();
	const install = installN8n(N8N_VERSION);
	const redisServer = ensureRedis();
	const scratch = mkdtempSync(join(tmpdir(), 'lsq-bench-queue-'));
	const sandbox = await startStandIn();
	try {
		const redisPort = await freePort();
		await startChild(
			'redis-server',
			redisServer,
			['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			process.env,
			'Ready to accept connections',
		);

		// What every n8n process here gets (startN8n and the workers both start from process.env).
		Object.assign(process.env, {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			// Several processes write one SQLite file: WAL plus a pool lets readers and the writer
			// overlap (n8n warns that queue mode is meant for PostgreSQL; it works for this).
			DB_SQLITE_POOL_SIZE: '3',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			QUEUE_HEALTH_CHECK_ACTIVE: 'false',
			N8N_METRICS: 'false',
		});

		const workflow = webhookWorkflow();
		const workflowFile = join(scratch, 'workflow.json');
		writeFileSync(workflowFile, JSON.stringify(workflow));
		const userFolder = join(scratch, 'n8n');
		await prepareUserFolder(install, userFolder, {
			tarball: packPackage(scratch),
			sandbox,
			workflowFiles: [workflowFile],
		});
		await runN8nCommand(install, userFolder, ['publish:workflow', `--id=${workflow.id}`]);

		console.log(
			`\n## Queue mode, real n8n ${N8N_VERSION}: one main, N workers, one account, ${ITEMS} Create or Update items per execution`,
		);
		console.log(
			`Stand-in: ${STAND_IN_DESCRIPTION}. One execution per worker, started together through the webhook.\n`,
		);
		const results = [];
		for (const workers of WORKER_COUNTS) {
			const result = await runCase(install, userFolder, sandbox, workers);
			results.push(result);
			// The raw log, for looking at how the executions shared the budget over time.
			if (process.env.BENCH_QUEUE_CALL_LOG)
				writeFileSync(
					`${process.env.BENCH_QUEUE_CALL_LOG}-${workers}.json`,
					JSON.stringify(sandbox.calls()),
				);
			console.log(`### ${workers} workers\n\n${table(result.perRun)}\n`);
		}
		console.log(`### Combined\n\n${table(results.map((result) => result.combined))}`);
	} finally {
		await stopAll();
		await sandbox.close();
		rmSync(scratch, { recursive: true, force: true });
	}
}

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		void stopAll().then(() => process.exit(1));
	});
}

main().then(
	() => process.exit(0),
	async (error) => {
		console.error(error);
		await stopAll();
		process.exit(1);
	},
);
