// What the real-n8n benchmarks share: building what a user installs, the strict stand-in for
// LeadSquared, the workflows they run, and reading the figures from the sandbox's own call log
// (so n8n's start-up time is never counted as time the node had the budget).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { PROJECT_ROOT, startSandbox } from '../scripts/n8n/n8n.mjs';

const require = createRequire(import.meta.url);
/** Compiled by `tsc -p benchmarks`, which both bench scripts run first. */
const { budgetShare, WINDOW_S } = require(join(PROJECT_ROOT, '.bench-build/benchmarks/budget.js'));
export { budgetShare, WINDOW_S };

export const N8N_VERSION = '2.41.1';
export const LIMIT = 25;
export const ITEMS = 300;
const CREATE_OR_UPDATE = '/v2/LeadManagement.svc/Lead.CreateOrUpdate';

/**
 * Where LeadSquared counts a call and when it answers vary: here a call is counted 0-150 ms after
 * it arrives and answered 50-300 ms after that, on top of n8n's own time per request.
 */
export const STAND_IN = {
	rateLimit: LIMIT,
	rateWindowMs: WINDOW_S * 1000,
	faults: { countDelayMs: 0, countDelayJitterMs: 150, latencyMs: 50, latencyJitterMs: 250 },
};
export const STAND_IN_DESCRIPTION = `${LIMIT} calls per ${WINDOW_S} s sliding window; each call counted 0-150 ms after it arrives and answered 50-300 ms after that`;

/** The package as a user gets it, and the sandbox as n8n.mjs loads it. */
export function buildEverything() {
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: PROJECT_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	execFileSync('npx', ['tsc', '-p', 'sandbox'], {
		cwd: PROJECT_ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

export async function startStandIn() {
	return await startSandbox({ ...STAND_IN, asyncDelayMs: 500 });
}

const credentials = { leadSquaredApi: { id: 'lsqSandboxCred01', name: 'LeadSquared sandbox' } };

/** Set (300 rows) -> Split Out -> Create or Update with Continue On Fail, after `trigger`. */
function leadsWorkflow({ id, name, trigger, emailPrefix }) {
	const rows = `={{ { "rows": Array.from({ length: ${ITEMS} }, (_, n) => ({ email: ${emailPrefix} + "-" + n + "@bench.example", first: "Lead " + n })) } }}`;
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ ...trigger, position: [0, 0] },
			{
				id: 'rows',
				name: 'Rows',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: rows, options: {} },
			},
			{
				id: 'split',
				name: 'One item per row',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'rows', options: {} },
			},
			{
				id: 'lsq',
				name: 'Create or Update',
				type: 'n8n-nodes-leadsquared.leadSquared',
				typeVersion: 1,
				position: [660, 0],
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'lead',
					operation: 'createOrUpdate',
					fieldsInput: 'list',
					leadFields: {
						fields: [
							{ attribute: 'EmailAddress', value: '={{ $json.email }}' },
							{ attribute: 'FirstName', value: '={{ $json.first }}' },
						],
					},
					searchBy: 'EmailAddress',
					options: {},
				},
				credentials,
			},
		],
		connections: {
			[trigger.name]: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
			Rows: { main: [[{ node: 'One item per row', type: 'main', index: 0 }]] },
			'One item per row': { main: [[{ node: 'Create or Update', type: 'main', index: 0 }]] },
		},
	};
}

export function manualWorkflow() {
	return leadsWorkflow({
		id: 'lsqBenchManual01',
		name: 'LeadSquared bench: 300 Create or Update',
		trigger: {
			id: 'trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			parameters: {},
		},
		emailPrefix: '"bench"',
	});
}

export const WEBHOOK_PATH = 'lsq-bench';

/** One execution per POST; the body's `run` tags that execution's leads (and so its calls). */
export function webhookWorkflow() {
	return leadsWorkflow({
		id: 'lsqBenchQueue001',
		name: 'LeadSquared bench: webhook, 300 Create or Update',
		trigger: {
			id: 'trigger',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: '5f0c7e1a-3b7d-4c51-9d3e-1a2b3c4d5e6f',
			parameters: {
				httpMethod: 'POST',
				path: WEBHOOK_PATH,
				responseMode: 'onReceived',
				options: {},
			},
		},
		emailPrefix: '"run" + $json.body.run',
	});
}

/** Calls to Create or Update as the sandbox saw them, grouped by the email's prefix. */
export function callsByTag(sandbox) {
	const groups = new Map();
	for (const call of sandbox.calls().filter((record) => record.path === CREATE_OR_UPDATE)) {
		const tag = call.email?.split('-')[0] ?? '?';
		if (!groups.has(tag)) groups.set(tag, []);
		groups.get(tag).push(call);
	}
	return groups;
}

/**
 * Share of budget over the span the sandbox saw calls (first to last accepted count), so
 * n8n's start-up and shut-down are excluded; 429s and accepted calls from the same log.
 */
export function summariseCalls(calls) {
	const accepted = calls.filter((call) => call.status === 200);
	const throttled = calls.filter((call) => call.status === 429 || call.status === 403).length;
	const counted = accepted.map((call) => call.countedAt);
	const first = Math.min(...counted);
	const last = Math.max(...counted);
	const elapsed = accepted.length > 0 ? last - first : 0;
	return {
		accepted: accepted.length,
		throttled,
		elapsedMs: elapsed,
		share: budgetShare(accepted.length, LIMIT, elapsed),
	};
}

export function storedLeadsWithPrefix(sandbox, prefix) {
	return new Set(
		sandbox
			.leads()
			.map((lead) => String(lead.EmailAddress ?? ''))
			.filter((email) => email.startsWith(`${prefix}-`)),
	).size;
}

export const percent = (ratio) => `${(ratio * 100).toFixed(1)}%`;
export const seconds = (ms) => (ms / 1000).toFixed(1);

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A min / median / max row for each named column of `rows`. */
export function spread(rows, columns) {
	return columns.map(([label, pick, format]) => {
		const values = rows.map(pick);
		return {
			measure: label,
			min: format(Math.min(...values)),
			median: format(median(values)),
			max: format(Math.max(...values)),
		};
	});
}

export function table(rows) {
	const headers = Object.keys(rows[0]);
	const line = (cells) => `| ${cells.map(String).join(' | ')} |`;
	return [
		line(headers),
		line(headers.map(() => '---')),
		...rows.map((row) => line(headers.map((header) => row[header]))),
	].join('\n');
}
