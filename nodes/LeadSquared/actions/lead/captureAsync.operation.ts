import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { assertAsyncConfigured, type ApiRequest } from '../../../shared/transport';
import { leadFieldsFields, searchByFields } from '../common.descriptions';
import { sendAndShape } from '../sendAndShape';
import { captureBody } from './capture.operation';

const properties: INodeProperties[] = [
	{
		displayName:
			'LeadSquared queues the capture and answers with a request ID. Connect a "LeadSquared Wait for Request" node to continue once it is done.',
		name: 'asyncNotice',
		type: 'notice',
		default: '',
	},
	...leadFieldsFields('upsert'),
	...searchByFields,
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['captureAsync'] } }, properties);

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<ApiRequest> {
	const body = captureBody.call(this, itemIndex);
	await assertAsyncConfigured.call(this, itemIndex);
	return { api: 'async', method: 'POST', path: 'lead/capture', body, idempotent: false };
}

export const execute = sendAndShape((response) => ({
	requestId: response.RequestID ?? response.RequestId,
	requestType: 'capture',
	status: response.Status,
}));
