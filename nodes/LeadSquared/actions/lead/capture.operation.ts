import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ApiRequest } from '../../../shared/transport';
import { readLeadAttributes, withSearchBy } from '../../helpers/leadFields';
import { leadFieldsFields, searchByFields, optionsCollection } from '../common.descriptions';
import { leadIdOf, messageOf, sendAndShape } from '../sendAndShape';

const properties: INodeProperties[] = [
	...leadFieldsFields('upsert'),
	...searchByFields,
	optionsCollection([
			{
				displayName: 'When the Lead Exists',
				name: 'leadUpdateBehavior',
				type: 'options',
				options: [
					{ name: 'Update All Sent Fields', value: 'default', description: 'LeadSquared\'s default behaviour' },
					{ name: 'Do Not Update', value: 'DoNotUpdate' },
					{ name: 'Update Only Empty Fields', value: 'UpdateOnlyEmptyFields' },
					{ name: 'Do Not Update Unique Fields', value: 'DoNotUpdateUniqueFields', description: 'Leave email address and phone as they are' },
				],
				default: 'default',
				description: 'What capture does with a lead that already exists (LeadSquared\'s LeadUpdateBehavior)',
			},
		]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['capture'] } }, properties);

/** Capture requests are the same for the sync and async APIs; only where they go differs. */
export function captureBody(this: IExecuteFunctions, itemIndex: number) {
	return withSearchBy.call(this, itemIndex, readLeadAttributes.call(this, itemIndex));
}

export function prepare(this: IExecuteFunctions, itemIndex: number): ApiRequest {
	const behavior = this.getNodeParameter('options.leadUpdateBehavior', itemIndex, 'default') as string;
	return {
		api: 'v2',
		method: 'POST',
		path: 'LeadManagement.svc/Lead.Capture',
		qs: behavior === 'default' ? undefined : { LeadUpdateBehavior: behavior },
		body: captureBody.call(this, itemIndex),
		idempotent: false,
	};
}

export const execute = sendAndShape((response) => {
	const message = messageOf(response);
	return {
		leadId: leadIdOf(message),
		created: message.IsCreated,
		affectedRows: message.AffectedRows,
		response,
	};
});
