/**
 * The Wait for Request node: polls the status endpoint with growing pauses until LeadSquared
 * reports a final status, then routes each item to Succeeded (0) or Failed (1), paired with
 * its input.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { LeadSquaredWaitForRequest } from '../../nodes/LeadSquaredWaitForRequest/LeadSquaredWaitForRequest.node';
import { ASYNC_BASE, runWorkflow } from '../harness/engine';
import { loadWorkflow, runFixture } from '../harness/fixtures';
import { useNock } from '../harness/http';

useNock();

const IDS = [
	'8eca6fa6-262c-43eb-8cfe-6e3325e2dc73',
	'9eca6fa6-262c-43eb-8cfe-6e3325e2dc74',
	'aeca6fa6-262c-43eb-8cfe-6e3325e2dc75',
];

function captureStatus(requestId: string, status: string, extra: Record<string, unknown> = {}) {
	return {
		RequestId: requestId,
		TaskStatus: {
			TaskType: 'Lead Capture',
			Status: status,
			StatusReason: status === 'Success' ? 'Request was successfully completed' : null,
			TaskCurrentStep: status === 'In-Queue' ? 'In-Queue' : null,
			TaskLastStep: status === 'In-Queue' ? null : 'In-Process-Queue',
			RequestBody: '[{"Attribute":"EmailAddress","Value":"a@example.com"}]',
			Message:
				status === 'Success'
					? '{"Status":"Success","Message":{"Id":"11111111-1111-4111-8111-111111111111","IsCreated":true}}'
					: null,
			...extra,
		},
	};
}

function statusSequence(requestId: string, ...documents: object[]) {
	for (const document of documents) {
		nock(ASYNC_BASE, { reqheaders: { 'x-api-key': 'test-async-api-key-4567' } })
			.get('/lead/status')
			.query({ RequestID: requestId })
			.reply(200, document);
	}
}

it('waits through In-Queue and sends a success to the Succeeded output', async () => {
	statusSequence(
		IDS[0],
		captureStatus(IDS[0], 'In-Queue'),
		captureStatus(IDS[0], 'In-Queue'),
		captureStatus(IDS[0], 'Success'),
	);

	const { output, error } = await runFixture('wait-for-request');

	expect(error).toBeUndefined();
	expect(output[1]).toEqual([]);
	expect(output[0]).toHaveLength(1);
	expect(output[0][0].pairedItem).toEqual({ item: 0 });
	expect(output[0][0].json).toMatchObject({
		requestId: IDS[0],
		status: 'Success',
		succeeded: true,
		leadId: '11111111-1111-4111-8111-111111111111',
		message: {
			Status: 'Success',
			Message: { Id: '11111111-1111-4111-8111-111111111111', IsCreated: true },
		},
		checks: 3,
	});
});

it("sends a FAILURE to the Failed output with LeadSquared's reason", async () => {
	statusSequence(
		IDS[0],
		captureStatus(IDS[0], 'In-Queue'),
		captureStatus(IDS[0], 'FAILURE', { StatusReason: 'Attribute(s) does not exist - mx_Nope' }),
	);

	const { output } = await runFixture('wait-for-request');

	expect(output[0]).toEqual([]);
	expect(output[1]).toHaveLength(1);
	expect(output[1][0].pairedItem).toEqual({ item: 0 });
	expect(output[1][0].json).toMatchObject({
		status: 'FAILURE',
		failed: true,
		timedOut: false,
		reason: 'Attribute(s) does not exist - mx_Nope',
		checks: 2,
	});
});

it('gives up after Max Wait and reports a timeout on the Failed output', async () => {
	nock(ASYNC_BASE)
		.get('/lead/status')
		.query(true)
		.times(100)
		.reply(200, captureStatus(IDS[0], 'In-Queue'));
	const fixture = loadWorkflow('wait-for-request');
	const node = {
		...fixture.nodes[0],
		parameters: { ...fixture.nodes[0].parameters, maxWaitSeconds: 0.3 },
	};

	const run = await runWorkflow({ nodes: [node], connections: {}, input: fixture.testInput });
	const [succeeded, failed] = run.outputs(node.name);
	nock.cleanAll();

	expect(succeeded).toEqual([]);
	expect(failed[0].json).toMatchObject({ timedOut: true, status: 'In-Queue', done: false });
	expect(failed[0].json.reason).toMatch(/^Still "In-Queue" after [\d.]+ s \(Max Wait 0.3 s\)$/);
	// Pauses grow from 50 ms to at most 100 ms, so 0.3 s allows only a handful of checks: no busy loop.
	expect(failed[0].json.checks).toBeGreaterThanOrEqual(3);
	expect(failed[0].json.checks).toBeLessThanOrEqual(6);
});

it('routes a mix of items to both outputs, each paired with its input', async () => {
	statusSequence(IDS[0], captureStatus(IDS[0], 'In-Queue'), captureStatus(IDS[0], 'Success'));
	statusSequence(IDS[1], captureStatus(IDS[1], 'ERROR', { StatusReason: 'System error' }));
	statusSequence(IDS[2], captureStatus(IDS[2], 'Success'));

	const { output } = await runFixture('wait-for-request', {
		input: IDS.map((requestId) => ({ requestId, requestType: 'capture' })),
	});

	expect(output[0].map((item) => [item.pairedItem, item.json.requestId])).toEqual([
		[{ item: 0 }, IDS[0]],
		[{ item: 2 }, IDS[2]],
	]);
	expect(output[1].map((item) => [item.pairedItem, item.json.requestId, item.json.reason])).toEqual(
		[[{ item: 1 }, IDS[1], 'System error']],
	);
});

it('with Continue On Fail, an item whose status cannot be read goes to Failed with the error', async () => {
	statusSequence(IDS[0], captureStatus(IDS[0], 'Success'));
	nock(ASYNC_BASE)
		.get('/lead/status')
		.query({ RequestID: IDS[1] })
		.reply(404, { Status: 'Error', ExceptionMessage: 'Request not found' });

	const { output } = await runFixture('wait-for-request', {
		input: [
			{ requestId: IDS[0], requestType: 'capture' },
			{ requestId: IDS[1], requestType: 'capture' },
			{ requestId: '', requestType: 'capture' },
		],
		onError: 'continueRegularOutput',
	});

	expect(output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
	expect(output[1].map((item) => [item.pairedItem, item.json.error])).toEqual([
		[{ item: 1 }, 'Request not found'],
		[{ item: 2 }, 'Request ID (item 2): is empty'],
	]);
});

it('stops polling when the execution is cancelled', async () => {
	const scope = nock(ASYNC_BASE)
		.get('/lead/status')
		.query(true)
		.times(1000)
		.reply(200, captureStatus(IDS[0], 'In-Queue'));
	const fixture = loadWorkflow('wait-for-request');
	const node = {
		...fixture.nodes[0],
		parameters: { ...fixture.nodes[0].parameters, maxWaitSeconds: 60 },
	};

	const run = await runWorkflow({
		nodes: [node],
		connections: {},
		input: fixture.testInput,
		cancelAfterMs: 300,
	});
	const remainingAtCancel = (scope as unknown as { interceptors: Array<{ counter: number }> })
		.interceptors[0].counter;
	await new Promise((resolve) => setTimeout(resolve, 400));
	const remainingLater = (scope as unknown as { interceptors: Array<{ counter: number }> })
		.interceptors[0].counter;
	nock.cleanAll();

	expect(run.run.status).toBe('canceled');
	expect(remainingLater).toBe(remainingAtCancel);
});

describe('Include Input Fields', () => {
	const signUp = {
		email: 'asha@example.com',
		firstName: 'Asha',
		status: 'from-form',
		requestId: IDS[0],
		requestType: 'capture',
	};

	function runWithInput(parameters: INodeParameters = {}) {
		const fixture = loadWorkflow('wait-for-request');
		const node = {
			...fixture.nodes[0],
			parameters: { ...fixture.nodes[0].parameters, ...parameters },
		};
		return runWorkflow({ nodes: [node], connections: {}, input: [signUp] }).then((run) =>
			run.outputs(node.name),
		);
	}

	it("is on by default: the input item's fields come out beside the status, and the status wins a name clash", async () => {
		statusSequence(IDS[0], captureStatus(IDS[0], 'Success'));

		const [succeeded] = await runWithInput();

		expect(succeeded[0].pairedItem).toEqual({ item: 0 });
		expect(succeeded[0].json).toMatchObject({
			email: 'asha@example.com',
			firstName: 'Asha',
			status: 'Success',
			succeeded: true,
			requestId: IDS[0],
		});
	});

	it('keeps the input fields on the Failed output too, for failures and timeouts', async () => {
		statusSequence(IDS[0], captureStatus(IDS[0], 'FAILURE', { StatusReason: 'Duplicate lead' }));
		const [, failed] = await runWithInput();
		expect(failed[0].json).toMatchObject({
			email: 'asha@example.com',
			reason: 'Duplicate lead',
			timedOut: false,
		});

		nock(ASYNC_BASE)
			.get('/lead/status')
			.query(true)
			.times(100)
			.reply(200, captureStatus(IDS[0], 'In-Queue'));
		const [, timedOut] = await runWithInput({ maxWaitSeconds: 0.2 });
		nock.cleanAll();
		expect(timedOut[0].json).toMatchObject({
			email: 'asha@example.com',
			firstName: 'Asha',
			timedOut: true,
		});
	});

	it('when off, outputs only the status fields', async () => {
		statusSequence(IDS[0], captureStatus(IDS[0], 'Success'));

		const [succeeded] = await runWithInput({ includeInputFields: false });

		expect(succeeded[0].json).not.toHaveProperty('email');
		expect(succeeded[0].json).not.toHaveProperty('firstName');
		expect(succeeded[0].json).toMatchObject({
			requestId: IDS[0],
			status: 'Success',
			succeeded: true,
		});
	});
});

it('is not offered to AI agents as a tool (it can keep checking for up to 15 minutes)', () => {
	expect(new LeadSquaredWaitForRequest().description.usableAsTool).toBeFalsy();
	expect(new LeadSquared().description.usableAsTool).toBe(true);
});

describe('a sign-up through Capture (Async) and Wait for Request', () => {
	const signUp = { email: 'maya@example.com', firstName: 'Maya' };

	function chain(captureParameters: INodeParameters = {}) {
		const capture = loadWorkflow('capture-async').nodes[0];
		const wait = loadWorkflow('wait-for-request').nodes[0];
		const nodes = [
			{ ...capture, parameters: { ...capture.parameters, ...captureParameters } },
			wait,
		];
		const connections = {
			[capture.name]: { main: [[{ node: wait.name, type: 'main' as const, index: 0 }]] },
		};
		nock(ASYNC_BASE)
			.post('/lead/capture')
			.query(true)
			.reply(200, { Status: 'Request accepted', RequestID: IDS[0] });
		statusSequence(IDS[0], captureStatus(IDS[0], 'Success'));
		return runWorkflow({ nodes, connections, input: [signUp] }).then((run) => ({
			captured: run.outputs(capture.name)[0],
			succeeded: run.outputs(wait.name)[0],
		}));
	}

	it("keeps the sign-up's fields all the way to the Succeeded output", async () => {
		const { captured, succeeded } = await chain();

		expect(captured[0].json).toEqual({
			...signUp,
			requestId: IDS[0],
			requestType: 'capture',
			status: 'Request accepted',
		});
		expect(succeeded[0].json).toMatchObject({
			...signUp,
			requestId: IDS[0],
			status: 'Success',
			succeeded: true,
		});
	});

	it("outputs only the request's fields from Capture (Async) when Include Input Fields is off", async () => {
		const { captured, succeeded } = await chain({ includeInputFields: false });

		expect(captured[0].json).toEqual({
			requestId: IDS[0],
			requestType: 'capture',
			status: 'Request accepted',
		});
		expect(succeeded[0].json).not.toHaveProperty('email');
	});
});
