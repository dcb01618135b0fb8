import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	requestIdField,
	requestTypeField,
	statusPathOption,
} from '../../../shared/descriptions/asyncRequest';
import { normaliseStatus, readStatusQuery, type StatusQuery } from '../../../shared/requestStatus';
import { assertAsyncConfigured, leadSquaredRequest } from '../../../shared/transport';
import { isObject } from '../../../shared/responses';
import { optionsCollection } from '../common.descriptions';
import { defineOperation } from '../define';

const properties: INodeProperties[] = [
	{
		displayName:
			'Checked right after Capture (Async) or Update (Async), the status is almost always "In-Queue": LeadSquared processes the queue over seconds to minutes. To continue once it is done, use the "LeadSquared Wait for Request" node instead.',
		name: 'waitNotice',
		type: 'notice',
		default: '',
	},
	requestIdField,
	requestTypeField,
	optionsCollection([statusPathOption]),
];

export const getRequestStatus = defineOperation({
	name: 'Get Request Status',
	description: 'Check once whether a queued (async) capture or update has finished',
	action: 'Get the status of an async request',
	properties,
	async prepare(this: IExecuteFunctions, itemIndex: number): Promise<StatusQuery> {
		const query = readStatusQuery.call(this, itemIndex);
		await assertAsyncConfigured.call(this, itemIndex);
		return query;
	},
	async execute(this: IExecuteFunctions, query: StatusQuery, itemIndex: number) {
		const body = await leadSquaredRequest.call(this, query.request, itemIndex);
		return normaliseStatus(isObject(body) ? body : {}, query);
	},
});
