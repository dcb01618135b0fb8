import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ApiRequest } from '../../../shared/transport';
import { requireGuid } from '../../../shared/validation';
import { readLeadAttributes } from '../../helpers/leadFields';
import { leadFieldsFields, leadIdField, postUpdatedLeadOption, optionsCollection } from '../common.descriptions';
import { messageOf, sendAndShape } from '../sendAndShape';

const properties: INodeProperties[] = [
	leadIdField,
	...leadFieldsFields('add'),
	optionsCollection([postUpdatedLeadOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['update'] } }, properties);

export function prepare(this: IExecuteFunctions, itemIndex: number): ApiRequest {
	const leadId = requireGuid(this.getNode(), itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex), 'lead ID');
	const postUpdatedLead = this.getNodeParameter('options.postUpdatedLead', itemIndex, false) as boolean;
	return {
		api: 'v2',
		method: 'POST',
		path: 'LeadManagement.svc/Lead.Update',
		qs: { leadId, postUpdatedLead },
		body: readLeadAttributes.call(this, itemIndex),
		idempotent: false,
	};
}

export const execute = sendAndShape((response, request) => ({
	leadId: request.qs?.leadId,
	affectedRows: messageOf(response).AffectedRows,
	response,
}));
