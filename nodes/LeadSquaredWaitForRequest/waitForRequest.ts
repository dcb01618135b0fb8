import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readInputFields } from '../shared/descriptions/inputFields';
import { runItems } from '../shared/itemRunner';
import { isObject } from '../shared/responses';
import { toOutputItem } from '../shared/outputItems';
import { normaliseStatus, readStatusQuery, type StatusQuery } from '../shared/requestStatus';
import { assertAsyncConfigured, callConcurrency, leadSquaredRequest } from '../shared/transport';
import { sleepUnlessAborted } from '../shared/transport/rateLimiter';
import { invalidInput } from '../shared/validation';

const SUCCEEDED_OUTPUT = 0;
const FAILED_OUTPUT = 1;

interface PollPlan {
	query: StatusQuery;
	/** The input item's fields to put under the status fields, or none. */
	inputFields: IDataObject;
	maxWaitMs: number;
	firstIntervalMs: number;
	maxIntervalMs: number;
}

interface Routed {
	output: typeof SUCCEEDED_OUTPUT | typeof FAILED_OUTPUT;
	json: IDataObject;
}

const BACKOFF_FACTOR = 1.5;
const MAX_WAIT_LIMIT_SECONDS = 900;

async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PollPlan> {
	const query = readStatusQuery.call(this, itemIndex);
	const maxWaitSeconds = this.getNodeParameter('maxWaitSeconds', itemIndex, 120) as number;
	const firstInterval = this.getNodeParameter(
		'options.firstIntervalSeconds',
		itemIndex,
		2,
	) as number;
	const maxInterval = this.getNodeParameter('options.maxIntervalSeconds', itemIndex, 30) as number;
	for (const [field, value] of [
		['Max Wait (Seconds)', maxWaitSeconds],
		['First Check After (Seconds)', firstInterval],
		['Longest Pause Between Checks (Seconds)', maxInterval],
	] as const) {
		if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
			throw invalidInput(this.getNode(), itemIndex, field, 'must be a number above 0');
		}
	}
	if (maxWaitSeconds > MAX_WAIT_LIMIT_SECONDS) {
		throw invalidInput(
			this.getNode(),
			itemIndex,
			'Max Wait (Seconds)',
			`${maxWaitSeconds} is more than ${MAX_WAIT_LIMIT_SECONDS}`,
			"Longer waits keep the execution running for too long; loop with Get Request Status, an If node and n8n's Wait node instead.",
		);
	}
	await assertAsyncConfigured.call(this, itemIndex);
	return {
		query,
		inputFields: readInputFields.call(this, itemIndex),
		maxWaitMs: maxWaitSeconds * 1000,
		firstIntervalMs: firstInterval * 1000,
		maxIntervalMs: Math.max(maxInterval, firstInterval) * 1000,
	};
}

/**
 * Checks the status, then pauses a little longer each time (LeadSquared's queue retries over
 * minutes to hours), until the status is final or the next pause would pass the maximum wait.
 */
async function execute(
	this: IExecuteFunctions,
	plan: PollPlan,
	itemIndex: number,
): Promise<Routed> {
	const signal = this.getExecutionCancelSignal();
	const startedAt = Date.now();
	let interval = plan.firstIntervalMs;
	for (let checks = 1; ; checks++) {
		const body = await leadSquaredRequest.call(this, plan.query.request, itemIndex);
		const status = {
			...plan.inputFields,
			...normaliseStatus(isObject(body) ? body : {}, plan.query),
		};
		const waitedSeconds = Math.round((Date.now() - startedAt) / 100) / 10;
		if (status.succeeded)
			return { output: SUCCEEDED_OUTPUT, json: { ...status, checks, waitedSeconds } };
		if (status.failed) {
			const reason = status.statusReason ?? `LeadSquared reported ${String(status.status)}`;
			return {
				output: FAILED_OUTPUT,
				json: { ...status, reason, timedOut: false, checks, waitedSeconds },
			};
		}
		if (Date.now() - startedAt + interval > plan.maxWaitMs) {
			return {
				output: FAILED_OUTPUT,
				json: {
					...status,
					reason: `Still "${String(status.status || 'In-Queue')}" after ${waitedSeconds} s (Max Wait ${plan.maxWaitMs / 1000} s)`,
					timedOut: true,
					checks,
					waitedSeconds,
				},
			};
		}
		await sleepUnlessAborted(interval, signal);
		interval = Math.min(plan.maxIntervalMs, interval * BACKOFF_FACTOR);
	}
}

/** Succeeded items go to output 0, failed, errored and timed-out ones to output 1. */
export async function waitForRequests(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Items wait side by side; their status calls still go through the account's rate limiter.
	const outcomes = await runItems(
		this,
		this.getInputData().length,
		{ prepare, execute },
		await callConcurrency.call(this),
	);
	const outputs: INodeExecutionData[][] = [[], []];
	for (const outcome of outcomes) {
		const routed = 'result' in outcome ? outcome.result : undefined;
		outputs[routed?.output ?? FAILED_OUTPUT].push(toOutputItem(outcome, routed?.json));
	}
	return outputs;
}
