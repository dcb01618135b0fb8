import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ItemOutcome } from './itemRunner';

/**
 * The output item of an item that failed under Continue On Fail: `{ error, details }`, the
 * shape n8n's "Continue (using error output)" recognises and moves to the error output.
 */
export function toErrorItem(outcome: { itemIndex: number; error: Error }): INodeExecutionData {
	const error = outcome.error as Error & { description?: string | null; httpCode?: string | null };
	return {
		json: {
			error: error.message,
			details: {
				itemIndex: outcome.itemIndex,
				...(error.description ? { description: error.description } : {}),
				...(error.httpCode ? { httpCode: error.httpCode } : {}),
			},
		},
		pairedItem: { item: outcome.itemIndex },
	};
}

/** One output item per outcome, paired with its input: the result, or the error. */
export function toOutputItem(
	outcome: ItemOutcome<unknown>,
	json: IDataObject | undefined,
): INodeExecutionData {
	if ('error' in outcome) return toErrorItem(outcome);
	return { json: json ?? {}, pairedItem: { item: outcome.itemIndex } };
}
