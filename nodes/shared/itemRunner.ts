import type { IExecuteFunctions } from 'n8n-workflow';

import { runPool } from './concurrency';

/**
 * How an operation handles one input item, in two steps so that bad input is caught before
 * anything is sent: `prepare` reads and validates the item's parameters (no I/O with
 * LeadSquared), `execute` sends through the transport and shapes the output.
 */
export interface ItemOperation<Prepared, Result> {
	prepare(this: IExecuteFunctions, itemIndex: number): Prepared | Promise<Prepared>;
	execute(this: IExecuteFunctions, prepared: Prepared, itemIndex: number): Promise<Result>;
}

export type ItemOutcome<Result> = { itemIndex: number; result: Result } | { itemIndex: number; error: Error };

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
	const ready: Array<{ itemIndex: number; prepared: Prepared }> = [];

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			ready.push({ itemIndex, prepared: await operation.prepare.call(context, itemIndex) });
		} catch (error) {
			if (!continueOnFail) throw error;
			outcomes[itemIndex] = { itemIndex, error };
		}
	}

	let stopped = false;
	await runPool(
		ready.length,
		concurrency,
		async (position) => {
			const { itemIndex, prepared } = ready[position];
			try {
				outcomes[itemIndex] = { itemIndex, result: await operation.execute.call(context, prepared, itemIndex) };
			} catch (error) {
				outcomes[itemIndex] = { itemIndex, error };
				if (!continueOnFail) stopped = true;
			}
		},
		() => stopped,
	);

	if (!continueOnFail) {
		// Report the earliest failed item, whichever finished first.
		const firstFailure = outcomes.find((outcome) => outcome && 'error' in outcome);
		if (firstFailure && 'error' in firstFailure) throw firstFailure.error;
	}
	return outcomes.filter((outcome): outcome is ItemOutcome<Result> => outcome !== undefined);
}
