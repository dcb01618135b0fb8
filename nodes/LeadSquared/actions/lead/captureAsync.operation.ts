import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { includeInputFieldsField, readInputFields } from '../../../shared/descriptions/inputFields';
import {
	assertAsyncConfigured,
	leadSquaredRequest,
	type ApiRequest,
} from '../../../shared/transport';
import { queuedRequestOf } from '../../../shared/requestStatus';
import { leadDetailsWithSearchBy } from '../../helpers/leadFields';
import { asyncNotice, leadFieldsFields, searchByFields } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	asyncNotice('capture'),
	...leadFieldsFields('upsert'),
	...searchByFields,
	includeInputFieldsField,
];

export const captureAsync = defineOperation({
	name: 'Capture (Async)',
	description: 'Queue a lead capture and get a request ID to check later',
	action: 'Capture a lead asynchronously',
	properties,
	async prepare(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<{ request: ApiRequest; inputFields: IDataObject }> {
		// The same body as Capture; only where it goes differs.
		const body = await leadDetailsWithSearchBy.call(this, itemIndex);
		await assertAsyncConfigured.call(this, itemIndex);
		return {
			request: { api: 'async', method: 'POST', path: 'lead/capture', body, idempotent: false },
			inputFields: readInputFields.call(this, itemIndex),
		};
	},
	async execute(this: IExecuteFunctions, { request, inputFields }, itemIndex: number) {
		const response = await leadSquaredRequest.call(this, request, itemIndex);
		return { ...inputFields, ...queuedRequestOf(response, { requestType: 'capture' }) };
	},
});
