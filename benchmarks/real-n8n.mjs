// The rate budget in a real n8n (part of `npm run bench`): n8n 2.41.1 installed as the e2e run
// does, the packed package in its user folder, a workflow of 300 Create or Update items run with
// `n8n execute` against the strict stand-in, several times. Figures come from the sandbox's call
// log: share of budget from the first to the last accepted call, so n8n's start-up is excluded.
//   usage: node benchmarks/real-n8n.mjs        (BENCH_N8N_RUNS=10 by default)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	executeWorkflow,
	installN8n,
	packPackage,
	prepareUserFolder,
} from '../scripts/n8n/n8n.mjs';
import {
	ITEMS,
	LIMIT,
	N8N_VERSION,
	STAND_IN_DESCRIPTION,
	buildEverything,
	callsByTag,
	manualWorkflow,
	percent,
	seconds,
	spread,
	startStandIn,
	storedLeadsWithPrefix,
	summariseCalls,
	table,
} from './n8nBench.mjs';

const RUNS = Number(process.env.BENCH_N8N_RUNS ?? 10);

async function main() {
	buildEverything();
	const install = installN8n(N8N_VERSION);
	const scratch = mkdtempSync(join(tmpdir(), 'lsq-bench-n8n-'));
	const sandbox = await startStandIn();
	try {
		const workflow = manualWorkflow();
		const workflowFile = join(scratch, 'workflow.json');
		writeFileSync(workflowFile, JSON.stringify(workflow));
		const userFolder = join(scratch, 'n8n');
		await prepareUserFolder(install, userFolder, {
			tarball: packPackage(scratch),
			sandbox,
			workflowFiles: [workflowFile],
		});

		console.log(
			`\n## Real n8n ${N8N_VERSION}: ${ITEMS} Create or Update items per run, limit ${LIMIT} per 5 s, ${RUNS} runs`,
		);
		console.log(
			`Stand-in: ${STAND_IN_DESCRIPTION}. Timing from the sandbox's log (first to last accepted call).\n`,
		);
		const rows = [];
		for (let run = 1; run <= RUNS; run++) {
			sandbox.reset();
			const result = await executeWorkflow(install, userFolder, workflow.id);
			const output =
				result.execution?.data?.resultData?.runData?.['Create or Update']?.[0]?.data?.main?.[0] ??
				[];
			const failed =
				output.filter((item) => item.json?.error !== undefined).length + (ITEMS - output.length);
			const calls = summariseCalls(callsByTag(sandbox).get('bench') ?? []);
			rows.push({
				run,
				'calls accepted': calls.accepted,
				'429s': calls.throttled,
				'failed items': failed,
				'leads stored': storedLeadsWithPrefix(sandbox, 'bench'),
				'first to last call s': seconds(calls.elapsedMs),
				'share of budget': percent(calls.share),
				'max calls in any 5 s': sandbox.stats().maxCallsInAnyWindow,
				share: calls.share,
				throttled: calls.throttled,
				failedCount: failed,
			});
			console.log(
				table([rows[rows.length - 1]].map(printable))
					.split('\n')
					.slice(run === 1 ? 0 : 2)
					.join('\n'),
			);
		}
		console.log(
			'\n' +
				table(
					spread(rows, [
						['share of budget', (row) => row.share, percent],
						['429s', (row) => row.throttled, String],
						['failed items', (row) => row.failedCount, String],
					]),
				),
		);
		const clean = rows.filter((row) => row.throttled === 0).length;
		console.log(`\nRuns without a 429: ${clean} of ${rows.length}.`);
	} finally {
		await sandbox.close();
		rmSync(scratch, { recursive: true, force: true });
	}
}

/** The columns meant for the reader, without the raw numbers kept for the summary. */
function printable(row) {
	const { share, throttled, failedCount, ...shown } = row;
	return shown;
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
