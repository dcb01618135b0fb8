import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { recordsOf } from '../../../shared/responses';
import { leadSquaredRequest, type ApiRequest, type PageLimit } from '../../../shared/transport';
import { invalidInput } from '../../../shared/validation';
import {
	optionsCollection,
	rawValuesOption,
	readPageLimit,
	returnAllFields,
} from '../common.descriptions';
import { defineOperation } from '../define';
import { leadItems } from './leadReads';

const properties: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. john or 98450',
		description:
			'Matched against names, email addresses and phone numbers, like the search box in LeadSquared',
	},
	...returnAllFields,
	optionsCollection([rawValuesOption]),
];

interface QuickSearch {
	request: ApiRequest;
	want: PageLimit;
	rawValues: boolean;
}

function prepare(this: IExecuteFunctions, itemIndex: number): QuickSearch {
	const key = String(this.getNodeParameter('key', itemIndex, '') ?? '').trim();
	if (key === '') throw invalidInput(this.getNode(), itemIndex, 'Search Text', 'is empty');
	return {
		request: {
			api: 'v2',
			method: 'GET',
			path: 'LeadManagement.svc/Leads.GetByQuickSearch',
			qs: { key },
			idempotent: true,
		},
		want: readPageLimit.call(this, itemIndex),
		rawValues: this.getNodeParameter('options.rawValues', itemIndex, false) as boolean,
	};
}

/** Quick search answers in one call without paging, so the limit is applied here. */
async function execute(this: IExecuteFunctions, search: QuickSearch, itemIndex: number) {
	const leads = recordsOf(await leadSquaredRequest.call(this, search.request, itemIndex));
	return leadItems(search.want.returnAll ? leads : leads.slice(0, search.want.limit), {
		columns: '',
		rawValues: search.rawValues,
	});
}

export const quickSearch = defineOperation({
	name: 'Quick Search',
	description: 'Find leads by a piece of their name, email address or phone number',
	action: 'Quick search leads',
	properties,
	prepare,
	execute,
});
