import { NodeApiError, NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { runPool } from './concurrency';

/**
 * How an operation handles one input item, in two steps so that bad input is caught before
 * anything is sent: `prepare` reads and validates the item's parameters (no I/O with
 * LeadSquared), `execute` sends through the transport and shapes the output.
 */
export interface ItemOperation<Prepared, Result> {
	prepare(this: IExecuteFunctions, itemIndex: number): Prepared | Promise<Prepared>;
	execute(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Result>;
	/**
	 * Optional: handles all valid items together when that beats one by one (Bulk Update merges
	 * items into shared calls). Returns undefined to fall back to `execute` per item.
	 */
	executeAll?(
		this: IExecuteFunctions,
		items: Array<PreparedItem<Prepared>>,
	): Promise<Array<ItemOutcome<Result>> | undefined>;
}

export interface PreparedItem<Prepared> {
	itemIndex: number;
	prepared: Prepared;
}

export type ItemOutcome<Result> =
	| { itemIndex: number; result: Result }
	| { itemIndex: number; error: Error };

/**
 * Runs an operation over every input item and returns one outcome per item, in input order.
 *
 * Items run concurrently (the transport's rate limiter decides how fast calls actually go),
 * because one-at-a-time leaves most of LeadSquared's budget unused once a call takes a few
 * hundred milliseconds. Without Continue On Fail, any invalid item stops the run before
 * anything is sent, and a failed call stops new calls from starting; calls already in flight
 * at that moment still finish.
 */
export async function runItems<Prepared, Result>(
	context: IExecuteFunctions,
	itemCount: number,
	operation: ItemOperation<Prepared, Result>,
	concurrency: number,
): Promise<Array<ItemOutcome<Result>>> {
	const continueOnFail = context.continueOnFail();
	const outcomes: Array<ItemOutcome<Result> | undefined> = new Array(itemCount);
	const ready: Array<PreparedItem<Prepared>> = [];

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			ready.push({ itemIndex, prepared: await operation.prepare.call(context, itemIndex) });
		} catch (error) {
			outcomes[itemIndex] = { itemIndex, error: asNodeError(context, error, itemIndex) };
			if (!continueOnFail) break;
		}
	}
	throwFirstFailureUnless(continueOnFail, outcomes);

	const record = (outcome: ItemOutcome<Result>) => {
		outcomes[outcome.itemIndex] =
			'error' in outcome
				? {
						itemIndex: outcome.itemIndex,
						error: asNodeError(context, outcome.error, outcome.itemIndex),
					}
				: outcome;
	};
	const together = await operation.executeAll?.call(context, ready);
	if (together) {
		together.forEach(record);
	} else {
		let stopped = false;
		await runPool(
			ready.length,
			concurrency,
			async (position) => {
				const { itemIndex, prepared } = ready[position];
				try {
					record({ itemIndex, result: await operation.execute.call(context, prepared, itemIndex) });
				} catch (error) {
					record({ itemIndex, error });
					if (!continueOnFail) stopped = true;
				}
			},
			() => stopped,
		);
	}

	throwFirstFailureUnless(continueOnFail, outcomes);
	return outcomes.filter((outcome): outcome is ItemOutcome<Result> => outcome !== undefined);
}

/**
 * Without Continue On Fail, the earliest failed item (in input order) fails the node. Later items
 * that were already in flight when it failed are named, because their writes did happen.
 */
function throwFirstFailureUnless<Result>(
	continueOnFail: boolean,
	outcomes: Array<ItemOutcome<Result> | undefined>,
): void {
	if (continueOnFail) return;
	const failedAt = outcomes.findIndex((outcome) => outcome !== undefined && 'error' in outcome);
	if (failedAt === -1) return;
	const failure = outcomes[failedAt] as unknown as { error: NodeApiError | NodeOperationError };
	const alreadySent = outcomes
		.slice(failedAt + 1)
		.filter(
			(outcome): outcome is { itemIndex: number; result: Result } =>
				outcome !== undefined && 'result' in outcome,
		)
		.map((outcome) => outcome.itemIndex);
	if (alreadySent.length > 0) {
		const note = `Items sent at the same time that succeeded before the run stopped: ${alreadySent.join(', ')}. No further items were sent.`;
		failure.error.description = failure.error.description
			? `${failure.error.description} ${note}`
			: note;
	}
	throw failure.error;
}

/** Unexpected errors (bugs included) still reach the user as n8n errors tied to the item. */
function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
