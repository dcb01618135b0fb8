import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ItemOutcome } from './itemRunner';

/**
 * Turns per-item outcomes into n8n items, each paired with its input. A failure becomes
 * `{ error, details }` plus the error object, the shape n8n's "Continue (using error output)"
 * recognises and moves to the error output.
 */
export function toOutputItems(outcomes: Array<ItemOutcome<IDataObject>>): INodeExecutionData[] {
	return outcomes.map((outcome) => toOutputItem(outcome, 'result' in outcome ? outcome.result : undefined));
}

export function toOutputItem(outcome: ItemOutcome<unknown>, json: IDataObject | undefined): INodeExecutionData {
	const pairedItem = { item: outcome.itemIndex };
	if ('error' in outcome) {
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
			pairedItem,
		};
	}
	return { json: json ?? {}, pairedItem };
}
