import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { messageOf } from '../../../shared/responses';
import { leadSquaredRequest, type ApiRequest } from '../../../shared/transport';
import { readLeadAttributes } from '../../helpers/leadFields';
import {
	leadFieldsFields,
	leadIdField,
	optionsCollection,
	postUpdatedLeadOption,
	readLeadId,
} from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	leadIdField,
	...leadFieldsFields('add'),
	optionsCollection([postUpdatedLeadOption]),
];

export const update = defineOperation({
	name: 'Update',
	description: 'Change fields of one lead, found by its lead ID',
	action: 'Update a lead',
	properties,
	prepare(this: IExecuteFunctions, itemIndex: number): ApiRequest {
		const leadId = readLeadId.call(this, itemIndex);
		const postUpdatedLead = this.getNodeParameter(
			'options.postUpdatedLead',
			itemIndex,
			false,
		) as boolean;
		const body = readLeadAttributes.call(this, itemIndex);
		return {
			api: 'v2',
			method: 'POST',
			path: 'LeadManagement.svc/Lead.Update',
			qs: { leadId, postUpdatedLead },
			body,
			idempotent: false,
		};
	},
	async execute(this: IExecuteFunctions, request: ApiRequest, itemIndex: number) {
		const response = await leadSquaredRequest.call(this, request, itemIndex);
		return { leadId: request.qs?.leadId, affectedRows: messageOf(response).AffectedRows, response };
	},
});
