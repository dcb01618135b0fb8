import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadSquaredRequest, type ApiRequest } from '../../../shared/transport';
import { leadIdField, readLeadId } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deleting is permanent, and LeadSquared enables its Delete API only on request: ask LeadSquared support to enable it for your account first.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	{ ...leadIdField, description: 'The ID (ProspectID) of the lead to delete permanently' },
];

function prepare(this: IExecuteFunctions, itemIndex: number): ApiRequest {
	const leadId = readLeadId.call(this, itemIndex);
	// Not idempotent for retries: sent twice, the second call would report an unknown lead.
	return {
		api: 'v2',
		method: 'GET',
		path: 'LeadManagement.svc/Lead/Delete/ById',
		qs: { leadId },
		idempotent: false,
	};
}

async function execute(this: IExecuteFunctions, request: ApiRequest, itemIndex: number) {
	const response = await leadSquaredRequest.call(this, request, itemIndex);
	return { leadId: request.qs?.leadId, deleted: true, response };
}

export const deleteLead = defineOperation({
	name: 'Delete',
	description: 'Delete a lead permanently (LeadSquared enables this API per account on request)',
	action: 'Delete a lead',
	properties,
	prepare,
	execute,
});
