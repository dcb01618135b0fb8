/**
 * 1,000 items per write operation against the sandbox while it injects 20% faults (throttling,
 * system errors, resets, slow and malformed answers). With Continue On Fail every item comes out
 * exactly once, paired with its input, and the sandbox holds exactly the writes reported as
 * successful: nothing lost silently, nothing written twice.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox/src/server';
import { runNode } from '../harness/engine';
import { recordMatrixRow } from '../harness/matrixReport';

jest.setTimeout(180_000);

const ITEMS = 1000;
const FAULTS = {
	share429: 0.04,
	share500: 0.04,
	shareReset: 0.04,
	shareSlow: 0.04,
	shareMalformed: 0.04,
	slowMs: 1500,
	seed: 42,
};

let sandbox: Sandbox;

beforeAll(async () => {
	// A short window keeps each injected 429's pause short; the client learns it from the message.
	sandbox = await startSandbox({
		port: 0,
		rateLimit: 100_000,
		rateWindowMs: 100,
		asyncDelayMs: 20,
	});
});
afterAll(async () => {
	await sandbox.close();
});

function credentials() {
	return {
		accessKey: sandbox.options.accessKey,
		secretKey: sandbox.options.secretKey,
		asyncApiKey: sandbox.options.apiKey,
		apiHost: 'custom',
		customApiHost: sandbox.url,
		asyncApiHost: 'custom',
		customAsyncApiHost: sandbox.url,
		callsPer5Seconds: 100_000,
		requestTimeoutSeconds: 1,
		maxRetrySeconds: 60,
	};
}

const fieldList = (...rows: Array<[string, string]>) => ({
	fieldsInput: 'list',
	leadFields: { fields: rows.map(([attribute, value]) => ({ attribute, value })) },
});

async function seedLeads(prefix: string): Promise<string[]> {
	sandbox.configure({
		faults: { ...FAULTS, share429: 0, share500: 0, shareReset: 0, shareSlow: 0, shareMalformed: 0 },
	});
	const response = await fetch(`${sandbox.url}/_sandbox/seed`, {
		method: 'POST',
		body: JSON.stringify(
			Array.from({ length: ITEMS }, (_, n) => ({ EmailAddress: `${prefix}-${n}@example.com` })),
		),
	});
	return ((await response.json()) as { ids: string[] }).ids;
}

// What each operation's run saw, for the README's matrix (npm run matrix).
const runs = new Map<string, IDataObject>();

async function runWithFaults(
	parameters: IDataObject,
	input: IDataObject[],
): Promise<INodeExecutionData[]> {
	sandbox.configure({ faults: FAULTS });
	const before = sandbox.stats().faults;
	const { output, error } = await runNode({
		parameters,
		input,
		continueOnFail: true,
		credentials: credentials(),
	});
	const after = sandbox.stats().faults;
	sandbox.configure({
		faults: { share429: 0, share500: 0, shareReset: 0, shareSlow: 0, shareMalformed: 0 },
	});

	expect(error).toBeUndefined();
	const items = output[0];
	const faults = Object.fromEntries(
		Object.entries(after).map(([kind, count]) => [
			kind,
			count - before[kind as keyof typeof before],
		]),
	);
	runs.set(String(parameters.operation), {
		itemsIn: input.length,
		itemsOut: items.length,
		pairedInOrder: items.every(
			(item, index) => (item.pairedItem as IDataObject | undefined)?.item === index,
		),
		failed: items.filter((item) => typeof item.json.error === 'string').length,
		faults,
	});
	expect(items).toHaveLength(ITEMS);
	expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	// The faults really happened, and some items really failed, so the checks below mean something.
	for (const kind of ['throttle', 'error500', 'reset', 'slow', 'malformed'] as const)
		expect(after[kind]).toBeGreaterThan(before[kind]);
	const failed = items.filter((item) => typeof item.json.error === 'string');
	expect(failed.length).toBeGreaterThan(ITEMS * 0.05);
	expect(failed.length).toBeLessThan(ITEMS * 0.35);
	return items;
}

const succeeded = (items: INodeExecutionData[]) =>
	new Set(items.flatMap((item, index) => (typeof item.json.error === 'string' ? [] : [index])));

async function drainAsyncQueue(): Promise<void> {
	while (sandbox.stats().pendingAsyncJobs > 0)
		await new Promise((resolve) => setTimeout(resolve, 20));
}

function leadsWith(field: string, pattern: RegExp): Map<number, number> {
	const counts = new Map<number, number>();
	for (const lead of sandbox.leads()) {
		const match = pattern.exec(String(lead[field] ?? ''));
		if (match) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
	}
	return counts;
}

function expectStateToEqual(
	operation: string,
	written: Map<number, number>,
	reported: Set<number>,
): void {
	const unreported = [...written.keys()].filter((n) => !reported.has(n)).length;
	const lost = [...reported].filter((n) => !written.has(n)).length;
	const duplicates = [...written.values()].filter((count) => count > 1).length;
	recordMatrixRow('faults', {
		operation,
		...runs.get(operation),
		succeeded: reported.size,
		storedWrites: written.size,
		unreported,
		lost,
		duplicates,
	});
	expect([...written.keys()].sort((a, b) => a - b)).toEqual([...reported].sort((a, b) => a - b));
	expect([...written.values()].filter((count) => count > 1)).toEqual([]);
}

const emailInput = (prefix: string) =>
	Array.from({ length: ITEMS }, (_, n) => ({ email: `${prefix}-${n}@example.com` }));

it('Create or Update: the stored leads are exactly the items reported as created', async () => {
	const items = await runWithFaults(
		{
			resource: 'lead',
			operation: 'createOrUpdate',
			...fieldList(['EmailAddress', '={{ $json.email }}'], ['Source', 'reliability']),
		},
		emailInput('cou'),
	);
	expectStateToEqual('createOrUpdate', leadsWith('EmailAddress', /^cou-(\d+)@/), succeeded(items));
});

it('Capture: the stored leads are exactly the items reported as captured', async () => {
	const items = await runWithFaults(
		{
			resource: 'lead',
			operation: 'capture',
			...fieldList(['EmailAddress', '={{ $json.email }}']),
		},
		emailInput('cap'),
	);
	expectStateToEqual('capture', leadsWith('EmailAddress', /^cap-(\d+)@/), succeeded(items));
});

it('Update: exactly the items reported as updated changed their lead', async () => {
	const ids = await seedLeads('upd');
	const items = await runWithFaults(
		{
			resource: 'lead',
			operation: 'update',
			leadId: '={{ $json.id }}',
			...fieldList(['mx_City', '={{ "U" + $json.n }}']),
		},
		ids.map((id, n) => ({ id, n })),
	);
	expectStateToEqual('update', leadsWith('mx_City', /^U(\d+)$/), succeeded(items));
});

it('Bulk Update: exactly the items reported as updated changed their leads', async () => {
	const ids = await seedLeads('bulk');
	const items = await runWithFaults(
		{
			resource: 'lead',
			operation: 'bulkUpdate',
			leadIds: '={{ $json.id }}',
			attribute: 'Company',
			value: '={{ "B" + $json.n }}',
		},
		ids.map((id, n) => ({ id, n })),
	);
	expectStateToEqual('bulkUpdate', leadsWith('Company', /^B(\d+)$/), succeeded(items));
});

it('Capture (Async): exactly the accepted requests end up as leads', async () => {
	const items = await runWithFaults(
		{
			resource: 'lead',
			operation: 'captureAsync',
			...fieldList(['EmailAddress', '={{ $json.email }}']),
		},
		emailInput('acap'),
	);
	await drainAsyncQueue();
	expectStateToEqual('captureAsync', leadsWith('EmailAddress', /^acap-(\d+)@/), succeeded(items));
});

it('Update (Async): exactly the accepted requests change their lead', async () => {
	const ids = await seedLeads('aupd');
	const items = await runWithFaults(
		{
			resource: 'lead',
			operation: 'updateAsync',
			leadId: '={{ $json.id }}',
			...fieldList(['Notes', '={{ "A" + $json.n }}']),
		},
		ids.map((id, n) => ({ id, n })),
	);
	await drainAsyncQueue();
	expectStateToEqual('updateAsync', leadsWith('Notes', /^A(\d+)$/), succeeded(items));
});

it('without Continue On Fail, stops at the failing item and starts nothing after it', async () => {
	const ids = await seedLeads('stop');
	const failing = 300;
	const input = ids.map((id, n) => ({
		id: n === failing ? '00000000-0000-4000-8000-000000000300' : id,
		n,
	}));

	const { error } = await runNode({
		parameters: {
			resource: 'lead',
			operation: 'update',
			leadId: '={{ $json.id }}',
			...fieldList(['JobTitle', '={{ "S" + $json.n }}']),
		},
		input,
		credentials: { ...credentials(), requestTimeoutSeconds: 30 },
	});

	expect(error?.message).toBe('Lead does not exist in the system');
	expect(error?.description).toMatch(/^LeadSquared refused Lead\.Update \(item 300\)/);
	const written = [...leadsWith('JobTitle', /^S(\d+)$/).keys()].sort((a, b) => a - b);
	const after = written.filter((n) => n > failing);
	recordMatrixRow('stopOnFailure', {
		itemsIn: ITEMS,
		failingItem: failing,
		error: error?.message,
		writtenBefore: written.filter((n) => n < failing).length,
		inFlightFinishedAfter: after.length,
		allNamedInError: after.every((n) => error?.description?.includes(String(n))),
	});
	// Only calls already in flight when item 300 failed (at most the 200 run side by side) went
	// out after it, and the error names each of them.
	expect(after.length).toBeLessThan(200);
	for (const n of after) expect(error?.description).toContain(String(n));
	expect(written.filter((n) => n < failing)).toHaveLength(failing);
});
