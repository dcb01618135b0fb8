import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { assertAsyncConfigured, type ApiRequest } from '../../../shared/transport';
import { requireGuid } from '../../../shared/validation';
import { readLeadAttributes } from '../../helpers/leadFields';
import { leadFieldsFields, leadIdField, postUpdatedLeadOption, optionsCollection } from '../common.descriptions';
import { sendAndShape } from '../sendAndShape';

const properties: INodeProperties[] = [
	{
		displayName:
			'LeadSquared queues the update and answers with a request ID. Connect a "LeadSquared Wait for Request" node to continue once it is done.',
		name: 'asyncNotice',
		type: 'notice',
		default: '',
	},
	leadIdField,
	...leadFieldsFields('add'),
	optionsCollection([postUpdatedLeadOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['updateAsync'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<ApiRequest> {
	const leadId = requireGuid(this.getNode(), itemIndex, 'Lead ID', this.getNodeParameter('leadId', itemIndex), 'lead ID');
	const postUpdatedLead = this.getNodeParameter('options.postUpdatedLead', itemIndex, false) as boolean;
	const body = readLeadAttributes.call(this, itemIndex);
	await assertAsyncConfigured.call(this, itemIndex);
	return { api: 'async', method: 'POST', path: 'lead/update', qs: { leadId, postUpdatedLead }, body, idempotent: false };
}

export const execute = sendAndShape((response, request) => ({
	requestId: response.RequestID ?? response.RequestId,
	requestType: 'update',
	leadId: request.qs?.leadId,
	status: response.Status,
}));
