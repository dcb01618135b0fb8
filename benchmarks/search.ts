/* Search with Return All over many leads: page calls, time against the rate limit, memory per lead. */
import type { IDataObject } from 'n8n-workflow';

import { startAsFreshProcess } from './freshProcessState';
import type { Sandbox } from '../sandbox/src/server';
import { runNode } from '../test/harness/engine';

const WINDOW_MS = 5000;
/** Leads.Get's largest page, as the Search operation asks for it. */
const PAGE_SIZE = 1000;

export async function searchReturnAll(
	sandbox: Sandbox,
	credentials: IDataObject,
	leads: number,
	limit: number,
) {
	sandbox.reset();
	sandbox.configure({ rateLimit: limit, rateWindowMs: WINDOW_MS, faults: { latencyMs: 0 } });
	await fetch(`${sandbox.url}/_sandbox/seed-generated`, {
		method: 'POST',
		body: JSON.stringify({ count: leads, prefix: 'bench' }),
	});
	startAsFreshProcess();
	global.gc?.();
	const before = process.memoryUsage().heapUsed;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
	const callsBefore = sandbox.stats().calls;
	const started = Date.now();
	const { output, error } = await runNode({
		parameters: {
			resource: 'lead',
			operation: 'search',
			attribute: 'EmailAddress',
			operator: 'startsWith',
			value: 'bench-',
			returnAll: true,
		},
		credentials,
	});
	const elapsed = Date.now() - started;
	clearInterval(sampler);
	// One call reads the field list; the rest are pages. A last page that comes back full needs
	// one more (empty) page to show it was the last, since Leads.Get reports no total.
	const pageCalls = sandbox.stats().callsByPath['/v2/LeadManagement.svc/Leads.Get'] ?? 0;
	const calls = sandbox.stats().calls - callsBefore;
	const allowedMs = Math.floor((calls - 1) / limit) * WINDOW_MS;
	return {
		leads: output[0]?.length ?? 0,
		error: error?.message ?? '',
		'page calls': pageCalls,
		'ceil(leads / 1000)': Math.ceil(leads / PAGE_SIZE),
		'all calls': calls,
		'wall s': (elapsed / 1000).toFixed(2),
		'rate limit allows s': (allowedMs / 1000).toFixed(2),
		'over allowed': `${((elapsed / allowedMs - 1) * 100).toFixed(1)}%`,
		'peak heap bytes per lead': Math.round((peak - before) / leads),
	};
}
