import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Async requests finish later, in another node: without this, a sign-up's own fields (its
 * email, say) would only survive inside LeadSquared's echoed request body, and every node after
 * the wait would have to reach back with $('...').item. Used by Capture (Async), Update (Async)
 * and the Wait for Request node, so the fields travel the whole chain.
 */
export const includeInputFieldsField: INodeProperties = {
	displayName: 'Include Input Fields',
	name: 'includeInputFields',
	type: 'boolean',
	default: true,
	description:
		"Whether to keep the input item's fields (for example a sign-up's email) on the output, beside the request's fields. Where a name is in both, the request's field wins.",
};

/** The input item's fields to put under the output's own fields, or none when switched off. */
export function readInputFields(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const include = this.getNodeParameter('includeInputFields', itemIndex, true) as boolean;
	return include ? this.getInputData()[itemIndex].json : {};
}
