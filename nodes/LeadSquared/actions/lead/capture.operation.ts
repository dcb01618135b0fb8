import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idOf, messageOf } from '../../../shared/responses';
import { leadSquaredRequest, type ApiRequest } from '../../../shared/transport';
import { leadDetailsWithSearchBy } from '../../helpers/leadFields';
import { leadFieldsFields, optionsCollection, searchByFields } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	...leadFieldsFields('upsert'),
	...searchByFields,
	optionsCollection([
		{
			displayName: 'When the Lead Exists',
			name: 'leadUpdateBehavior',
			type: 'options',
			options: [
				{
					name: 'Update All Sent Fields',
					value: 'default',
					description: "LeadSquared's default behaviour",
				},
				{ name: 'Do Not Update', value: 'DoNotUpdate' },
				{ name: 'Update Only Empty Fields', value: 'UpdateOnlyEmptyFields' },
				{
					name: 'Do Not Update Unique Fields',
					value: 'DoNotUpdateUniqueFields',
					description: 'Leave email address and phone as they are',
				},
			],
			default: 'default',
			description:
				"What capture does with a lead that already exists (LeadSquared's LeadUpdateBehavior)",
		},
	]),
];

export const capture = defineOperation({
	name: 'Capture',
	description: "Create a lead, or update the one that matches, with LeadSquared's capture rules",
	action: 'Capture a lead',
	properties,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<ApiRequest> {
		const behavior = this.getNodeParameter(
			'options.leadUpdateBehavior',
			itemIndex,
			'default',
		) as string;
		return {
			api: 'v2',
			method: 'POST',
			path: 'LeadManagement.svc/Lead.Capture',
			qs: behavior === 'default' ? undefined : { LeadUpdateBehavior: behavior },
			body: await leadDetailsWithSearchBy.call(this, itemIndex),
			idempotent: false,
		};
	},
	async execute(this: IExecuteFunctions, request: ApiRequest, itemIndex: number) {
		const response = await leadSquaredRequest.call(this, request, itemIndex);
		const message = messageOf(response);
		return {
			leadId: idOf(message),
			created: message.IsCreated,
			affectedRows: message.AffectedRows,
			response,
		};
	},
});
