import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runItems, type ItemOperation, type ItemOutcome } from '../../shared/itemRunner';
import { callConcurrency } from '../../shared/transport';

/** What an operation gives back for one input item: one output item, several, or none (`[]`). */
export type OperationResult = IDataObject | IDataObject[];

export interface OperationDefinition<Prepared> extends ItemOperation<Prepared, OperationResult> {
	/** The label in the Operation dropdown and on the canvas, e.g. "Create or Update". */
	name: string;
	description: string;
	/** n8n's sentence for the operation in the nodes panel, e.g. "Create or update a lead". */
	action: string;
	/** The operation's own fields; the resource shows them only when this operation is chosen. */
	properties: INodeProperties[];
}

/**
 * An operation as the router sees it. The type of its prepared items is sealed inside `run`, so
 * operations of every shape fit in one map without casts.
 */
export interface Operation {
	name: string;
	description: string;
	action: string;
	properties: INodeProperties[];
	run(context: IExecuteFunctions): Promise<Array<ItemOutcome<OperationResult>>>;
}

export function defineOperation<Prepared>(definition: OperationDefinition<Prepared>): Operation {
	const { name, description, action, properties } = definition;
	return {
		name,
		description,
		action,
		properties,
		run: async (context) =>
			await runItems(
				context,
				context.getInputData().length,
				definition,
				await callConcurrency.call(context),
			),
	};
}

export interface Resource {
	/** The label in the Resource dropdown, e.g. "Lead". */
	name: string;
	operations: Record<string, Operation>;
	defaultOperation: string;
}

export function defineResource<Operations extends Record<string, Operation>>(resource: {
	name: string;
	operations: Operations;
	defaultOperation: keyof Operations & string;
}): Resource {
	return resource;
}
