import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { includeInputFieldsField, readInputFields } from '../../../shared/descriptions/inputFields';
import { queuedRequestOf } from '../../../shared/requestStatus';
import {
	assertAsyncConfigured,
	leadSquaredRequest,
	type ApiRequest,
} from '../../../shared/transport';
import { readLeadAttributes } from '../../helpers/leadFields';
import {
	asyncNotice,
	leadFieldsFields,
	leadIdField,
	optionsCollection,
	postUpdatedLeadOption,
	readLeadId,
} from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	asyncNotice('update'),
	leadIdField,
	...leadFieldsFields('add'),
	includeInputFieldsField,
	optionsCollection([postUpdatedLeadOption]),
];

export const updateAsync = defineOperation({
	name: 'Update (Async)',
	description: 'Queue an update of one lead and get a request ID to check later',
	action: 'Update a lead asynchronously',
	properties,
	async prepare(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<{ request: ApiRequest; inputFields: IDataObject }> {
		const leadId = readLeadId.call(this, itemIndex);
		const postUpdatedLead = this.getNodeParameter(
			'options.postUpdatedLead',
			itemIndex,
			false,
		) as boolean;
		const body = readLeadAttributes.call(this, itemIndex);
		await assertAsyncConfigured.call(this, itemIndex);
		return {
			request: {
				api: 'async',
				method: 'POST',
				path: 'lead/update',
				qs: { leadId, postUpdatedLead },
				body,
				idempotent: false,
			},
			inputFields: readInputFields.call(this, itemIndex),
		};
	},
	async execute(this: IExecuteFunctions, { request, inputFields }, itemIndex: number) {
		const response = await leadSquaredRequest.call(this, request, itemIndex);
		return {
			...inputFields,
			...queuedRequestOf(response, { requestType: 'update', leadId: request.qs?.leadId }),
		};
	},
});
