import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertAsyncConfigured, leadSquaredRequest, type ApiRequest } from '../../../shared/transport';
import { queuedRequestOf } from '../../../shared/requestStatus';
import { asyncNotice, leadFieldsFields, searchByFields } from '../common.descriptions';
import { defineOperation } from '../define';
import { captureBody } from './capture.operation';

const properties: INodeProperties[] = [asyncNotice('capture'), ...leadFieldsFields('upsert'), ...searchByFields];

export const captureAsync = defineOperation({
	name: 'Capture (Async)',
	description: 'Queue a lead capture and get a request ID to check later',
	action: 'Capture a lead asynchronously',
	properties,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<ApiRequest> {
		const body = captureBody.call(this, itemIndex);
		await assertAsyncConfigured.call(this, itemIndex);
		return { api: 'async', method: 'POST', path: 'lead/capture', body, idempotent: false };
	},
	async execute(this: IExecuteFunctions, request: ApiRequest, itemIndex: number) {
		return queuedRequestOf(await leadSquaredRequest.call(this, request, itemIndex), { requestType: 'capture' });
	},
});
